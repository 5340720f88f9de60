/** `numaccl calibrate`: fit α and BW from benchmark logs, optionally into a topology. */
import { readFileSync } from 'node:fs';
import {
  applyCalibration,
  collectiveShape,
  fitAlphaBeta,
  linkLevelFit,
  reducePerSize,
  loadTopology,
  readCsv,
  readNcclTests,
  readOsu,
  routeBetween,
  scoreFit,
  transferUs,
  type Fit,
  type Topology,
  type OsuLog,
  type PerSize,
  type Sample,
} from '../../topology/index.js';
import { bool, parseArgs, str, strs, UsageError } from '../topology-support/args.js';
import { guarded, out, writeAtomic } from '../topology-support/io.js';

export const summary = 'fit link latency and bandwidth from OSU, nccl-tests or CSV samples';

const USAGE = `usage: numaccl calibrate (--osu F ... | --nccl-tests F | --csv F) [--ranks N] [--collective NAME]
                         [--per-size all|min|median|mean] [--min-bytes B] [--max-bytes B]
                         [--topology T (--link CLASS | --path A:B)] [--json] [-o OUT]

Fits T(s) = alpha + s/BW by least squares (relative weighting) and reports
alpha_us, gbps, r2 and mape. nccl-tests whole-collective times are turned
into per-link figures with nccl-tests' bus-bandwidth factors (ranks from the
log or --ranks). With --topology and --link, every link of that class gets
the fitted values and the topology JSON goes to OUT (or stdout). With
--topology and --path A:B (device ids), the fit is compared with what the
topology predicts for that route. --per-size collapses repeated sizes (min is
robust on a busy machine); --min-bytes/--max-bytes fit one regime (e.g. below
the cache size).
`;

/** What the topology predicts for one device pair: route latency and effective bandwidth. */
function pathModel(t: Topology, spec: string): { route: string; alpha_us: number; gbps: number; staged: boolean; path_class: string } {
  const m = /^(?:dev)?(\d+):(?:dev)?(\d+)$/.exec(spec);
  if (!m) throw new UsageError(`--path expects two device ids like 0:3, got '${spec}'`);
  const [from, to] = [`dev${m[1]}`, `dev${m[2]}`];
  if (from === to) throw new UsageError('--path needs two different devices');
  const route = routeBetween(t, from, to);
  const MiB = 1 << 20;
  const alpha = transferUs(t, { from, to, bytes: 0 });
  const slope = (transferUs(t, { from, to, bytes: MiB }) - alpha) / MiB;
  return { route: `${from}->${to}`, alpha_us: alpha, gbps: 1 / (slope * 1e3), staged: route.staged, path_class: route.pathClass };
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  return guarded('calibrate', USAGE, () => {
    if (argv.includes('--help') || argv.includes('-h')) return (out(USAGE), 0);
    const p = parseArgs(argv, {
      osu: { type: 'strings' }, 'nccl-tests': { type: 'string' }, csv: { type: 'string' }, ranks: { type: 'string' }, collective: { type: 'string' },
      topology: { type: 'string', short: 't' }, link: { type: 'string' }, path: { type: 'string' }, json: { type: 'boolean' }, output: { type: 'string', short: 'o' },
      'per-size': { type: 'string' }, 'min-bytes': { type: 'string' }, 'max-bytes': { type: 'string' },
    });
    if (p.positional.length > 0) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
    const given = [strs(p, 'osu').length > 0, p.flags.has('nccl-tests'), p.flags.has('csv')].filter(Boolean).length;
    if (given !== 1) throw new UsageError('give one sample source: --osu, --nccl-tests or --csv');
    if (p.flags.has('link') && p.flags.has('path')) throw new UsageError('give --link or --path, not both');
    if (p.flags.has('topology') !== (p.flags.has('link') || p.flags.has('path'))) throw new UsageError('--topology goes with --link or --path');

    let samples: Sample[];
    let osuLogs: OsuLog[] = [];
    const logsOf = (kind: OsuLog['kind']): Sample[] => osuLogs.filter((l) => l.kind === kind).flatMap((l) => l.samples);
    let source: string;
    let toLink = (f: Fit): Fit => f;
    const notes: string[] = [];
    if (strs(p, 'osu').length > 0) {
      const logs = strs(p, 'osu').map((f) => ({ f, log: readOsu(readText(f), f) }));
      samples = logs.flatMap((l) => l.log.samples);
      osuLogs = logs.map((l) => l.log);
      source = `osu (${logs.map((l) => `${l.f}: ${l.log.kind}`).join(', ')})`;
      if (logs.every((l) => l.log.kind === 'bandwidth')) notes.push('osu_bw streams a window of messages, so alpha is not meaningful; use osu_latency for alpha');
    } else if (p.flags.has('nccl-tests')) {
      const f = str(p, 'nccl-tests')!;
      const log = readNcclTests(readText(f), f);
      samples = log.samples;
      const ranks = str(p, 'ranks') !== undefined ? Number(str(p, 'ranks')) : log.ranks;
      if (ranks !== undefined && (!Number.isInteger(ranks) || ranks < 1)) throw new UsageError(`--ranks must be a positive integer, got '${str(p, 'ranks')}'`);
      const collective = str(p, 'collective') ?? log.collective;
      source = `nccl-tests ${collective ?? 'collective'} (${f}), ${ranks ?? '?'} ranks`;
      if (ranks !== undefined && collective !== undefined) toLink = (fit) => linkLevelFit(fit, collectiveShape(collective, ranks));
      else notes.push('collective or rank count unknown (give --collective / --ranks): reporting whole-collective alpha/BW');
    } else {
      const f = str(p, 'csv')!;
      samples = readCsv(readText(f), f);
      source = `csv (${f})`;
    }
    const perSize = str(p, 'per-size') ?? 'all';
    if (!['all', 'min', 'median', 'mean'].includes(perSize)) throw new UsageError(`--per-size must be all, min, median or mean, got '${perSize}'`);
    const bound = (flag: string, dflt: number): number => {
      const v = str(p, flag);
      if (v === undefined) return dflt;
      const n = Number(v);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} must be a number of bytes, got '${v}'`);
      return n;
    };
    const [lo, hi] = [bound('min-bytes', 0), bound('max-bytes', Infinity)];
    const shape = (xs: readonly Sample[]): Sample[] => reducePerSize(xs.filter((x) => x.bytes >= lo && x.bytes <= hi), perSize as PerSize);
    samples = shape(samples);
    if (samples.length < 2) throw new Error(`only ${samples.length} sample(s) left after --min-bytes/--max-bytes`);
    osuLogs = osuLogs.map((l) => ({ ...l, samples: shape(l.samples) }));
    let raw = fitAlphaBeta(samples);
    const osuLat = logsOf('latency');
    const osuBw = logsOf('bandwidth');
    if (osuLat.length > 0 && osuBw.length > 0) {
      // osu_latency pins alpha, osu_bw (streamed) pins bandwidth; judge the pair on the latency samples.
      const lat = fitAlphaBeta(osuLat);
      raw = scoreFit(osuLat, lat.alpha_us, fitAlphaBeta(osuBw).gbps);
      notes.push('alpha from osu_latency, bandwidth from osu_bw; r2/mape over the latency samples');
    }
    const fit = toLink(raw);
    const report = {
      source,
      alpha_us: fit.alpha_us,
      gbps: fit.gbps,
      r2: fit.r2,
      mape: fit.mape,
      samples: fit.samples,
      ...(fit !== raw ? { collective_alpha_us: raw.alpha_us, collective_gbps: raw.gbps } : {}),
      ...(notes.length ? { notes } : {}),
    };
    if (p.flags.has('path')) {
      const path = pathModel(loadTopology(str(p, 'topology')!), str(p, 'path')!);
      const cmp = { ...report, model: path };
      out(bool(p, 'json') ? JSON.stringify(cmp, null, 2) + '\n'
        : `${source}: measured alpha ${fit.alpha_us.toFixed(3)} µs, ${fit.gbps.toFixed(3)} GB/s (R² ${fit.r2.toFixed(4)}, MAPE ${fit.mape.toFixed(2)} %)\n` +
          `model ${path.route}: alpha ${path.alpha_us.toFixed(3)} µs, ${path.gbps.toFixed(3)} GB/s${path.staged ? ' (host-staged)' : ''}\n`);
      return 0;
    }
    if (p.flags.has('topology')) {
      const t = applyCalibration(loadTopology(str(p, 'topology')!), str(p, 'link')!, fit);
      const json = JSON.stringify(t, null, 2) + '\n';
      const o = str(p, 'output');
      if (o) writeAtomic(o, json);
      else if (!bool(p, 'json')) out(json);
      if (bool(p, 'json')) out(JSON.stringify({ ...report, topology: o ?? t }, null, 2) + '\n');
      else if (o) out(`alpha ${fit.alpha_us.toFixed(3)} µs, ${fit.gbps.toFixed(3)} GB/s (R² ${fit.r2.toFixed(4)}, MAPE ${fit.mape.toFixed(2)} %) written to ${o}\n`);
      return 0;
    }
    const o = str(p, 'output');
    const text = bool(p, 'json')
      ? JSON.stringify(report, null, 2) + '\n'
      : `${source}: ${fit.samples} samples\nalpha ${fit.alpha_us.toFixed(3)} µs, bandwidth ${fit.gbps.toFixed(3)} GB/s, R² ${fit.r2.toFixed(4)}, MAPE ${fit.mape.toFixed(2)} %\n` +
        notes.map((n) => `note: ${n}\n`).join('');
    if (o) writeAtomic(o, text);
    else out(text);
    return 0;
  });
}
