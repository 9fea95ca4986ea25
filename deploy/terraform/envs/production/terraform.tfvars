# production's values: sizes and protections here are what deploy/cost/model.js prices.
image_tag = "0000000000000000000000000000000000000000"

settings = {
  project           = "cma"
  environment       = "production"
  region            = "eu-west-2"
  github_repository = "example-org/cma"
  hosted_zone_name  = "cma.example.org"
  domain_name       = "app.cma.example.org"
  bucket_suffix     = "123456789012"

  vpc_cidr            = "10.0.0.0/16"
  az_count            = 2
  nat_gateway         = "single"
  deletion_protection = true

  db_final_snapshot         = true
  db_engine_version         = "16"
  db_instance_class         = "db.t4g.medium"
  db_allocated_storage      = 50
  db_max_allocated_storage  = 500
  db_multi_az               = true
  db_backup_retention_days  = 30
  db_monitoring_interval    = 60
  db_read_replica           = true
  db_replica_instance_class = "db.t4g.medium"

  cache_node_type = "cache.t4g.micro"
  cache_nodes     = 2

  services = {
    api    = { cpu = 1024, memory = 2048, min_count = 2, max_count = 6, cpu_architecture = "ARM64", spot = false, on_demand_base = 0 }
    web    = { cpu = 256, memory = 512, min_count = 2, max_count = 4, cpu_architecture = "ARM64", spot = false, on_demand_base = 0 }
    worker = { cpu = 512, memory = 1024, min_count = 2, max_count = 6, cpu_architecture = "X86_64", spot = true, on_demand_base = 0 }
  }

  log_retention_days     = 90
  container_insights     = "enabled"
  alb_log_retention_days = 90
  alert_emails           = ["ops@example.org"]
  monthly_budget_usd     = 450
}
