# The dev environment: modules/stack with this directory's terraform.tfvars and state key.

locals {
  # default_tags on every resource; the budget filters on Environment, activated as a cost
  # allocation tag in global/.
  tags = {
    Project     = var.settings.project
    Environment = var.settings.environment
    ManagedBy   = "terraform"
  }
}

provider "aws" {
  region = var.settings.region

  default_tags {
    tags = local.tags
  }
}

# CloudFront only takes certificates from us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

module "stack" {
  source = "../../modules/stack"

  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  settings  = var.settings
  image_tag = var.image_tag
  tags      = local.tags
}
