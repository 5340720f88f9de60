// The NUMA pass pipeline on the tensor-parallel decoder layer (examples/models/tp-decoder-layer.mlir,
// 6 ranks, f16, two 3 MiB all-reduces) over dual-socket-6dla: for each pipeline variant, the
// predicted collective time (Σ predicted_us, cost model) and the simulated makespan of the whole
// layer (compute by roofline on each device, collectives with their schedules, async overlap as
// the program orders it). Writes bench/numa-pipeline.md and splices the table into docs/passes.md
// between the numa-pipeline markers.
// Run: npx tsc -p tsconfig.json && node bench/numa-pipeline.ts [MODEL.mlir] [TOPOLOGY]
//   (only the default model and topology go into the docs)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, parse, print, PassManager, costOf, loadTopology, simulate } from '../dist/index.js';
import { readModuleWithIr, simTasksOf, type CollectiveInstance, type TaskGraphOptions } from '../dist/topology/adapter/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_MODEL = join(root, 'examples', 'models', 'tp-decoder-layer.mlir');
const modelPath = process.argv[2] ?? DEFAULT_MODEL;
const topoName = process.argv[3] ?? 'dual-socket-6dla';
const isDefault = modelPath === DEFAULT_MODEL && topoName === 'dual-socket-6dla';
const t = loadTopology(topoName);
const source = readFileSync(modelPath, 'utf8');
const T = `topology=${topoName}`;

interface Variant {
  readonly name: string;
  readonly passes: string;
  /** Rows the issue asks for; the others explain them. */
  readonly extra?: boolean;
}
const full = (chunks: number): string =>
  `ccl-hierarchicalize{${T}},ccl-chunk{chunks=${chunks}},ccl-select-schedule{${T}},ccl-overlap,numa-placement{${T}}`;
const VARIANTS: Variant[] = [
  { name: 'none', passes: '' },
  { name: 'select', passes: `ccl-select-schedule{${T}}` },
  { name: 'select + overlap', passes: `ccl-select-schedule{${T}},ccl-overlap`, extra: true },
  { name: 'hierarchicalize + select', passes: `ccl-hierarchicalize{${T}},ccl-select-schedule{${T}}` },
  { name: 'chunk 2 + select (no overlap)', passes: `ccl-chunk{chunks=2},ccl-select-schedule{${T}}`, extra: true },
  { name: 'chunk 2 + select + overlap', passes: `ccl-chunk{chunks=2},ccl-select-schedule{${T}},ccl-overlap` },
  { name: 'chunk 4 + select + overlap', passes: `ccl-chunk{chunks=4},ccl-select-schedule{${T}},ccl-overlap` },
  { name: 'hierarchicalize + chunk 2 + select + overlap', passes: `ccl-hierarchicalize{${T}},ccl-chunk{chunks=2},ccl-select-schedule{${T}},ccl-overlap` },
  { name: 'hierarchicalize + chunk 4 + select + overlap', passes: `ccl-hierarchicalize{${T}},ccl-chunk{chunks=4},ccl-select-schedule{${T}},ccl-overlap` },
  { name: 'chunk 2 + hierarchicalize + select + overlap', passes: `ccl-chunk{chunks=2},ccl-hierarchicalize{${T}},ccl-select-schedule{${T}},ccl-overlap`, extra: true },
  { name: 'full pipeline, chunks 2', passes: full(2) },
  { name: 'full pipeline, chunks 4', passes: full(4) },
];

/** The algorithm a collective runs: its `algorithm` attribute, else the MPI library call ccl-to-mpi emits. */
function chooser(c: CollectiveInstance): 'ring' | 'tree' | 'direct' | 'hierarchical' | 'library' {
  return c.algorithm && costOf(c.spec, c.algorithm, t) ? c.algorithm : 'library';
}

interface Row {
  readonly variant: Variant;
  readonly collectives: number;
  readonly predicted: number;
  readonly annotated: boolean;
  readonly computeUs: number;
  readonly makespan: number;
  readonly dataflow: number;
  readonly copyJoins: number;
  readonly oneStream: number;
}

function runVariant(v: Variant): Row {
  const { module } = parse(createContext(), source, { fileName: modelPath });
  if (v.passes) {
    const r = PassManager.parse(`builtin.module(${v.passes})`).run(module);
    if (!r.ok) throw new Error(`${v.name}: pipeline failed:\n${r.diagnostics.map((d) => d.message).join('\n')}`);
  }
  const text = print(module);
  const mod = readModuleWithIr(text, `${v.name}.mlir`, createContext({ allowUnregistered: true }));
  const sim = (o: TaskGraphOptions, streams = 2) => {
    const { tasks, collectives } = simTasksOf(mod, t, chooser, o);
    return { result: simulate(t, tasks, { streamsPerDevice: streams }), tasks, collectives };
  };
  const main = sim({});
  const annotated = main.collectives.length > 0 && main.collectives.every((c) => c.algorithm !== undefined);
  // Σ predicted_us when select-schedule ran; else the cost model's time for what would run (library).
  const predictedAttrs = [...text.matchAll(/predicted_us = ([-+0-9.eE]+)/g)].map((m) => Number(m[1]));
  const predicted = annotated
    ? predictedAttrs.reduce((a, b) => a + b, 0)
    : main.collectives.reduce((a, c) => a + costOf(c.spec, chooser(c), t)!.us, 0);
  // Compute ops only; the collectives' reduction steps share that engine but are part of their collective.
  const dev0 = main.result.timeline
    .filter((e) => e.lane === 'dev0 compute' && !e.label.startsWith('reduction: '))
    .reduce((a, e) => a + e.end_us - e.start_us, 0);
  return {
    variant: v,
    collectives: main.collectives.length,
    predicted,
    annotated,
    computeUs: dev0,
    makespan: main.result.makespan_us,
    dataflow: sim({ order: 'dataflow' }).result.makespan_us,
    copyJoins: sim({ copyJoins: true }).result.makespan_us,
    oneStream: sim({}, 1).result.makespan_us,
  };
}

const rows = VARIANTS.map(runVariant);
const base = rows.find((r) => r.variant.name === 'select')!;
const f = (us: number): string => us.toFixed(0);
const pct = (us: number): string => `${us < base.makespan ? '−' : '+'}${(Math.abs(us / base.makespan - 1) * 100).toFixed(1)} %`;

const lines: string[] = [];
lines.push(`Model \`${relative(root, modelPath)}\` on topology \`${t.name}\`. Times in µs; one decoder layer, every rank.`);
lines.push('');
lines.push('| pipeline (after `builtin.module(`…`)`) | collectives | Σ predicted | compute on dev0 | **makespan** | vs select | 1 stream | ideal issue order | joins copied |');
lines.push('|:---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const name = `${r.variant.extra ? '*' : ''}${r.variant.name}${r.variant.extra ? '*' : ''}`;
  lines.push(`| ${name} | ${r.collectives} | ${f(r.predicted)}${r.annotated ? '' : ' †'} | ${f(r.computeUs)} | **${f(r.makespan)}** | ${r === base ? '—' : pct(r.makespan)} | ${f(r.oneStream)} | ${f(r.dataflow)} | ${f(r.copyJoins)} |`);
}
lines.push('');
lines.push('Pipelines (topology option omitted above; every pass got `' + T + '`):');
lines.push('');
for (const r of rows) lines.push(`- ${r.variant.name}: \`${r.variant.passes.replaceAll(`{${T}}`, '').replaceAll(`${T}`, '').replaceAll('{}', '') || '(no passes)'}\``);
lines.push('');
lines.push('Columns: *Σ predicted* is the sum of the `predicted_us` that `ccl-select-schedule` wrote '
  + '(† no pass annotated the collectives: the cost model\'s time for `library`, the MPI call an unannotated collective lowers to). '
  + '*compute on dev0* is the roofline time of the compute ops one device runs (the collectives\' reduction steps run on the same engine, queued before waiting compute, and are not included). *makespan* is `simulate` on the task graph '
  + 'in program issue order (compute in order per device; an async collective starts when issued and its operands are ready; '
  + '`ccl.wait` blocks what follows), at most 2 collectives in flight per device (*1 stream*: at most one, so chunks cannot pipeline with each other). *ideal issue order* lets every op run as soon as '
  + 'its operands are ready (an upper bound for a better `ccl-overlap`). *joins copied* prices the `tensor.concat` that re-joins '
  + 'chunks as a memory copy instead of receiving the chunks in place. Italic rows are extra, to explain the others.');
const table = lines.join('\n') + '\n';

/** Write through a temp file and rename, so a failed run never leaves half a file. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

if (!isDefault) {
  process.stdout.write(table);
  process.exit(0);
}
writeAtomic(join(root, 'bench', 'numa-pipeline.md'), `# NUMA pipeline on the TP decoder layer (generated by bench/numa-pipeline.ts)\n\n${table}`);
const docPath = join(root, 'docs', 'passes.md');
const doc = readFileSync(docPath, 'utf8');
const begin = '<!-- numa-pipeline:begin (generated by bench/numa-pipeline.ts; do not edit) -->';
const end = '<!-- numa-pipeline:end -->';
const i = doc.indexOf(begin);
const j = doc.indexOf(end);
if (i < 0 || j < i) throw new Error(`${docPath}: numa-pipeline markers not found`);
writeAtomic(docPath, doc.slice(0, i + begin.length) + '\n' + table + doc.slice(j));
process.stdout.write(table);
