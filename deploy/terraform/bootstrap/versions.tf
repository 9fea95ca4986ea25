# Creates the bucket every other composition keeps its state in. It keeps its own state locally
# (commit nothing of it; it holds no secret but is needed to change the bucket later).
terraform {
  required_version = ">= 1.10.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "cma"
      Environment = "shared"
      ManagedBy   = "terraform"
    }
  }
}
