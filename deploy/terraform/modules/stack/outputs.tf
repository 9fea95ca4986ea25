output "url" {
  description = "Address of the environment."
  value       = module.cdn.url
}

output "cluster_name" {
  description = "ECS cluster (CI: ECS_CLUSTER)."
  value       = module.ecs.cluster_name
}

output "service_names" {
  description = "ECS services by role."
  value       = module.ecs.service_names
}

output "task_families" {
  description = "Task definition families by role."
  value       = module.ecs.task_families
}

output "task_subnet_ids" {
  description = "Subnets for the one-off migration task."
  value       = module.ecs.subnet_ids
}

output "task_security_group_id" {
  description = "Security group for the one-off migration task (the API's)."
  value       = module.ecs.security_group_ids["api"]
}

output "task_public_ip" {
  description = "Whether the migration task needs a public IP."
  value       = module.ecs.assign_public_ip
}

output "deploy_role_arn" {
  description = "Role the pipeline assumes to deploy this environment."
  value       = module.deploy_role.role_arn
}

output "documents_bucket" {
  description = "Documents bucket."
  value       = module.data.documents_bucket_name
}

output "dashboard" {
  description = "CloudWatch dashboard."
  value       = module.observability.dashboard_name
}
