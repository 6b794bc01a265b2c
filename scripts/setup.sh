#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for spikingbrain-lab; safe to run again.
#  - system packages: Jupyter's nbconvert and the Python kernel machinery from Debian (the
#    notebooks run under real Jupyter with the tslab TypeScript kernel), and Chromium for the
#    site's browser tests (driven by playwright-core), only when missing
#  - npm packages from package-lock.json (npm ci)
#  - the tslab kernel, registered with the system python
#  - the compiled library (lib/dist), which notebooks import by its package name
set -euo pipefail
cd "$(dirname "$0")/.."

node_ok=$(node -e 'const [a,b]=process.versions.node.split(".").map(Number); console.log(a>20||(a===20&&b>=19)?1:0)' 2>/dev/null || echo 0)
if [ "$node_ok" != 1 ]; then
  echo "setup: Node.js >= 20.19 is required (found $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
missing=()
command -v jupyter-nbconvert >/dev/null 2>&1 || missing+=(jupyter-nbconvert)
/usr/bin/python3 -c 'import ipykernel' >/dev/null 2>&1 || missing+=(python3-ipykernel)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: npm ci"
npm ci --no-audit --no-fund --loglevel=error

echo "setup: registering the tslab kernel with /usr/bin/python3"
npx tslab install --python=/usr/bin/python3 >/dev/null

echo "setup: compiling the library"
npm run --silent build:lib
echo "setup: done"
