# The ECS cluster and its three services, all from the one cma image:
#   api    `cma serve`  :5000 behind the load balancer (/api/*), health /health
#   web    `cma web`    :3000 behind the load balancer (the rest), health /
#   worker `cma worker` no inbound traffic, on FARGATE_SPOT (x86 only)
# Each task runs the X-Ray daemon as a sidecar. CI rolls out new images by registering task
# definitions, so Terraform ignores task_definition and desired_count once a service exists.

data "aws_caller_identity" "current" {}

locals {
  database_url      = "postgresql://${var.db_username}@${var.db_address}:${var.db_port}/${var.db_name}?sslmode=require"
  database_read_url = "postgresql://${var.db_username}@${var.db_replica_address}:${var.db_port}/${var.db_name}?sslmode=require"
  storage_url       = "s3://${var.documents_bucket_name}?region=${var.region}"

  roles = {
    api = {
      command          = ["serve"]
      port             = var.api_port
      health_path      = "/health"
      target_group_arn = var.api_target_group_arn
      tg_arn_suffix    = var.api_target_group_arn_suffix
      uses_data        = true
      environment = {
        DATABASE_URL                 = local.database_url
        DATABASE_READ_URL            = local.database_read_url
        DATABASE_PASSWORD_SECRET_ARN = var.db_master_secret_arn
        STORAGE_URL                  = local.storage_url
        TRUST_PROXY                  = "2" # CloudFront, then the load balancer
        DRAIN_SECONDS                = "20"
      }
      secrets = {
        JWT_SECRET = aws_secretsmanager_secret.jwt.arn
        REDIS_URL  = var.redis_url_secret_arn
      }
    }
    web = {
      command          = ["web"]
      port             = var.web_port
      health_path      = "/"
      target_group_arn = var.web_target_group_arn
      tg_arn_suffix    = var.web_target_group_arn_suffix
      uses_data        = false
      environment = {
        TRUST_PROXY   = "2" # CloudFront, then the load balancer
        DRAIN_SECONDS = "20"
        # Pages upload documents straight to the bucket with presigned URLs (its CORS allows the site).
        UPLOAD_ORIGIN = "https://${var.documents_bucket_name}.s3.${var.region}.amazonaws.com"
      }
      secrets = {}
    }
    worker = {
      command          = ["worker"]
      port             = var.worker_health_port
      health_path      = "/health"
      target_group_arn = null
      tg_arn_suffix    = null
      uses_data        = true
      environment = {
        DATABASE_URL                 = local.database_url
        DATABASE_PASSWORD_SECRET_ARN = var.db_master_secret_arn
        STORAGE_URL                  = local.storage_url
      }
      secrets = {
        REDIS_URL = var.redis_url_secret_arn
      }
    }
  }

  behind_alb = { for k, v in local.roles : k => v if v.target_group_arn != null }
  scaled     = { for k, v in var.services : k => v if v.max_count > v.min_count }
}

# --- Cluster ----------------------------------------------------------------------------------

resource "aws_cloudwatch_log_group" "service" {
  for_each = local.roles

  name              = "/ecs/${var.name}/${each.key}"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "xray" {
  name              = "/ecs/${var.name}/xray-daemon"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "exec" {
  name              = "/ecs/${var.name}/exec"
  retention_in_days = var.log_retention_days
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }

  configuration {
    execute_command_configuration {
      logging = "OVERRIDE"

      log_configuration {
        cloud_watch_encryption_enabled = false
        cloud_watch_log_group_name     = aws_cloudwatch_log_group.exec.name
      }
    }
  }
}

# Fargate Spot is a capacity provider of the cluster, not an Auto Scaling group.
resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE", "FARGATE_SPOT"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 0
    weight            = 1
  }
}

# --- Secrets ----------------------------------------------------------------------------------

resource "random_password" "jwt" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "jwt" {
  name                    = "${var.name}/jwt-secret"
  description             = "JWT_SECRET: signs the API's access tokens"
  recovery_window_in_days = var.secret_recovery_days
}

resource "aws_secretsmanager_secret_version" "jwt" {
  secret_id     = aws_secretsmanager_secret.jwt.id
  secret_string = random_password.jwt.result
}

# --- Security groups: each service accepts only its own port, only from the load balancer -------

resource "aws_security_group" "service" {
  for_each = local.roles

  name        = "${var.name}-${each.key}"
  description = "CMA ${each.key} tasks"
  vpc_id      = var.vpc_id

  tags = { Name = "${var.name}-${each.key}" }
}

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  for_each = local.behind_alb

  security_group_id            = aws_security_group.service[each.key].id
  description                  = "Load balancer to ${each.key} on ${each.value.port}"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = var.alb_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = local.roles

  security_group_id = aws_security_group.service[each.key].id
  description       = "HTTPS to AWS APIs (ECR, Secrets Manager, CloudWatch, X-Ray, S3)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "postgres" {
  for_each = { for k, v in local.roles : k => v if v.uses_data }

  security_group_id = aws_security_group.service[each.key].id
  description       = "PostgreSQL in the VPC"
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "valkey" {
  for_each = { for k, v in local.roles : k => v if v.uses_data }

  security_group_id = aws_security_group.service[each.key].id
  description       = "Valkey in the VPC"
  ip_protocol       = "tcp"
  from_port         = 6379
  to_port           = 6379
  cidr_ipv4         = var.vpc_cidr
}

# --- IAM: one execution role (pull the image, read the secrets), one task role per service -------

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "execution_secrets" {
  statement {
    sid       = "ReadTaskSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.jwt.arn, var.redis_url_secret_arn]
  }
}

resource "aws_iam_role_policy" "execution_secrets" {
  name   = "read-task-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution_secrets.json
}

data "aws_iam_policy_document" "task" {
  for_each = local.roles

  statement {
    sid = "XRay"
    actions = [
      "xray:PutTraceSegments",
      "xray:PutTelemetryRecords",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
      "xray:GetSamplingStatisticSummaries",
    ]
    resources = ["*"]
  }

  statement {
    sid = "EcsExec"
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "EcsExecLogs"
    actions   = ["logs:DescribeLogGroups", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.exec.arn}:*", aws_cloudwatch_log_group.exec.arn]
  }

  # The database password: read by the server itself (DATABASE_PASSWORD_SECRET_ARN), at start and
  # again after RDS rotates it, so running tasks keep opening connections.
  dynamic "statement" {
    for_each = each.value.uses_data ? [1] : []

    content {
      sid       = "DatabasePassword"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [var.db_master_secret_arn]
    }
  }

  dynamic "statement" {
    for_each = each.value.uses_data ? [1] : []

    content {
      sid       = "DocumentObjects"
      actions   = ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:DeleteObject"]
      resources = ["${var.documents_bucket_arn}/*"]
    }
  }

  dynamic "statement" {
    for_each = each.value.uses_data ? [1] : []

    content {
      sid       = "DocumentList"
      actions   = ["s3:ListBucket"]
      resources = [var.documents_bucket_arn]
    }
  }

  dynamic "statement" {
    for_each = each.value.uses_data ? [1] : []

    content {
      sid       = "DocumentKey"
      actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
      resources = [var.documents_kms_key_arn]
    }
  }
}

resource "aws_iam_role" "task" {
  for_each = local.roles

  name               = "${var.name}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "task" {
  for_each = local.roles

  name   = "${each.key}-task"
  role   = aws_iam_role.task[each.key].id
  policy = data.aws_iam_policy_document.task[each.key].json
}

# --- Task definitions and services ---------------------------------------------------------------

resource "aws_ecs_task_definition" "this" {
  for_each = local.roles

  family                   = "${var.name}-${each.key}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services[each.key].cpu
  memory                   = var.services[each.key].memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task[each.key].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.services[each.key].spot ? "X86_64" : var.services[each.key].cpu_architecture
  }

  container_definitions = jsonencode([
    {
      name        = "app"
      image       = "${var.image_repository_url}:${var.image_tag}"
      command     = each.value.command
      essential   = true
      user        = "10001:10001"
      stopTimeout = 30
      portMappings = [{
        containerPort = each.value.port
        protocol      = "tcp"
      }]
      environment = [for k, v in merge({
        BIND                    = "0.0.0.0"
        PORT                    = tostring(each.value.port)
        HEALTHCHECK_PATH        = each.value.health_path
        LOG_LEVEL               = var.log_level
        AWS_REGION              = var.region
        AWS_XRAY_DAEMON_ADDRESS = "127.0.0.1:2000"
        CMA_ENVIRONMENT         = var.environment
        CMA_EMF                 = "1"
      }, each.value.environment) : { name = k, value = v }]
      secrets = [for k, v in each.value.secrets : { name = k, valueFrom = v }]
      healthCheck = {
        command     = ["CMD", "/usr/local/bin/cma-healthcheck"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 30
      }
      linuxParameters = { initProcessEnabled = true }
      ulimits         = [{ name = "nofile", softLimit = 65536, hardLimit = 65536 }]
      dependsOn       = [{ containerName = "xray-daemon", condition = "START" }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.service[each.key].name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
          mode                  = "non-blocking"
          max-buffer-size       = "4m"
        }
      }
    },
    {
      name              = "xray-daemon"
      image             = var.xray_daemon_image
      essential         = false
      cpu               = 32
      memoryReservation = 64
      portMappings = [{
        containerPort = 2000
        protocol      = "udp"
      }]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.xray.name
          awslogs-region        = var.region
          awslogs-stream-prefix = each.key
        }
      }
    },
  ])
}

resource "aws_ecs_service" "this" {
  for_each = local.roles

  name                    = each.key
  cluster                 = aws_ecs_cluster.this.id
  task_definition         = aws_ecs_task_definition.this[each.key].arn
  desired_count           = var.services[each.key].min_count
  enable_execute_command  = var.enable_execute_command
  propagate_tags          = "SERVICE"
  enable_ecs_managed_tags = true

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = each.value.target_group_arn != null ? 30 : null

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.services[each.key].spot ? [] : [1]

    content {
      capacity_provider = "FARGATE"
      weight            = 1
    }
  }

  dynamic "capacity_provider_strategy" {
    for_each = var.services[each.key].spot ? [1] : []

    content {
      capacity_provider = "FARGATE_SPOT"
      weight            = 1
    }
  }

  # With on_demand_base > 0, that many tasks stay on regular Fargate while Spot takes the rest.
  dynamic "capacity_provider_strategy" {
    for_each = var.services[each.key].spot && var.services[each.key].on_demand_base > 0 ? [1] : []

    content {
      capacity_provider = "FARGATE"
      base              = var.services[each.key].on_demand_base
      weight            = 0
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = [aws_security_group.service[each.key].id]
    assign_public_ip = var.assign_public_ip
  }

  dynamic "load_balancer" {
    for_each = each.value.target_group_arn != null ? [1] : []

    content {
      target_group_arn = each.value.target_group_arn
      container_name   = "app"
      container_port   = each.value.port
    }
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this, aws_iam_role_policy.execution_secrets]
}

# --- Autoscaling: CPU for every service, request count per target for those behind the ALB -------

resource "aws_appautoscaling_target" "this" {
  for_each = local.scaled

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this[each.key].name}"
  min_capacity       = each.value.min_count
  max_capacity       = each.value.max_count
}

resource "aws_appautoscaling_policy" "cpu" {
  for_each = local.scaled

  name               = "${var.name}-${each.key}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = 60
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  for_each = { for k, v in local.scaled : k => v if contains(keys(local.behind_alb), k) }

  name               = "${var.name}-${each.key}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[each.key].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[each.key].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[each.key].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_target
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.alb_arn_suffix}/${local.roles[each.key].tg_arn_suffix}"
    }
  }
}
