output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_names" {
  description = "ECS service name by role (api, web, worker)."
  value       = { for k, s in aws_ecs_service.this : k => s.name }
}

output "task_families" {
  description = "Task definition family by role; CI registers new revisions of these."
  value       = { for k, t in aws_ecs_task_definition.this : k => t.family }
}

output "security_group_ids" {
  description = "Security group by role (the database and cache admit api and worker)."
  value       = { for k, g in aws_security_group.service : k => g.id }
}

output "execution_role_arn" {
  description = "Task execution role."
  value       = aws_iam_role.execution.arn
}

output "task_role_arns" {
  description = "Task role by service."
  value       = { for k, r in aws_iam_role.task : k => r.arn }
}

output "log_group_names" {
  description = "Log group by service."
  value       = { for k, g in aws_cloudwatch_log_group.service : k => g.name }
}

output "subnet_ids" {
  description = "Subnets of the tasks (for one-off tasks such as migrations)."
  value       = var.subnet_ids
}

output "assign_public_ip" {
  description = "Whether one-off tasks need a public IP."
  value       = var.assign_public_ip
}
