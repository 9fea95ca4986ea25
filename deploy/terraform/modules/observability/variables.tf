variable "name" {
  type        = string
  description = "Name prefix, e.g. cma-production."
}

variable "environment" {
  type        = string
  description = "Environment name; the app's metrics carry it as the Environment dimension."
}

variable "region" {
  type        = string
  description = "Region of the dashboard's metrics."
}

variable "alert_emails" {
  type        = list(string)
  description = "Addresses that receive alarms and budget notifications."
}

variable "monthly_budget_usd" {
  type        = number
  description = "Monthly budget in US dollars."
}

variable "budget_tag_key" {
  type        = string
  description = "Cost allocation tag the budget filters on (a key of the provider's default_tags)."
  default     = "Environment"
}

variable "budget_tag_value" {
  type        = string
  description = "Value of that tag for this environment (the same value default_tags applies)."
}

variable "alb_arn_suffix" {
  type        = string
  description = "Load balancer dimension."
}

variable "api_target_group_arn_suffix" {
  type        = string
  description = "API target group dimension."
}

variable "web_target_group_arn_suffix" {
  type        = string
  description = "Web target group dimension."
}

variable "cluster_name" {
  type        = string
  description = "ECS cluster name."
}

variable "service_names" {
  type        = map(string)
  description = "ECS service name by role."
}

variable "api_log_group_name" {
  type        = string
  description = "Log group of the API (for the slow-routes query)."
}

variable "db_identifier" {
  type        = string
  description = "Identifier of the primary database."
}

variable "db_replica_identifier" {
  type        = string
  description = "Identifier of the read replica, or null."
  default     = null
}

variable "cache_replication_group_id" {
  type        = string
  description = "Valkey replication group ID."
}

variable "app_metric_namespace" {
  type        = string
  description = "CloudWatch namespace of the app's EMF metrics."
  default     = "CMA"
}

variable "max_5xx_per_5_minutes" {
  type        = number
  description = "5xx responses in 5 minutes above which the alarm fires."
  default     = 10
}

variable "api_p95_seconds" {
  type        = number
  description = "API p95 latency in seconds above which the alarm fires."
  default     = 1
}

variable "max_queue_depth" {
  type        = number
  description = "Waiting jobs above which the alarm fires."
  default     = 500
}
