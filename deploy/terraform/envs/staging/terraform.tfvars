# staging's values: sizes and protections here are what deploy/cost/model.js prices.
image_tag = "0000000000000000000000000000000000000000"

settings = {
  project           = "cma"
  environment       = "staging"
  region            = "eu-west-2"
  github_repository = "example-org/cma"
  hosted_zone_name  = "cma.example.org"
  domain_name       = "staging.cma.example.org"
  bucket_suffix     = "123456789012"

  vpc_cidr            = "10.0.0.0/16"
  az_count            = 2
  nat_gateway         = "none"
  deletion_protection = false

  db_final_snapshot         = true
  db_engine_version         = "16"
  db_instance_class         = "db.t4g.small"
  db_allocated_storage      = 20
  db_max_allocated_storage  = 100
  db_multi_az               = false
  db_backup_retention_days  = 7
  db_monitoring_interval    = 0
  db_read_replica           = false
  db_replica_instance_class = "db.t4g.medium"

  cache_node_type = "cache.t4g.micro"
  cache_nodes     = 1

  services = {
    api    = { cpu = 512, memory = 1024, min_count = 2, max_count = 3, cpu_architecture = "ARM64", spot = false, on_demand_base = 0 }
    web    = { cpu = 256, memory = 512, min_count = 1, max_count = 2, cpu_architecture = "ARM64", spot = false, on_demand_base = 0 }
    worker = { cpu = 256, memory = 512, min_count = 2, max_count = 2, cpu_architecture = "X86_64", spot = true, on_demand_base = 0 }
  }

  log_retention_days     = 30
  container_insights     = "enabled"
  alb_log_retention_days = 30
  alert_emails           = ["dev-alerts@example.org"]
  monthly_budget_usd     = 180
}
