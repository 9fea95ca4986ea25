output "repository_url" {
  description = "ECR repository of the cma image."
  value       = aws_ecr_repository.cma.repository_url
}

output "github_oidc_provider_arn" {
  description = "ARN of GitHub's OIDC provider (for the environments' deploy roles)."
  value       = aws_iam_openid_connect_provider.github.arn
}

output "publisher_role_arn" {
  description = "Role the pipeline assumes to push images."
  value       = aws_iam_role.publisher.arn
}

output "plan_role_arn" {
  description = "Role the pipeline assumes for terraform plan."
  value       = aws_iam_role.plan.arn
}

output "apply_role_arn" {
  description = "Role the pipeline assumes for terraform apply."
  value       = aws_iam_role.apply.arn
}
