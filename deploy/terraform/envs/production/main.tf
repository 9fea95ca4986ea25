# One environment: network, certificates, load balancer, CDN and DNS, data stores, the ECS
# services, observability and the pipeline's deploy role. dev, staging and production share this
# file; their terraform.tfvars and state keys differ.

locals {
  name = "${var.project}-${var.environment}"

  # default_tags on every resource; the budget filters on Environment, activated as a cost
  # allocation tag in global/.
  tags = {
    Project     = var.project
    Environment = var.environment
    ManagedBy   = "terraform"
  }

  origin_domain_name = "origin.${var.domain_name}"
}

data "aws_ecr_repository" "cma" {
  name = var.project
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

module "network" {
  source = "../../modules/network"

  name        = local.name
  region      = var.region
  cidr        = var.vpc_cidr
  az_count    = var.az_count
  nat_gateway = var.nat_gateway
}

module "certificates" {
  source = "../../modules/certificates"

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  hosted_zone_name   = var.hosted_zone_name
  domain_name        = var.domain_name
  origin_domain_name = local.origin_domain_name
}

module "alb" {
  source = "../../modules/alb"

  name                = local.name
  vpc_id              = module.network.vpc_id
  vpc_cidr            = module.network.vpc_cidr
  public_subnet_ids   = module.network.public_subnet_ids
  certificate_arn     = module.certificates.origin_certificate_arn
  log_bucket_name     = "${local.name}-alb-logs-${var.bucket_suffix}"
  log_retention_days  = var.alb_log_retention_days
  deletion_protection = var.deletion_protection
}

module "cdn" {
  source = "../../modules/cdn"

  name                       = local.name
  zone_id                    = module.certificates.zone_id
  domain_name                = var.domain_name
  origin_domain_name         = local.origin_domain_name
  viewer_certificate_arn     = module.certificates.viewer_certificate_arn
  alb_dns_name               = module.alb.dns_name
  alb_zone_id                = module.alb.zone_id
  origin_verify_header_name  = module.alb.origin_verify_header_name
  origin_verify_header_value = module.alb.origin_verify_header_value
}

module "data" {
  source = "../../modules/data"

  name                = local.name
  vpc_id              = module.network.vpc_id
  subnet_ids          = module.network.private_subnet_ids
  deletion_protection = var.deletion_protection
  final_snapshot      = var.db_final_snapshot

  client_security_group_ids = {
    api    = module.ecs.security_group_ids["api"]
    worker = module.ecs.security_group_ids["worker"]
  }

  db_engine_version         = var.db_engine_version
  db_instance_class         = var.db_instance_class
  db_allocated_storage      = var.db_allocated_storage
  db_max_allocated_storage  = var.db_max_allocated_storage
  db_multi_az               = var.db_multi_az
  db_backup_retention_days  = var.db_backup_retention_days
  db_monitoring_interval    = var.db_monitoring_interval
  db_read_replica           = var.db_read_replica
  db_replica_instance_class = var.db_replica_instance_class

  cache_node_type = var.cache_node_type
  cache_nodes     = var.cache_nodes

  documents_bucket_name = "${local.name}-documents-${var.bucket_suffix}"
  cors_allowed_origins  = ["https://${var.domain_name}"]
}

module "ecs" {
  source = "../../modules/ecs"

  name             = local.name
  environment      = var.environment
  region           = var.region
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
  services             = var.services

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

  log_retention_days   = var.log_retention_days
  container_insights   = var.container_insights
  secret_recovery_days = var.deletion_protection ? 30 : 0
}

module "observability" {
  source = "../../modules/observability"

  name               = local.name
  environment        = var.environment
  region             = var.region
  alert_emails       = var.alert_emails
  monthly_budget_usd = var.monthly_budget_usd
  budget_tag_key     = "Environment"
  budget_tag_value   = local.tags.Environment

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
  source = "../../modules/deploy_role"

  name                     = local.name
  region                   = var.region
  github_oidc_provider_arn = data.aws_iam_openid_connect_provider.github.arn
  github_repository        = var.github_repository
  github_environment       = var.environment
  cluster_name             = module.ecs.cluster_name
  cluster_arn              = module.ecs.cluster_arn
  service_names            = module.ecs.service_names
  migration_task_family    = module.ecs.task_families["api"]
  migration_log_group_name = module.ecs.log_group_names["api"]
  passable_role_arns       = concat([module.ecs.execution_role_arn], values(module.ecs.task_role_arns))
}
