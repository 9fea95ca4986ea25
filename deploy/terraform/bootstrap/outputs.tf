output "state_bucket" {
  description = "Pass as -backend-config=\"bucket=...\" to terraform init in global/ and envs/*."
  value       = aws_s3_bucket.state.id
}
