/** `numaccl compile FILE`: the NUMA pipeline on a model, with a before/after report. */
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { createContext, DiagnosticError, MapSourceManager, parse, print, renderDiagnostics, verify, type Operation } from '../../index.js';
import { PassManager, specOf, isCollective } from '../../passes/index.js';
import { chooseAlgorithm, costOf, DEFAULT_TOPOLOGY, loadTopology, simulate, TopologyError, type Topology } from '../../topology/index.js';
import { readModuleWithIr, simTasksOf, type CollectiveInstance } from '../../topology/adapter/index.js';
import { writeOutput } from '../util/output.js';

export const summary = 'run the NUMA pipeline on a model and report predicted times before/after';

const USAGE = `usage: numaccl compile FILE [--topology T] [--pipeline P] [-o OUT] [--json]

Runs the NUMA-aware pipeline (default: ccl-hierarchicalize, ccl-chunk,
ccl-select-schedule, ccl-overlap, numa-placement) on the MLIR module FILE for
topology T (embedded name or file; default ${DEFAULT_TOPOLOGY}), writes the
optimised MLIR to OUT (default .cache/<name>.numa.mlir) and prints, per
collective, the predicted time before and after, and the simulated makespan.
`;

export function defaultPipeline(topology: string): string {
  const t = `topology=${topology}`;
  return `builtin.module(ccl-hierarchicalize{${t}},ccl-chunk{chunks=2 min-bytes=1048576},ccl-select-schedule{${t}},ccl-overlap{max-in-flight=2},numa-placement{${t}})`;
}

interface Row {
  readonly loc: string;
  readonly op: string;
  readonly bytes: number;
  readonly us: number;
  readonly algorithm: string;
}

/**
 * Collectives with their predicted time: the pass's annotation when present,
 * else what an unoptimised program gets from a vendor library call (`library`).
 */
function collectiveRows(module: Operation, t: Topology): Row[] {
  const rows: Row[] = [];
  module.walk((op) => {
    if (!isCollective(op)) return;
    const spec = specOf(op);
    if (!spec) return;
    const annotated = op.getAttr('predicted_us');
    const alg = op.getAttr('algorithm');
    const choice = chooseAlgorithm(spec, t, ['library']);
    const loc = op.location as unknown as { file?: string; line?: number };
    rows.push({
      loc: loc.line !== undefined ? `${basename(loc.file ?? '')}:${loc.line}` : '?',
      op: op.name.slice(4) + (op.getAttr('stage') ? `[${(op.getAttr('stage') as unknown as { value: string }).value}]` : ''),
      bytes: spec.bytes,
      us: annotated?.kind === 'float' ? (annotated as unknown as { value: number }).value : choice.chosen.us,
      algorithm: alg?.kind === 'string' ? (alg as unknown as { value: string }).value : choice.chosen.algorithm,
    });
  }, 'pre');
  return rows;
}

/** Simulated makespan; a collective runs its `algorithm` attribute, else the vendor library call (as in the table). */
function makespan(text: string, file: string, t: Topology): number | undefined {
  try {
    const mod = readModuleWithIr(text, file, createContext({ allowUnregistered: true }));
    const chooser = (c: CollectiveInstance) => (c.algorithm && costOf(c.spec, c.algorithm, t) ? c.algorithm : 'library');
    const { tasks } = simTasksOf(mod, t, chooser);
    return simulate(t, tasks, { streamsPerDevice: 2 }).makespan_us;
  } catch {
    return undefined;
  }
}

const us = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

export async function main(argv: readonly string[]): Promise<number> {
  const fail = (m: string): number => (process.stderr.write(`numaccl compile: error: ${m}\n`), 1);
  let values: { topology?: string; pipeline?: string; o?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = nodeParseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { topology: { type: 'string', short: 't' }, pipeline: { type: 'string', short: 'p' }, o: { type: 'string', short: 'o' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) return (process.stdout.write(USAGE), 0);
  const file = positionals[0];
  if (!file) return fail(`missing FILE\n${USAGE}`);
  const topoName = values.topology ?? DEFAULT_TOPOLOGY;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return fail(`cannot read '${file}'`);
  }
  const sources = new MapSourceManager([[file, text]]);
  try {
    const t = loadTopology(topoName);
    const ctx = createContext();
    const before = parse(ctx, text, { fileName: file }).module;
    const diags = verify(before);
    if (diags.length > 0) return (process.stderr.write(renderDiagnostics(diags, sources)), 1);
    const after = parse(ctx, text, { fileName: file }).module;
    const pipeline = values.pipeline ?? defaultPipeline(topoName);
    const result = PassManager.parse(pipeline).run(after);
    if (!result.ok) return (process.stderr.write(renderDiagnostics(result.diagnostics, sources)), 1);
    const out = print(after);
    const outPath = values.o ?? join('.cache', basename(file).replace(/\.mlir$/, '') + '.numa.mlir');
    if (outPath !== '-') mkdirSync(dirname(outPath) || '.', { recursive: true });
    writeOutput(outPath, out);
    const rowsBefore = collectiveRows(before, t);
    const rowsAfter = collectiveRows(after, t);
    const sum = (rows: readonly Row[]): number => rows.reduce((s, r) => s + r.us, 0);
    const report = {
      topology: t.name,
      pipeline,
      output: outPath,
      before: { collectives: rowsBefore, total_us: sum(rowsBefore), makespan_us: makespan(print(before), file, t) },
      after: { collectives: rowsAfter, total_us: sum(rowsAfter), makespan_us: makespan(out, file, t) },
    };
    if (values.json) {
      process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      return 0;
    }
    const w = process.stdout.write.bind(process.stdout);
    w(`topology ${t.name}; pipeline ${pipeline}\n`);
    w(`optimised MLIR: ${outPath}\n\n`);
    w(`before (vendor library calls): ${rowsBefore.length} collectives\n`);
    for (const r of rowsBefore) w(`  ${r.loc.padEnd(28)} ${r.op.padEnd(24)} ${String(r.bytes).padStart(10)} B  ${r.algorithm.padEnd(12)} ${us(r.us).padStart(10)} µs\n`);
    w(`after: ${rowsAfter.length} collectives\n`);
    for (const r of rowsAfter) w(`  ${r.loc.padEnd(28)} ${r.op.padEnd(24)} ${String(r.bytes).padStart(10)} B  ${r.algorithm.padEnd(12)} ${us(r.us).padStart(10)} µs\n`);
    w(`\n${''.padEnd(30)}${'before'.padStart(14)}${'after'.padStart(14)}\n`);
    w(`${'collective time (sum, µs)'.padEnd(30)}${us(report.before.total_us).padStart(14)}${us(report.after.total_us).padStart(14)}\n`);
    if (report.before.makespan_us !== undefined && report.after.makespan_us !== undefined) {
      w(`${'simulated makespan (µs)'.padEnd(30)}${us(report.before.makespan_us).padStart(14)}${us(report.after.makespan_us).padStart(14)}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof DiagnosticError) return (process.stderr.write(renderDiagnostics(e.diagnostics, sources)), 1);
    if (e instanceof TopologyError) return fail(e.message);
    if (e instanceof Error) return fail(e.message);
    throw e;
  }
}
