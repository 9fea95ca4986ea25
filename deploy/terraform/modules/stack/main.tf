# One environment: network, certificates, load balancer, CDN and DNS, data stores, the ECS
# services, observability and the pipeline's deploy role. envs/{dev,staging,production} each call
# this module once with their own settings (terraform.tfvars) and keep their own state key.

locals {
  name = "${var.settings.project}-${var.settings.environment}"

  origin_domain_name = "origin.${var.settings.domain_name}"
}

data "aws_ecr_repository" "cma" {
  name = var.settings.project
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

module "network" {
  source = "../network"

  name        = local.name
  region      = var.settings.region
  cidr        = var.settings.vpc_cidr
  az_count    = var.settings.az_count
  nat_gateway = var.settings.nat_gateway
}

module "certificates" {
  source = "../certificates"

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  hosted_zone_name   = var.settings.hosted_zone_name
  domain_name        = var.settings.domain_name
  origin_domain_name = local.origin_domain_name
}

module "alb" {
  source = "../alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr
  public_subnet_ids   = module.network.public_subnet_ids
  certificate_arn     = module.certificates.origin_certificate_arn
  log_bucket_name     = "${local.name}-alb-logs-${var.settings.bucket_suffix}"
  log_retention_days  = var.settings.alb_log_retention_days
  deletion_protection = var.settings.deletion_protection
}

module "cdn" {
  source = "../cdn"

  name                       = local.name
  zone_id                    = module.certificates.zone_id
  domain_name                = var.settings.domain_name
  origin_domain_name         = local.origin_domain_name
  viewer_certificate_arn     = module.certificates.viewer_certificate_arn
  alb_dns_name               = module.alb.dns_name
  alb_zone_id                = module.alb.zone_id
  origin_verify_header_name  = module.alb.origin_verify_header_name
  origin_verify_header_value = module.alb.origin_verify_header_value
}

module "data" {
  source = "../data"

  name                = local.name
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.private_subnet_ids
  deletion_protection = var.settings.deletion_protection
  final_snapshot      = var.settings.db_final_snapshot

  client_security_group_ids = {
    api    = module.ecs.security_group_ids["api"]
    worker = module.ecs.security_group_ids["worker"]
  }

  db_engine_version         = var.settings.db_engine_version
  db_instance_class         = var.settings.db_instance_class
  db_allocated_storage      = var.settings.db_allocated_storage
  db_max_allocated_storage  = var.settings.db_max_allocated_storage
  db_multi_az               = var.settings.db_multi_az
  db_backup_retention_days  = var.settings.db_backup_retention_days
  db_monitoring_interval    = var.settings.db_monitoring_interval
  db_read_replica           = var.settings.db_read_replica
  db_replica_instance_class = var.settings.db_replica_instance_class

  cache_node_type = var.settings.cache_node_type
  cache_nodes     = var.settings.cache_nodes

  documents_bucket_name = "${local.name}-documents-${var.settings.bucket_suffix}"
  cors_allowed_origins  = ["https://${var.settings.domain_name}"]
}

module "ecs" {
  source = "../ecs"

  name             = local.name
  environment      = var.settings.environment
  region           = var.settings.region
  vpc_id           = module.network.vpc_id
  vpc_cidr         = module.network.vpc_cidr
  subnet_ids       = module.network.task_subnet_ids
  assign_public_ip = module.network.task_public_ip

  alb_security_group_id       = module.alb.security_group_id
  alb_arn_suffix              = module.alb.arn_suffix
  api_target_group_arn        = module.alb.api_target_group_arn
  api_target_group_arn_suffix = module.alb.api_target_group_arn_suffix
  web_target_group_arn        = module.alb.web_target_group_arn
  web_target_group_arn_suffix = module.alb.web_target_group_arn_suffix

  image_repository_url = data.aws_ecr_repository.cma.repository_url
  image_tag            = var.image_tag
  services             = var.settings.services

  db_address            = module.data.db_address
  db_replica_address    = module.data.db_replica_address
  db_port               = module.data.db_port
  db_name               = module.data.db_name
  db_username           = module.data.db_username
  db_master_secret_arn  = module.data.db_master_secret_arn
  redis_url_secret_arn  = module.data.redis_url_secret_arn
  documents_bucket_name = module.data.documents_bucket_name
  documents_bucket_arn  = module.data.documents_bucket_arn
  documents_kms_key_arn = module.data.documents_kms_key_arn

  log_retention_days   = var.settings.log_retention_days
  container_insights   = var.settings.container_insights
  secret_recovery_days = var.settings.deletion_protection ? 30 : 0
}

module "observability" {
  source = "../observability"

  name               = local.name
  environment        = var.settings.environment
  region             = var.settings.region
  alert_emails       = var.settings.alert_emails
  monthly_budget_usd = var.settings.monthly_budget_usd
  budget_tag_key     = "Environment"
  budget_tag_value   = var.tags.Environment

  alb_arn_suffix              = module.alb.arn_suffix
  api_target_group_arn_suffix = module.alb.api_target_group_arn_suffix
  web_target_group_arn_suffix = module.alb.web_target_group_arn_suffix
  cluster_name                = module.ecs.cluster_name
  service_names               = module.ecs.service_names
  api_log_group_name          = module.ecs.log_group_names["api"]
  db_identifier               = module.data.db_identifier
  db_replica_identifier       = module.data.db_replica_identifier
  cache_replication_group_id  = module.data.cache_replication_group_id
}

module "deploy_role" {
  source = "../deploy_role"

  name                     = local.name
  region                   = var.settings.region
  github_oidc_provider_arn = data.aws_iam_openid_connect_provider.github.arn
  github_repository        = var.settings.github_repository
  github_environment       = var.settings.environment
  cluster_name             = module.ecs.cluster_name
  cluster_arn              = module.ecs.cluster_arn
  service_names            = module.ecs.service_names
  migration_task_family    = module.ecs.task_families["api"]
  migration_log_group_name = module.ecs.log_group_names["api"]
  passable_role_arns       = concat([module.ecs.execution_role_arn], values(module.ecs.task_role_arns))
}
