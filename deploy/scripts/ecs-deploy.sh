#!/usr/bin/env bash
# Rolls one environment out to the image of one commit, the way ECS means it to be done:
#   1. register a new revision of each task definition (api, web, worker) with the new image;
#   2. run the API revision once as `cma migrate` and stop unless it exits 0, so no new API task
#      takes traffic on a schema it does not know;
#   3. point each service at its new revision and wait until all are stable. The services'
#      circuit breakers roll a failing deployment back by themselves.
# Usage: ecs-deploy.sh CLUSTER IMAGE   (IMAGE = <registry>/cma:<40-hex commit sha>)
# Needs: aws CLI v2 and jq; AWS credentials of the environment's deploy role.
# Optional: SUBNETS, SECURITY_GROUP, ASSIGN_PUBLIC_IP (ENABLED|DISABLED) for the migration task,
# else read from the API service's network configuration.
set -euo pipefail

cluster=${1:?usage: ecs-deploy.sh CLUSTER IMAGE}
image=${2:?usage: ecs-deploy.sh CLUSTER IMAGE}
roles=(api web worker)

if ! [[ "$image" =~ :[0-9a-f]{40}$ ]]; then
  echo "ecs-deploy: $image is not tagged with a commit SHA" >&2
  exit 2
fi

# The task definition a service runs now, with its image replaced, registered as a new revision.
register() {
  local service=$1 current
  current=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
    --query 'services[0].taskDefinition' --output text)
  aws ecs describe-task-definition --task-definition "$current" --query taskDefinition --output json |
    jq --arg image "$image" '
      .containerDefinitions |= map(if .name == "app" then .image = $image else . end)
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities,
            .registeredAt, .registeredBy, .deregisteredAt)' > "$workdir/$service.json"
  aws ecs register-task-definition --cli-input-json "file://$workdir/$service.json" \
    --query 'taskDefinition.taskDefinitionArn' --output text
}

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

declare -A revision
for role in "${roles[@]}"; do
  revision[$role]=$(register "$role")
  echo "ecs-deploy: $role -> ${revision[$role]}"
done

network=$(aws ecs describe-services --cluster "$cluster" --services api \
  --query 'services[0].networkConfiguration.awsvpcConfiguration' --output json)
subnets=${SUBNETS:-$(jq -r '.subnets | join(",")' <<<"$network")}
security_group=${SECURITY_GROUP:-$(jq -r '.securityGroups[0]' <<<"$network")}
public_ip=${ASSIGN_PUBLIC_IP:-$(jq -r '.assignPublicIp' <<<"$network")}

echo "ecs-deploy: migrating with ${revision[api]}"
task=$(aws ecs run-task --cluster "$cluster" --task-definition "${revision[api]}" \
  --capacity-provider-strategy capacityProvider=FARGATE,weight=1 \
  --network-configuration "awsvpcConfiguration={subnets=[$subnets],securityGroups=[$security_group],assignPublicIp=$public_ip}" \
  --overrides '{"containerOverrides":[{"name":"app","command":["migrate"]}]}' \
  --started-by ecs-deploy --query 'tasks[0].taskArn' --output text)
aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task"
# shellcheck disable=SC2016 # backticks are JMESPath literals
exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task" \
  --query 'tasks[0].containers[?name==`app`].exitCode | [0]' --output text)
if [ "$exit_code" != "0" ]; then
  echo "ecs-deploy: migration task $task exited with $exit_code; nothing was rolled out" >&2
  exit 1
fi

for role in "${roles[@]}"; do
  aws ecs update-service --cluster "$cluster" --service "$role" \
    --task-definition "${revision[$role]}" --query 'service.serviceName' --output text >/dev/null
done
echo "ecs-deploy: waiting for ${roles[*]} to be stable"
aws ecs wait services-stable --cluster "$cluster" --services "${roles[@]}"

for role in "${roles[@]}"; do
  # shellcheck disable=SC2016 # backticks are JMESPath literals
  running=$(aws ecs describe-services --cluster "$cluster" --services "$role" \
    --query 'services[0].deployments[?status==`PRIMARY`].taskDefinition | [0]' --output text)
  if [ "$running" != "${revision[$role]}" ]; then
    echo "ecs-deploy: $role rolled back to $running" >&2
    exit 1
  fi
done
echo "ecs-deploy: $cluster runs $image"
