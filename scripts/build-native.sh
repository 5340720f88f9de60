#!/usr/bin/env bash
# Builds native/build/numaccl_mlir.node, the Node-API addon over MLIR 22's C API.
# Idempotent: does nothing when the addon is newer than its sources and this script.
# Exits non-zero with a one-line reason when it cannot build; numaccl then uses
# the mlir-opt-22 process backend instead.
set -euo pipefail
cd "$(dirname "$0")/.."

LLVM_DIR="${NUMACCL_LLVM_DIR:-/usr/lib/llvm-22}"
NODE_INCLUDE="${NUMACCL_NODE_INCLUDE:-/usr/include/node}"
SRC_DIR=native/src
OUT_DIR=native/build
OUT="$OUT_DIR/numaccl_mlir.node"
# Only the C API wrappers come from static archives; every C++ symbol they use
# resolves to libMLIR.so, so there is exactly one copy of MLIR's global state
# (dialect/pass registries, TypeIDs). See docs/mlir-bridge.md.
CAPI_ARCHIVES=(MLIRCAPIIR MLIRCAPIRegisterEverything MLIRCAPITarget MLIRCAPIIRDL)

fail() { echo "build-native: $*" >&2; exit 1; }

sources=("$SRC_DIR"/*.c)
[ -e "${sources[0]}" ] || fail "no sources in $SRC_DIR"

up_to_date() {
  [ -f "$OUT" ] || return 1
  local f
  for f in "${sources[@]}" "$SRC_DIR"/*.h "$0"; do
    [ "$f" -nt "$OUT" ] && return 1
  done
  return 0
}
if up_to_date; then exit 0; fi

CC="${CC:-cc}"
CXX="${CXX:-c++}"
command -v "$CC" >/dev/null || fail "no C compiler ($CC) found (install gcc, or set CC)"
command -v "$CXX" >/dev/null || fail "no C++ linker driver ($CXX) found (install g++, or set CXX); the C API archives are C++"
[ -f "$NODE_INCLUDE/node_api.h" ] || fail "Node-API headers not found at $NODE_INCLUDE (install nodejs headers or set NUMACCL_NODE_INCLUDE)"
[ -f "$LLVM_DIR/include/mlir-c/IR.h" ] || fail "MLIR C API headers not found under $LLVM_DIR/include (install libmlir-22-dev)"
[ -f "$LLVM_DIR/lib/libMLIR.so" ] || fail "$LLVM_DIR/lib/libMLIR.so not found (install libmlir-22-dev)"
archives=()
for a in "${CAPI_ARCHIVES[@]}"; do
  f="$LLVM_DIR/lib/lib$a.a"
  [ -f "$f" ] || fail "$f not found (install libmlir-22-dev)"
  archives+=("$f")
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/numaccl-native.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "build-native: compiling ${#sources[@]} C files"
for f in "${sources[@]}"; do
  "$CC" -std=gnu11 -O2 -fPIC -Wall -Wextra -Werror=implicit-function-declaration \
    -I"$NODE_INCLUDE" -I"$LLVM_DIR/include" -c "$f" -o "$tmp/$(basename "$f" .c).o" \
    || fail "compiling $f failed"
done
# Node-API symbols stay undefined: the node binary provides them at load time.
# --exclude-libs keeps the C API wrappers private to the addon, so they cannot
# interpose on (or be interposed by) another library that also links them.
"$CXX" -shared -o "$tmp/numaccl_mlir.node" "$tmp"/*.o \
  -Wl,--exclude-libs,ALL -Wl,--start-group "${archives[@]}" -Wl,--end-group \
  -L"$LLVM_DIR/lib" -lMLIR -lLLVM -Wl,-rpath,"$LLVM_DIR/lib" \
  || fail "linking failed"

# Load it once before installing it, so a broken build never replaces a good one.
NODE_BIN=node
[ -x node_modules/.bin/node ] && NODE_BIN=node_modules/.bin/node
"$NODE_BIN" -e "
  const m = require(process.argv[1]);
  const h = m.createContext();
  const r = m.call(h, 0, 'module {}', '', false, false);
  m.destroyContext(h);
  if (!r.ok) { console.error('smoke test failed'); process.exit(1); }
" "$tmp/numaccl_mlir.node" \
  || fail "the built addon does not load in $("$NODE_BIN" --version)"

mkdir -p "$OUT_DIR"
mv -f "$tmp/numaccl_mlir.node" "$OUT.tmp" && mv -f "$OUT.tmp" "$OUT"
echo "build-native: built $OUT (loads in Node $("$NODE_BIN" --version))"
