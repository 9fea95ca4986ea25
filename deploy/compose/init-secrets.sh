#!/usr/bin/env bash
# Writes deploy/compose/secrets.env with fresh random values (kept out of git): the PostgreSQL
# password, given to the database and, as PGPASSWORD, to libpq in the cma processes, and the JWT
# secret. Leaves an existing file alone.
set -euo pipefail
file="$(cd "$(dirname "$0")" && pwd)/secrets.env"
if [ -e "$file" ]; then
  echo "$file exists; delete it to make new secrets"
  exit 0
fi
umask 077
password=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
jwt=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
cat > "$file" <<SECRETS
POSTGRES_PASSWORD=$password
PGPASSWORD=$password
JWT_SECRET=$jwt
SECRETS
echo "wrote $file"
