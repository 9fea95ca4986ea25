variable "settings" {
  type        = any
  description = "This environment's settings; modules/stack's settings variable gives their type."
}

variable "image_tag" {
  type        = string
  description = "Commit SHA of the image the services are created with; CI deploys later ones."
}
