// Parse + verify + print throughput of numaccl against mlir-opt-22 on a
// generated 40k-op module, measured in the same run. Usage:
//   node bench/parse-print.ts [--ops N] [--repeat K] [--json]
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

// numaccl in-process (warm-up once, then REPEAT runs).
const ours: number[] = [];
for (let r = 0; r <= REPEAT; r++) {
  const ctx = createContext({ allowUnregistered: true });
  const t0 = performance.now();
  const { module } = parse(ctx, text, { fileName: file });
  const diags = verify(module);
  const out = print(module);
  const t1 = performance.now();
  if (diags.length > 0 || out.length === 0) throw new Error('bench module did not verify');
  if (r > 0) ours.push(t1 - t0);
}

// mlir-opt-22 as a process, and numaccl-opt as a process (both include start-up).
const timeProcess = (cmd: string, argv: string[]): number[] => {
  const times: number[] = [];
  for (let r = 0; r <= REPEAT; r++) {
    const t0 = performance.now();
    execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    if (r > 0) times.push(performance.now() - t0);
  }
  return times;
};
const mlir = timeProcess('mlir-opt-22', ['--allow-unregistered-dialect', file, '-o', '/dev/null']);
const cli = timeProcess(join(import.meta.dirname, '..', 'bin', 'numaccl-opt'), ['--allow-unregistered-dialect', file, '-o', '/dev/null']);
rmSync(dir, { recursive: true, force: true });

const result = {
  ops: OPS,
  bytes: text.length,
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
  console.log(`numaccl (in process)   ${result.numaccl_in_process_ms.toFixed(1)} ms  ${result.numaccl_ops_per_s} ops/s`);
  console.log(`numaccl-opt (process)  ${result.numaccl_opt_process_ms.toFixed(1)} ms`);
  console.log(`mlir-opt-22 (process)  ${result.mlir_opt_process_ms.toFixed(1)} ms  ${result.mlir_opt_ops_per_s} ops/s`);
  console.log(`throughput ratio numaccl/mlir-opt: ${result.ratio_in_process_vs_mlir_opt} (in process), ${result.ratio_process_vs_process} (process vs process)`);
}
