#!/usr/bin/env bash
# Idempotent set-up: Debian packages, npm dependencies (with the pinned Node 24), build.
# Quick when everything is already in place: each step checks before it acts.
set -euo pipefail
cd "$(dirname "$0")/.."

# --- Debian packages -------------------------------------------------------
APT_PACKAGES=(mlir-22-tools libmlir-22-dev llvm-22 mpich libmpich-dev hwloc numactl gcc g++ make python3)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- npm dependencies (pinned Node 24 arrives as the `node` devDependency) ---
stamp=node_modules/.setup-stamp
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi
export PATH="$PWD/node_modules/.bin:$PATH"

# --- build -----------------------------------------------------------------
npx tsc -p tsconfig.json

# --- native addon over MLIR's C API (optional: the process backend is the fallback) ---
if [ -f scripts/build-native.sh ]; then
  bash scripts/build-native.sh || echo "setup: native MLIR addon not built; numaccl falls back to mlir-opt-22 processes"
fi
