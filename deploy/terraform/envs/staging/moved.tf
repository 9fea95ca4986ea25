# State written before modules/stack existed keeps its resources: each module moved, not replaced.
moved {
  from = module.network
  to   = module.stack.module.network
}

moved {
  from = module.certificates
  to   = module.stack.module.certificates
}

moved {
  from = module.alb
  to   = module.stack.module.alb
}

moved {
  from = module.cdn
  to   = module.stack.module.cdn
}

moved {
  from = module.data
  to   = module.stack.module.data
}

moved {
  from = module.ecs
  to   = module.stack.module.ecs
}

moved {
  from = module.observability
  to   = module.stack.module.observability
}

moved {
  from = module.deploy_role
  to   = module.stack.module.deploy_role
}
