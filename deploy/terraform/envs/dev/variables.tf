variable "project" {
  type        = string
  description = "Project name: prefix of every resource, the ECR repository and the Project tag."
  default     = "cma"
}

variable "environment" {
  type        = string
  description = "Environment name: dev, staging or production (also the GitHub environment)."

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "region" {
  type        = string
  description = "Home region."
  default     = "eu-west-2"
}

variable "github_repository" {
  type        = string
  description = "owner/name of the GitHub repository whose environment jobs deploy here."
}

variable "hosted_zone_name" {
  type        = string
  description = "Public Route 53 zone, e.g. cma.example.org."
}

variable "domain_name" {
  type        = string
  description = "Name users browse to, inside the hosted zone."
}

variable "bucket_suffix" {
  type        = string
  description = "Suffix that makes bucket names globally unique (e.g. the account ID)."
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image the services are created with; CI deploys later ones."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the VPC."
  default     = "10.0.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Availability zones (2 or 3)."
  default     = 2
}

variable "nat_gateway" {
  type        = string
  description = "none, single or per_az (see modules/network)."
}

variable "deletion_protection" {
  type        = bool
  description = "Protect the load balancer, database and secrets from deletion."
}

variable "db_final_snapshot" {
  type        = bool
  description = "Snapshot the database when it is deleted."
}

variable "db_engine_version" {
  type        = string
  description = "PostgreSQL version (15.x or 16.x)."
  default     = "16"
}

variable "db_instance_class" {
  type        = string
  description = "Primary database instance class."
}

variable "db_allocated_storage" {
  type        = number
  description = "Initial database storage in GiB."
}

variable "db_max_allocated_storage" {
  type        = number
  description = "Database storage autoscaling ceiling in GiB."
}

variable "db_multi_az" {
  type        = bool
  description = "Synchronous standby in a second zone."
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of point-in-time recovery."
}

variable "db_monitoring_interval" {
  type        = number
  description = "Enhanced Monitoring interval in seconds, 0 for none."
}

variable "db_read_replica" {
  type        = bool
  description = "Create a read replica for the API's reads."
}

variable "db_replica_instance_class" {
  type        = string
  description = "Read replica instance class."
  default     = "db.t4g.medium"
}

variable "cache_node_type" {
  type        = string
  description = "Valkey node type."
}

variable "cache_nodes" {
  type        = number
  description = "Valkey nodes (2 or more for failover)."
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
  description = "Size and scaling of api, web and worker (see modules/ecs)."
}

variable "container_insights" {
  type        = string
  description = "ECS Container Insights: enabled, enhanced or disabled (its metrics are billed)."
  default     = "enabled"
}

variable "log_retention_days" {
  type        = number
  description = "Days task logs are kept."
}

variable "alb_log_retention_days" {
  type        = number
  description = "Days load balancer access logs are kept."
}

variable "alert_emails" {
  type        = list(string)
  description = "Addresses for alarms and budget notifications."
}

variable "monthly_budget_usd" {
  type        = number
  description = "Monthly budget in US dollars."
}
