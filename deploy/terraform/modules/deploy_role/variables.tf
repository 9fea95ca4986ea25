variable "name" {
  type        = string
  description = "Name prefix, e.g. cma-production."
}

variable "region" {
  type        = string
  description = "Region of the cluster."
}

variable "github_oidc_provider_arn" {
  type        = string
  description = "ARN of the account's token.actions.githubusercontent.com OIDC provider."
}

variable "github_repository" {
  type        = string
  description = "owner/name of the GitHub repository."
}

variable "github_environment" {
  type        = string
  description = "GitHub environment whose jobs may assume the role (approvals are set there)."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster name."
}

variable "cluster_arn" {
  type        = string
  description = "ECS cluster ARN."
}

variable "service_names" {
  type        = map(string)
  description = "ECS service names the pipeline may update."
}

variable "migration_task_family" {
  type        = string
  description = "Task definition family run once with `migrate` before a rollout."
}

variable "migration_log_group_name" {
  type        = string
  description = "Log group the migration task writes to."
}

variable "passable_role_arns" {
  type        = list(string)
  description = "Execution and task roles the registered task definitions name."
}
