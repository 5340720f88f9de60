// Runs every benchmark in bench/ (each compares against mlir-opt-22 or the
// model in the same run). Usage: node bench/run.ts  (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = ['parse-print.ts', 'mlir-engine.ts', 'cost-table.ts', 'numa-pipeline.ts'];
let failed = 0;
for (const b of benches) {
  process.stdout.write(`\n=== ${b} ===\n`);
  try {
    execFileSync(process.execPath, ['--expose-gc', join(here, b)], { stdio: 'inherit' });
  } catch {
    failed++;
    process.stdout.write(`${b} failed\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
