#!/bin/bash
# Container health check without curl in the image: GET $HEALTHCHECK_PATH on 127.0.0.1:$PORT over
# bash's /dev/tcp and succeed only on an HTTP 200 status line.
set -u
port=${PORT:-5000}
path=${HEALTHCHECK_PATH:-/health}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nUser-Agent: cma-healthcheck\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 3 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1.1 200"*|"HTTP/1.0 200"*) exit 0 ;;
  *) exit 1 ;;
esac
