output "distribution_id" {
  description = "CloudFront distribution ID (for invalidations)."
  value       = aws_cloudfront_distribution.this.id
}

output "url" {
  description = "Address users browse to."
  value       = "https://${var.domain_name}"
}
