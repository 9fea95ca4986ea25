# What every environment shares: the image repository, GitHub's OIDC provider, the roles CI uses
# to push images and run Terraform, and the cost allocation tags the budgets filter on.

resource "aws_ecr_repository" "cma" {
  name                 = var.project
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "cma" {
  repository = aws_ecr_repository.cma.name

  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Drop untagged layers (interrupted pushes, replaced manifests) after a week"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the newest ${var.images_kept} images: three per commit (the index and one per architecture)"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.images_kept
        }
        action = { type = "expire" }
      },
    ]
  })
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
}

locals {
  oidc_subject = "token.actions.githubusercontent.com:sub"
}

data "aws_iam_policy_document" "github_assume" {
  for_each = {
    publisher = ["repo:${var.github_repository}:ref:refs/heads/main"]
    plan      = ["repo:${var.github_repository}:pull_request", "repo:${var.github_repository}:ref:refs/heads/main"]
    apply     = [for e in var.environments : "repo:${var.github_repository}:environment:${e}"]
  }

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = local.oidc_subject
      values   = each.value
    }
  }
}

# Pushes images built on main. Tags are immutable, so a pushed commit image can never be replaced.
resource "aws_iam_role" "publisher" {
  name               = "${var.project}-github-image-publisher"
  assume_role_policy = data.aws_iam_policy_document.github_assume["publisher"].json
}

data "aws_iam_policy_document" "publisher" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "Push"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:DescribeImages",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [aws_ecr_repository.cma.arn]
  }
}

resource "aws_iam_role_policy" "publisher" {
  name   = "push-cma-images"
  role   = aws_iam_role.publisher.id
  policy = data.aws_iam_policy_document.publisher.json
}

# terraform plan on pull requests: read everything, write only the state lock files.
resource "aws_iam_role" "plan" {
  name               = "${var.project}-github-terraform-plan"
  assume_role_policy = data.aws_iam_policy_document.github_assume["plan"].json
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.plan.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "plan_state" {
  statement {
    sid       = "StateRead"
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::${var.state_bucket_name}", "arn:aws:s3:::${var.state_bucket_name}/*"]
  }

  statement {
    sid       = "StateLock"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["arn:aws:s3:::${var.state_bucket_name}/*.tflock"]
  }

  # Refreshing aws_secretsmanager_secret_version reads the value; ReadOnlyAccess does not.
  statement {
    sid       = "RefreshOwnSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:aws:secretsmanager:${var.region}:*:secret:${var.project}-*"]
  }
}

resource "aws_iam_role_policy" "plan_state" {
  name   = "terraform-state-lock"
  role   = aws_iam_role.plan.id
  policy = data.aws_iam_policy_document.plan_state.json
}

# terraform apply, only from jobs in a GitHub environment (production's requires approval).
resource "aws_iam_role" "apply" {
  name               = "${var.project}-github-terraform-apply"
  assume_role_policy = data.aws_iam_policy_document.github_assume["apply"].json
}

resource "aws_iam_role_policy_attachment" "apply_admin" {
  role       = aws_iam_role.apply.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Cost Explorer can only activate a tag it has seen on billed resources: apply with
# activate_cost_allocation_tags = true a day after the first environment is up.
resource "aws_ce_cost_allocation_tag" "this" {
  for_each = var.activate_cost_allocation_tags ? toset(["Project", "Environment"]) : toset([])

  tag_key = each.value
  status  = "Active"
}
