variable "name" {
  type        = string
  description = "Name prefix, e.g. cma-production (at most 26 characters: target group names add -api/-web)."
}

variable "vpc_id" {
  type        = string
  description = "VPC of the load balancer and its targets."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the VPC: the load balancer may only talk to task ports inside it."
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets in at least two zones."
}

variable "certificate_arn" {
  type        = string
  description = "Validated regional ACM certificate for the HTTPS listener."
}

variable "log_bucket_name" {
  type        = string
  description = "Name of the bucket that receives the access logs."
}

variable "log_retention_days" {
  type        = number
  description = "Days access logs are kept."
  default     = 90
}

variable "deletion_protection" {
  type        = bool
  description = "Refuse to delete the load balancer (and keep the log bucket's objects on destroy)."
}

variable "api_port" {
  type        = number
  description = "Port `cma serve` listens on."
  default     = 5000
}

variable "web_port" {
  type        = number
  description = "Port `cma web` listens on."
  default     = 3000
}

variable "origin_verify_header_name" {
  type        = string
  description = "Header CloudFront adds with a secret value; requests without it get 403."
  default     = "X-Origin-Verify"
}
