output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr" {
  description = "IPv4 range of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets, one per zone (load balancer)."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets, one per zone (databases, cache)."
  value       = aws_subnet.private[*].id
}

output "task_subnet_ids" {
  description = "Subnets the ECS tasks run in: private behind NAT, else public."
  value       = var.nat_gateway == "none" ? aws_subnet.public[*].id : aws_subnet.private[*].id
}

output "task_public_ip" {
  description = "Whether tasks need a public IP to reach ECR, Secrets Manager and CloudWatch (true without NAT)."
  value       = var.nat_gateway == "none"
}
