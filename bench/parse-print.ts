// Parse + verify + print throughput of numaccl against mlir-opt-22 on a
// generated 40k-op module, measured in the same run. Usage:
//   node bench/parse-print.ts [--ops N] [--repeat K] [--warmup W] [--json]
// numaccl's figure is the median of K runs after W warm-up runs (W >= 1; the
// JIT tiers up over the first few 40k-op runs); the first, cold run is
// reported too.
// Needs `npm run build` (imports dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext, parse, print, verify } from '../dist/index.js';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const OPS = opt('ops', 40000);
const REPEAT = opt('repeat', 5);
const WARMUP = Math.max(1, opt('warmup', 1));

/** A module of OPS ops: arith chains in custom form and unregistered ops in generic form, over functions of 1000 ops. */
export function generateModule(ops: number): string {
  const lines: string[] = ['module {'];
  let emitted = 0;
  for (let f = 0; emitted < ops; f++) {
    lines.push(`  func.func @f${f}(%a: i32, %b: i32, %t: tensor<4x8xf32>) -> i32 {`);
    emitted++;
    let last = '%a';
    for (let i = 0; i < 1000 && emitted < ops - 1; i++, emitted++) {
      const k = i % 4;
      if (k === 0) lines.push(`    %v${i} = arith.addi ${last}, %b : i32`);
      else if (k === 1) lines.push(`    %v${i} = arith.muli ${last}, %a overflow<nsw> : i32`);
      else if (k === 2) lines.push(`    %v${i} = "test.op"(${last}, %t) {attr = dense<1.5> : tensor<4xf32>, n = ${i} : i64} : (i32, tensor<4x8xf32>) -> i32`);
      else lines.push(`    %v${i} = arith.constant ${i} : i32`);
      if (k !== 3) last = `%v${i}`;
    }
    lines.push(`    return ${last} : i32`, '  }');
    emitted++;
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const text = generateModule(OPS);
const dir = mkdtempSync(join(tmpdir(), 'numaccl-bench-'));
const file = join(dir, 'module.mlir');
writeFileSync(file, text);

// One round: numaccl in process, then mlir-opt-22 and numaccl-opt as processes
// (both including start-up). Rounds interleave the three so that every figure
// sees the same machine load; a shared VM's speed drifts by 20-30% over minutes.
const mlirArgs = ['--allow-unregistered-dialect', file, '-o', '/dev/null'];
const cliPath = join(import.meta.dirname, '..', 'bin', 'numaccl-opt');
// V8's concurrent GC threads keep working after an in-process run; let them finish
// before timing a process, so it does not share the cores with them.
const settle = (): void => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
const timeProcess = (cmd: string): number => {
  settle();
  const t0 = performance.now();
  execFileSync(cmd, mlirArgs, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  return performance.now() - t0;
};
const timeInProcess = (): number => {
  settle();
  const ctx = createContext({ allowUnregistered: true });
  const t0 = performance.now();
  const { module } = parse(ctx, text, { fileName: file });
  const diags = verify(module);
  const out = print(module);
  const t1 = performance.now();
  if (diags.length > 0 || out.length === 0) throw new Error('bench module did not verify');
  return t1 - t0;
};

const ours: number[] = [];
const mlir: number[] = [];
const cli: number[] = [];
const cold = timeInProcess();
for (let r = 1; r < WARMUP; r++) timeInProcess();
timeProcess('mlir-opt-22');
timeProcess(cliPath);
for (let r = 0; r < REPEAT; r++) {
  ours.push(timeInProcess());
  mlir.push(timeProcess('mlir-opt-22'));
  cli.push(timeProcess(cliPath));
}
rmSync(dir, { recursive: true, force: true });

const result = {
  ops: OPS,
  bytes: text.length,
  warmup_runs: WARMUP,
  numaccl_cold_first_run_ms: cold,
  numaccl_in_process_ms: median(ours),
  numaccl_opt_process_ms: median(cli),
  mlir_opt_process_ms: median(mlir),
  numaccl_ops_per_s: Math.round(OPS / (median(ours) / 1000)),
  mlir_opt_ops_per_s: Math.round(OPS / (median(mlir) / 1000)),
  ratio_in_process_vs_mlir_opt: +(median(mlir) / median(ours)).toFixed(3),
  ratio_process_vs_process: +(median(mlir) / median(cli)).toFixed(3),
};
if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`module: ${OPS} ops, ${(text.length / 1e6).toFixed(1)} MB`);
  console.log(`numaccl (in process)   ${result.numaccl_in_process_ms.toFixed(1)} ms  ${result.numaccl_ops_per_s} ops/s  (median after ${WARMUP} warm-up run${WARMUP === 1 ? '' : 's'}; cold first run ${cold.toFixed(1)} ms)`);
  console.log(`numaccl-opt (process)  ${result.numaccl_opt_process_ms.toFixed(1)} ms`);
  console.log(`mlir-opt-22 (process)  ${result.mlir_opt_process_ms.toFixed(1)} ms  ${result.mlir_opt_ops_per_s} ops/s`);
  console.log(`throughput ratio numaccl/mlir-opt: ${result.ratio_in_process_vs_mlir_opt} (in process), ${result.ratio_process_vs_process} (process vs process)`);
}
