/** `numaccl interpret FILE --ranks R`: run a module's function on all ranks with the reference interpreter. */
import { readFileSync } from 'node:fs';
import { parseArgs as nodeParseArgs } from 'node:util';
import { createContext, DiagnosticError, MapSourceManager, parse, printType, renderDiagnostics, verify } from '../../index.js';
import { interpret, InterpError } from '../../interp/index.js';

export const summary = 'run a module on all SPMD ranks with the reference interpreter';

const USAGE = `usage: numaccl interpret FILE [--ranks R] [--seed S] [--entry NAME] [--json]

Runs function NAME (default: the first public one) of the MLIR module FILE on
R ranks (default: the module's ccl.world_size, else 1) in one process, with
inputs generated from the seed and the function signature only, and prints
each rank's results (--json: {"entry", "ranks": [{"rank", "results": [{"type",
"shape", "data"}]}]}).
`;

function fail(message: string): number {
  process.stderr.write(`numaccl interpret: error: ${message}\n`);
  return 1;
}

export async function main(argv: readonly string[]): Promise<number> {
  let values: { ranks?: string; seed?: string; entry?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = nodeParseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { ranks: { type: 'string' }, seed: { type: 'string' }, entry: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (!file) return fail(`missing FILE\n${USAGE}`);
  const int = (name: string, v: string | undefined, min: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got '${v}'`);
    return n;
  };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fail(`cannot read '${file}'`);
  }
  try {
    const ranks = int('ranks', values.ranks, 1);
    const seed = int('seed', values.seed, 0);
    const { module } = parse(createContext(), text, { fileName: file });
    const diags = verify(module);
    if (diags.length > 0) {
      process.stderr.write(renderDiagnostics(diags, new MapSourceManager([[file, text]])));
      return 1;
    }
    const r = interpret(module, { ranks, seed, entry: values.entry });
    const ranksOut = r.results.map((results, rank) => ({
      rank,
      results: results.map((t) => ({ type: t.shape.length > 0 ? `tensor<${t.shape.join('x')}x${printType(t.elementType)}>` : printType(t.elementType), shape: t.shape, data: Array.from(t.data) })),
    }));
    if (values.json) process.stdout.write(JSON.stringify({ entry: r.entry, ranks: ranksOut }) + '\n');
    else {
      for (const rk of ranksOut) {
        for (const [i, res] of rk.results.entries()) {
          const head = res.data.slice(0, 6).map((x) => (Number.isInteger(x) ? String(x) : x.toPrecision(6))).join(', ');
          process.stdout.write(`rank ${rk.rank} result #${i}: ${res.type} [${head}${res.data.length > 6 ? ', …' : ''}]\n`);
        }
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) {
      process.stderr.write(renderDiagnostics(e.diagnostics, new MapSourceManager([[file, text]])));
      return 1;
    }
    if (e instanceof InterpError) {
      const loc = e.op?.location;
      const where = loc && 'line' in loc ? `${(loc as unknown as { file: string }).file}:${(loc as unknown as { line: number }).line}:${(loc as unknown as { col: number }).col}: ` : '';
      return fail(`${where}${e.message}`);
    }
    if (e instanceof Error) return fail(e.message);
    throw e;
  }
}
