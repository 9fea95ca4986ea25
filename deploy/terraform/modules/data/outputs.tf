output "db_address" {
  description = "Host name of the primary database."
  value       = aws_db_instance.this.address
}

output "db_port" {
  description = "Port of the databases."
  value       = aws_db_instance.this.port
}

output "db_replica_address" {
  description = "Host name of the read replica, or of the primary when there is none."
  value       = var.db_read_replica ? aws_db_instance.replica[0].address : aws_db_instance.this.address
}

output "db_name" {
  description = "Name of the application database."
  value       = aws_db_instance.this.db_name
}

output "db_username" {
  description = "Master user name (its password lives in the RDS-managed secret)."
  value       = aws_db_instance.this.username
}

output "db_master_secret_arn" {
  description = "ARN of the RDS-managed secret holding the master password."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "db_identifier" {
  description = "Identifier of the primary (CloudWatch dimension DBInstanceIdentifier)."
  value       = aws_db_instance.this.identifier
}

output "db_replica_identifier" {
  description = "Identifier of the read replica, or null."
  value       = var.db_read_replica ? aws_db_instance.replica[0].identifier : null
}

output "cache_replication_group_id" {
  description = "ID of the Valkey replication group (CloudWatch dimension)."
  value       = aws_elasticache_replication_group.this.id
}

output "redis_url_secret_arn" {
  description = "ARN of the secret holding REDIS_URL."
  value       = aws_secretsmanager_secret.redis_url.arn
}

output "documents_bucket_name" {
  description = "Name of the documents bucket."
  value       = aws_s3_bucket.documents.id
}

output "documents_bucket_arn" {
  description = "ARN of the documents bucket."
  value       = aws_s3_bucket.documents.arn
}

output "documents_kms_key_arn" {
  description = "ARN of the KMS key that encrypts the documents."
  value       = aws_kms_key.documents.arn
}
