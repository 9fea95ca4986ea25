output "zone_id" {
  description = "ID of the hosted zone."
  value       = data.aws_route53_zone.this.zone_id
}

output "viewer_certificate_arn" {
  description = "Validated us-east-1 certificate for the CloudFront distribution."
  value       = aws_acm_certificate_validation.viewer.certificate_arn
}

output "origin_certificate_arn" {
  description = "Validated regional certificate for the load balancer's HTTPS listener."
  value       = aws_acm_certificate_validation.origin.certificate_arn
}
