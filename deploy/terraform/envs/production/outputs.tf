output "url" {
  description = "Address of the environment."
  value       = module.stack.url
}

output "cluster_name" {
  description = "ECS cluster (CI: ECS_CLUSTER)."
  value       = module.stack.cluster_name
}

output "deploy_role_arn" {
  description = "Role the pipeline assumes to deploy this environment (GitHub: AWS_DEPLOY_ROLE_ARN)."
  value       = module.stack.deploy_role_arn
}

output "stack" {
  description = "Every output of modules/stack: services, task families, subnets, buckets, dashboard."
  value       = module.stack
}
