variable "region" {
  type        = string
  description = "Region of the state bucket."
  default     = "eu-west-2"
}

variable "state_bucket_name" {
  type        = string
  description = "Globally unique name of the state bucket, e.g. cma-terraform-state-<account id>."
}
