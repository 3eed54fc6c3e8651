#!/usr/bin/env sh
# Debian packages the test suites use, installed when missing (CI machines are fresh; a developer's may
# have them): openssl (test certificates for TLS servers, the OpenID provider and client certificates),
# flock from util-linux (the credential plugin's lock, and the tests that hold it), and docker-registry
# (the OCI registry `deploy chart` is tested against; the e2e harness also installs it on demand).
set -eu
missing=""
command -v openssl >/dev/null 2>&1 || missing="$missing openssl"
command -v flock >/dev/null 2>&1 || missing="$missing util-linux"
[ -x /usr/bin/docker-registry ] || missing="$missing docker-registry"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "error: the tests need the Debian packages:$missing; install them with: sudo apt-get install$missing" >&2
  exit 1
fi
echo "installing:$missing"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
