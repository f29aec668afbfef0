#!/usr/bin/env bash
# Record Azure's LintDiff findings on the test specs into tests/data/lintdiff/ (see reference.py).
#
#   tests/reference/lintdiff/run.sh [NAME...]
#
# Installs the pinned npm packages (package-lock.json) into a cache folder outside the repository:
# $SPECGEN_LINTDIFF_HOME, else ${XDG_CACHE_HOME:-~/.cache}/specgen-reference/lintdiff. autorest
# downloads @autorest/core there too, on first use. Needs node >= 18 and npm; PYTHON defaults to python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cache="${SPECGEN_LINTDIFF_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/specgen-reference/lintdiff}"
mkdir -p "$cache"
if [ ! -d "$cache/node_modules" ] || ! cmp -s "$here/package-lock.json" "$cache/node_modules/.specgen-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$cache/"
  (cd "$cache" && npm ci --no-audit --no-fund --ignore-scripts)
  cp "$here/package-lock.json" "$cache/node_modules/.specgen-lock.json"
fi
exec "${PYTHON:-python3}" "$here/reference.py" --modules "$cache" --repo "$repo" "$@"
