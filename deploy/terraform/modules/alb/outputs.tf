output "security_group_id" {
  description = "Security group of the load balancer (the tasks accept traffic from it)."
  value       = aws_security_group.this.id
}

output "dns_name" {
  description = "DNS name of the load balancer."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Route 53 zone of the load balancer's DNS name (for alias records)."
  value       = aws_lb.this.zone_id
}

output "arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch dimension)."
  value       = aws_lb.this.arn_suffix
}

output "api_target_group_arn" {
  description = "Target group of the API service."
  value       = aws_lb_target_group.api.arn
}

output "web_target_group_arn" {
  description = "Target group of the web service."
  value       = aws_lb_target_group.web.arn
}

output "api_target_group_arn_suffix" {
  description = "ARN suffix of the API target group (CloudWatch dimension, request-count scaling)."
  value       = aws_lb_target_group.api.arn_suffix
}

output "web_target_group_arn_suffix" {
  description = "ARN suffix of the web target group."
  value       = aws_lb_target_group.web.arn_suffix
}

output "origin_verify_header_name" {
  description = "Header CloudFront must send."
  value       = var.origin_verify_header_name
}

output "origin_verify_header_value" {
  description = "Secret value CloudFront must send in the header."
  value       = random_password.origin_verify.result
  sensitive   = true
}
