variable "name" {
  type        = string
  description = "Name prefix, e.g. cma-production."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the database and cache."
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets in at least two zones."
}

variable "client_security_group_ids" {
  type        = map(string)
  description = "Security groups allowed to reach PostgreSQL and Valkey, by service name (api, worker)."
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the database and keep secrets and bucket contents on destroy."
}

variable "final_snapshot" {
  type        = bool
  description = "Take a final snapshot (named <name>-final) when the database is deleted."
}

variable "db_engine_version" {
  type        = string
  description = "PostgreSQL version: a major version (\"16\") takes the newest minor RDS offers; minor upgrades then apply in the maintenance window."
  default     = "16"

  validation {
    condition     = contains(["15", "16"], split(".", var.db_engine_version)[0])
    error_message = "The server is tested on PostgreSQL 15 and runs on 16: use 15.x or 16.x."
  }
}

variable "db_instance_class" {
  type        = string
  description = "RDS instance class of the primary, e.g. db.t4g.micro."
}

variable "db_allocated_storage" {
  type        = number
  description = "Initial gp3 storage in GiB."
  default     = 20
}

variable "db_max_allocated_storage" {
  type        = number
  description = "Storage autoscaling ceiling in GiB."
  default     = 100
}

variable "db_multi_az" {
  type        = bool
  description = "Keep a synchronous standby in a second zone."
  default     = false
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of automated backups (point-in-time recovery window)."
  default     = 7
}

variable "db_monitoring_interval" {
  type        = number
  description = "Enhanced Monitoring interval in seconds (0 turns it off; otherwise a monitoring role is created)."
  default     = 0

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.db_monitoring_interval)
    error_message = "db_monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60."
  }
}

variable "db_read_replica" {
  type        = bool
  description = "Create a read replica for the API's read-only queries."
  default     = false
}

variable "db_replica_instance_class" {
  type        = string
  description = "RDS instance class of the read replica."
  default     = "db.t4g.medium"
}

variable "cache_engine_version" {
  type        = string
  description = "Valkey engine version."
  default     = "8.0"
}

variable "cache_node_type" {
  type        = string
  description = "ElastiCache node type, e.g. cache.t4g.micro."
}

variable "cache_nodes" {
  type        = number
  description = "Cache nodes: 1, or 2 and more for a replica with automatic failover across zones."
  default     = 1
}

variable "documents_bucket_name" {
  type        = string
  description = "Globally unique name of the documents bucket."
}

variable "documents_noncurrent_days" {
  type        = number
  description = "Days an overwritten or deleted document version is kept before it expires."
  default     = 90
}

variable "cors_allowed_origins" {
  type        = list(string)
  description = "Origins allowed to upload to presigned URLs, e.g. [\"https://app.cma.example.org\"]."
}
