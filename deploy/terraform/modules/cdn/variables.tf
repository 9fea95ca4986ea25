variable "name" {
  type        = string
  description = "Name of the environment, used as the distribution's comment."
}

variable "zone_id" {
  type        = string
  description = "Route 53 hosted zone for the records."
}

variable "domain_name" {
  type        = string
  description = "Name users browse to."
}

variable "origin_domain_name" {
  type        = string
  description = "Name of the load balancer that CloudFront connects to over HTTPS."
}

variable "viewer_certificate_arn" {
  type        = string
  description = "us-east-1 ACM certificate for domain_name."
}

variable "alb_dns_name" {
  type        = string
  description = "DNS name of the load balancer."
}

variable "alb_zone_id" {
  type        = string
  description = "Route 53 zone ID of the load balancer's DNS name."
}

variable "origin_verify_header_name" {
  type        = string
  description = "Header the load balancer requires."
}

variable "origin_verify_header_value" {
  type        = string
  description = "Secret value of that header."
  sensitive   = true
}

variable "price_class" {
  type        = string
  description = "CloudFront price class; PriceClass_100 serves the UK and Europe from nearby edges."
  default     = "PriceClass_100"
}
