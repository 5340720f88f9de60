#!/usr/bin/env bash
# The main job on the embedded default example: the tensor-parallel decoder
# layer (examples/models/tp-decoder-layer.mlir) on the default machine
# (dual-socket-6dla: two sockets, three accelerators each, QPI between).
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=examples/models/tp-decoder-layer.mlir
TOPO=dual-socket-6dla
OUT=${OUT:-.cache/demo}
mkdir -p "$OUT"

echo "== numaccl demo: $MODEL on $TOPO =="
echo
echo "-- 1. the machine"
./bin/numaccl topo show "$TOPO"
echo
echo "-- 2. parse, verify and print the model (numaccl-opt)"
./bin/numaccl-opt "$MODEL" -o "$OUT/model.mlir"
echo "verified; printed to $OUT/model.mlir ($(grep -c 'ccl\.' "$OUT/model.mlir") ccl collectives)"
echo
echo "-- 3. real MLIR 22 checks numaccl's output: ccl through the IRDL numaccl generates"
./bin/numaccl-opt --emit-irdl -o "$OUT/ccl.irdl.mlir"
./bin/numaccl-opt --mlir-print-op-generic "$MODEL" -o "$OUT/model.generic.mlir"
if command -v mlir-opt-22 >/dev/null; then
  mlir-opt-22 --irdl-file="$OUT/ccl.irdl.mlir" "$OUT/model.generic.mlir" -o /dev/null && echo "mlir-opt-22 accepts it"
else
  echo "mlir-opt-22 not installed; skipped"
fi
echo
echo "-- 4. the NUMA pipeline (hierarchicalize, chunk, select schedules, overlap, place) with predicted times before/after"
./bin/numaccl compile "$MODEL" --topology "$TOPO" -o "$OUT/model.numa.mlir"
echo
echo "-- 5. real MLIR 22 accepts the optimised module too"
./bin/numaccl-opt --mlir-print-op-generic "$OUT/model.numa.mlir" -o "$OUT/model.numa.generic.mlir"
if command -v mlir-opt-22 >/dev/null; then
  mlir-opt-22 --irdl-file="$OUT/ccl.irdl.mlir" "$OUT/model.numa.generic.mlir" -o /dev/null && echo "mlir-opt-22 accepts it"
fi
echo
echo "optimised MLIR: $OUT/model.numa.mlir"
