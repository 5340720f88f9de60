/** Readers for benchmark logs: OSU micro-benchmarks, nccl-tests, plain CSV. */
import type { Sample } from './fit.js';

export class SampleFormatError extends Error {
  constructor(source: string, line: number, message: string) {
    super(`${source}${line > 0 ? `:${line}` : ''}: ${message}`);
    this.name = 'SampleFormatError';
  }
}

export interface OsuLog {
  readonly kind: 'latency' | 'bandwidth';
  readonly samples: Sample[];
}

/**
 * `osu_latency` ("# Size  Latency (us)": one-way latency) or `osu_bw` /
 * `osu_bibw` ("# Size  Bandwidth (MB/s)", MB = 1e6 B; per-message time is
 * size / bandwidth per direction, a streaming figure that hides latency).
 */
export function readOsu(text: string, source = 'osu.txt'): OsuLog {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /^#\s*Size\s+/i.test(l));
  if (header < 0) throw new SampleFormatError(source, 1, "not OSU output (no '# Size ...' header)");
  const h = lines[header];
  const kind = /Latency/i.test(h) ? 'latency' : /Bandwidth/i.test(h) ? 'bandwidth' : undefined;
  if (!kind) throw new SampleFormatError(source, header + 1, `unknown OSU column in '${h.trim()}'`);
  // osu_bibw reports both directions together; links are priced per direction.
  const directions = /Bi-?Directional/i.test(text) ? 2 : 1;
  const samples: Sample[] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' || l.startsWith('#')) continue;
    const m = /^(\d+)\s+([0-9.eE+-]+)(\s|$)/.exec(l);
    if (!m) throw new SampleFormatError(source, i + 1, `expected '<size> <value>', got '${l}'`);
    const bytes = Number(m[1]);
    const v = Number(m[2]);
    if (!Number.isFinite(v)) throw new SampleFormatError(source, i + 1, `bad number '${m[2]}'`);
    if (kind === 'latency') samples.push({ bytes, us: v });
    else if (v > 0 && bytes > 0) samples.push({ bytes, us: bytes / (v / directions) });
  }
  if (samples.length === 0) throw new SampleFormatError(source, header + 1, 'no data rows');
  return { kind, samples };
}

export interface NcclTestsLog {
  /** e.g. "all_reduce" (from the binary name or the header), if known. */
  readonly collective?: string;
  /** Number of ranks (from the "#  Rank" lines), if listed. */
  readonly ranks?: number;
  /** Out-of-place size and time; `busbw` kept for reference. */
  readonly samples: (Sample & { readonly algbw: number; readonly busbw: number })[];
}

/** nccl-tests result tables (`all_reduce_perf` and friends). */
export function readNcclTests(text: string, source = 'nccl-tests.txt'): NcclTestsLog {
  const lines = text.split(/\r?\n/);
  const header = lines.findIndex((l) => /^#\s+size\s+count\s+type/i.test(l));
  if (header < 0) throw new SampleFormatError(source, 1, "not nccl-tests output (no '#  size  count  type ...' header)");
  const cols = lines[header].replace(/^#/, '').trim().split(/\s+/);
  const at = (name: string): number => cols.indexOf(name);
  const iTime = at('time');
  const iAlg = at('algbw');
  const iBus = at('busbw');
  if (iTime < 0 || iAlg < 0 || iBus < 0) throw new SampleFormatError(source, header + 1, 'header lacks time/algbw/busbw columns');
  const samples: NcclTestsLog['samples'] = [];
  for (let i = header + 1; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' || l.startsWith('#')) continue;
    const cells = l.split(/\s+/);
    if (!/^\d+$/.test(cells[0])) continue; // e.g. "Out of bounds values" summary lines
    if (cells.length < iBus + 1) throw new SampleFormatError(source, i + 1, `expected at least ${iBus + 1} columns, got ${cells.length}`);
    const us = Number(cells[iTime]);
    if (!Number.isFinite(us)) throw new SampleFormatError(source, i + 1, `bad time '${cells[iTime]}'`);
    samples.push({ bytes: Number(cells[0]), us, algbw: Number(cells[iAlg]), busbw: Number(cells[iBus]) });
  }
  if (samples.length === 0) throw new SampleFormatError(source, header + 1, 'no data rows');
  const ranks = lines.filter((l) => /^#\s+Rank\s+\d+\s+Group/.test(l)).length || undefined;
  // Newer nccl-tests name the binary in a header line; else try the file name.
  const named = /\b(all_reduce|all_gather|reduce_scatter|alltoall|broadcast|reduce|sendrecv|hypercube|gather|scatter)_perf\b/;
  const coll = /Collective test starting:\s*(\w+)/.exec(text)?.[1] ?? named.exec(source)?.[1];
  return { samples, ...(ranks ? { ranks } : {}), ...(coll ? { collective: coll.replace(/_perf$/, '') } : {}) };
}

/** CSV with a header naming a size column (bytes|size) and a time column (us|time_us|time). */
export function readCsv(text: string, source = 'samples.csv'): Sample[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const headerAt = lines.findIndex((l) => l !== '' && !l.startsWith('#'));
  if (headerAt < 0) throw new SampleFormatError(source, 1, 'empty file');
  const cols = lines[headerAt].split(',').map((c) => c.trim().toLowerCase());
  const iB = cols.findIndex((c) => c === 'bytes' || c === 'size' || c === 'size_bytes');
  const iT = cols.findIndex((c) => c === 'us' || c === 'time_us' || c === 'time' || c === 'latency_us');
  if (iB < 0 || iT < 0) throw new SampleFormatError(source, headerAt + 1, `header must name a size column (bytes) and a time column (us), got '${lines[headerAt]}'`);
  const out: Sample[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i] === '' || lines[i].startsWith('#')) continue;
    const cells = lines[i].split(',').map((c) => c.trim());
    const bytes = Number(cells[iB]);
    const us = Number(cells[iT]);
    if (cells[iB] === undefined || cells[iT] === undefined || !Number.isFinite(bytes) || !Number.isFinite(us)) {
      throw new SampleFormatError(source, i + 1, `expected numbers in columns '${cols[iB]}' and '${cols[iT]}', got '${lines[i]}'`);
    }
    out.push({ bytes, us });
  }
  if (out.length === 0) throw new SampleFormatError(source, headerAt + 1, 'no data rows');
  return out;
}
