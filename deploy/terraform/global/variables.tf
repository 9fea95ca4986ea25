variable "region" {
  type        = string
  description = "Home region."
  default     = "eu-west-2"
}

variable "project" {
  type        = string
  description = "Project name: the ECR repository and the Project tag."
  default     = "cma"
}

variable "github_repository" {
  type        = string
  description = "owner/name of the GitHub repository whose workflows may assume the roles."
}

variable "environments" {
  type        = list(string)
  description = "GitHub environments allowed to run terraform apply."
  default     = ["dev", "staging", "production"]
}

variable "state_bucket_name" {
  type        = string
  description = "Bucket made by bootstrap/, holding every composition's state."
}

variable "images_kept" {
  type        = number
  description = "Images kept in ECR: each commit pushes three (a multi-arch index, amd64, arm64), so 600 keeps 200 commits."
  default     = 600
}

variable "activate_cost_allocation_tags" {
  type        = bool
  description = "Activate Project and Environment as cost allocation tags (the budgets filter on them); possible only once billing has seen them."
  default     = false
}
