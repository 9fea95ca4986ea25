variable "name" {
  type        = string
  description = "Name prefix of every network resource, e.g. cma-production."
}

variable "region" {
  type        = string
  description = "AWS region the VPC is in (for the S3 gateway endpoint's service name)."
}

variable "cidr" {
  type        = string
  description = "IPv4 range of the VPC; subnets are /24s carved from it."
  default     = "10.0.0.0/16"
}

variable "az_count" {
  type        = number
  description = "Availability zones to spread subnets over (2 or 3)."
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3: the load balancer and RDS subnet groups need two zones."
  }
}

variable "nat_gateway" {
  type        = string
  description = "none: tasks run in public subnets with public IPs (inbound still closed by security groups); single: one NAT gateway; per_az: one per zone."
  default     = "none"

  validation {
    condition     = contains(["none", "single", "per_az"], var.nat_gateway)
    error_message = "nat_gateway must be none, single or per_az."
  }
}
