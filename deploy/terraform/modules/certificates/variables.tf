variable "hosted_zone_name" {
  type        = string
  description = "Public Route 53 hosted zone that holds the names, e.g. cma.example.org."
}

variable "domain_name" {
  type        = string
  description = "Name users browse to (CloudFront), e.g. app.cma.example.org."
}

variable "origin_domain_name" {
  type        = string
  description = "Name CloudFront uses to reach the load balancer over HTTPS, e.g. origin.app.cma.example.org."
}
