variable "settings" {
  type = object({
    project                   = string
    environment               = string
    region                    = string
    github_repository         = string
    hosted_zone_name          = string
    domain_name               = string
    bucket_suffix             = string
    vpc_cidr                  = string
    az_count                  = number
    nat_gateway               = string
    deletion_protection       = bool
    db_final_snapshot         = bool
    db_engine_version         = string
    db_instance_class         = string
    db_allocated_storage      = number
    db_max_allocated_storage  = number
    db_multi_az               = bool
    db_backup_retention_days  = number
    db_monitoring_interval    = number
    db_read_replica           = bool
    db_replica_instance_class = string
    cache_node_type           = string
    cache_nodes               = number
    services = map(object({
      cpu              = number
      memory           = number
      min_count        = number
      max_count        = number
      cpu_architecture = string
      spot             = bool
      on_demand_base   = number
    }))
    container_insights     = string
    log_retention_days     = number
    alb_log_retention_days = number
    alert_emails           = list(string)
    monthly_budget_usd     = number
  })
  description = <<-EOT
    One environment's settings, from its terraform.tfvars:
    project: prefix of every resource, the ECR repository and the Project tag.
    environment: dev, staging or production (also the GitHub environment).
    region: home region.
    github_repository: owner/name of the repository whose environment jobs deploy here.
    hosted_zone_name: public Route 53 zone, e.g. cma.example.org.
    domain_name: name users browse to, inside the hosted zone.
    bucket_suffix: makes bucket names globally unique (e.g. the account ID).
    vpc_cidr: IPv4 range of the VPC. az_count: availability zones (2 or 3).
    nat_gateway: none, single or per_az (see modules/network).
    deletion_protection: protect the load balancer, database and secrets from deletion.
    db_final_snapshot: snapshot the database when it is deleted.
    db_engine_version: PostgreSQL version (15.x or 16.x). db_instance_class: primary instance class.
    db_allocated_storage, db_max_allocated_storage: initial storage and autoscaling ceiling in GiB.
    db_multi_az: synchronous standby in a second zone. db_backup_retention_days: days of PITR.
    db_monitoring_interval: Enhanced Monitoring interval in seconds, 0 for none.
    db_read_replica: a read replica for the API's reads, of db_replica_instance_class.
    cache_node_type, cache_nodes: Valkey node type and count (2 or more for failover).
    services: size and scaling of api, web and worker (see modules/ecs).
    container_insights: ECS Container Insights: enabled, enhanced or disabled (billed metrics).
    log_retention_days, alb_log_retention_days: days task and load balancer logs are kept.
    alert_emails: addresses for alarms and budget notifications.
    monthly_budget_usd: monthly budget in US dollars.
  EOT

  validation {
    condition     = contains(["dev", "staging", "production"], var.settings.environment)
    error_message = "settings.environment must be dev, staging or production."
  }
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image the services are created with; CI deploys later ones."
}

variable "tags" {
  type        = map(string)
  description = "The providers' default tags; the budget filters on their Environment tag."
}
