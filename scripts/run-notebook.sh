#!/usr/bin/env bash
# Executes one notebook headlessly under real Jupyter with the tslab kernel.
# usage: scripts/run-notebook.sh <notebook.ipynb> [output-dir] [extra nbconvert options...]
# The executed copy is written to output-dir (default: a new temporary folder, printed).
# SBL_MODE (quick|full) and SBL_DATA_DIR pass through to the notebook.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
nb=${1:?usage: scripts/run-notebook.sh <notebook.ipynb> [output-dir] [nbconvert options...]}
out=${2:-$(mktemp -d)}
shift $(( $# >= 2 ? 2 : 1 ))
[ -f "$nb" ] || { echo "run-notebook: no such notebook: $nb" >&2; exit 2; }
# the tslab kernel runs `tslab` from PATH
export PATH="$repo/node_modules/.bin:$PATH"
if ! command -v jupyter-nbconvert >/dev/null 2>&1; then
  echo "run-notebook: jupyter nbconvert is missing; run: bash scripts/setup.sh" >&2; exit 3
fi
# Debian's Jupyter runs on /usr/bin/python3, where setup registers the kernel
if ! /usr/bin/python3 -c 'import jupyter_client.kernelspec as k; k.KernelSpecManager().get_kernel_spec("tslab")' >/dev/null 2>&1; then
  echo "run-notebook: the tslab kernel is not registered; run: bash scripts/setup.sh" >&2; exit 3
fi
[ -f "$repo/lib/dist/index.js" ] || { echo "run-notebook: lib/dist is missing; run: npm run build:lib" >&2; exit 3; }
mkdir -p "$out"
jupyter-nbconvert --to notebook --execute \
  --ExecutePreprocessor.kernel_name=tslab --ExecutePreprocessor.timeout=1200 \
  --output-dir "$out" "$@" "$nb"
