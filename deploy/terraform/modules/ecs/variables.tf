variable "name" {
  type        = string
  description = "Name prefix and cluster name, e.g. cma-production."
}

variable "environment" {
  type        = string
  description = "Environment name (dev, staging, production), passed to the tasks as CMA_ENVIRONMENT."
}

variable "region" {
  type        = string
  description = "AWS region of the cluster (logs, S3 URL)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the tasks."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the VPC: the tasks reach PostgreSQL and Valkey inside it."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets the tasks run in."
}

variable "assign_public_ip" {
  type        = bool
  description = "Give tasks a public IP (needed in public subnets without NAT to reach AWS APIs)."
}

variable "alb_security_group_id" {
  type        = string
  description = "Security group of the load balancer: the only source of inbound traffic to api and web."
}

variable "alb_arn_suffix" {
  type        = string
  description = "ARN suffix of the load balancer, for request-count scaling."
}

variable "api_target_group_arn" {
  type        = string
  description = "Target group the API service registers with."
}

variable "api_target_group_arn_suffix" {
  type        = string
  description = "ARN suffix of the API target group."
}

variable "web_target_group_arn" {
  type        = string
  description = "Target group the web service registers with."
}

variable "web_target_group_arn_suffix" {
  type        = string
  description = "ARN suffix of the web target group."
}

variable "api_port" {
  type        = number
  description = "Port of `cma serve`."
  default     = 5000
}

variable "web_port" {
  type        = number
  description = "Port of `cma web`."
  default     = 3000
}

variable "worker_health_port" {
  type        = number
  description = "Port on which `cma worker` answers its health check (inside the task only)."
  default     = 5000
}

variable "image_repository_url" {
  type        = string
  description = "ECR repository of the cma image."
}

variable "image_tag" {
  type        = string
  description = "Image tag Terraform registers at creation: a full git commit SHA. Later rollouts come from CI."

  validation {
    condition     = can(regex("^[0-9a-f]{40}$", var.image_tag))
    error_message = "image_tag must be a 40-character git commit SHA: tags are immutable and never :latest."
  }
}

variable "xray_daemon_image" {
  type        = string
  description = "AWS X-Ray daemon image, pinned to a version."
  default     = "public.ecr.aws/xray/aws-xray-daemon:3.3.13"
}

variable "services" {
  type = map(object({
    cpu              = number
    memory           = number
    min_count        = number
    max_count        = number
    cpu_architecture = string
    spot             = bool
    on_demand_base   = number
  }))
  description = "Size and scaling of api, web and worker. Spot services run on X86_64 (Fargate Spot has no ARM64)."

  validation {
    condition     = alltrue([for k in ["api", "web", "worker"] : contains(keys(var.services), k)])
    error_message = "services must define api, web and worker."
  }

  validation {
    condition     = alltrue([for s in values(var.services) : contains(["X86_64", "ARM64"], s.cpu_architecture)])
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "requests_per_target" {
  type        = number
  description = "Target of ALBRequestCountPerTarget scaling (requests per task per minute)."
  default     = 1000
}

variable "db_address" {
  type        = string
  description = "Host of the primary database."
}

variable "db_replica_address" {
  type        = string
  description = "Host of the read replica (the primary when there is none)."
}

variable "db_port" {
  type        = number
  description = "Port of the databases."
}

variable "db_name" {
  type        = string
  description = "Database name."
}

variable "db_username" {
  type        = string
  description = "Database user name."
}

variable "db_master_secret_arn" {
  type        = string
  description = "RDS-managed master secret; the API and workers read its password key themselves (DATABASE_PASSWORD_SECRET_ARN), again after each rotation."
}

variable "redis_url_secret_arn" {
  type        = string
  description = "Secret holding REDIS_URL."
}

variable "documents_bucket_name" {
  type        = string
  description = "Documents bucket (STORAGE_URL)."
}

variable "documents_bucket_arn" {
  type        = string
  description = "ARN of the documents bucket, for the task roles."
}

variable "documents_kms_key_arn" {
  type        = string
  description = "KMS key of the documents bucket, for the task roles."
}

variable "log_retention_days" {
  type        = number
  description = "Days the task logs are kept."
}

variable "log_level" {
  type        = string
  description = "LOG_LEVEL of the tasks."
  default     = "info"
}

variable "container_insights" {
  type        = string
  description = "Container Insights: enabled, enhanced or disabled."
  default     = "enabled"
}

variable "enable_execute_command" {
  type        = bool
  description = "Allow ECS Exec into running tasks (audited in the exec log group)."
  default     = true
}

variable "secret_recovery_days" {
  type        = number
  description = "Recovery window of the JWT secret (0 deletes at once)."
  default     = 7
}
