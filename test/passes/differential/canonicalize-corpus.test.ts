import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createContext } from '../../../src/dialects/index.js';
import { parse, print, splitInputFile } from '../../../src/ir/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { upstreamArbitraryNote } from '../support/notes.js';
import { CORPUS } from '../support/run-lines.js';
import { runMlirOpt } from '../support/upstream-passes.js';

// Hundreds of mlir-opt-22 processes on a shared 2-core machine: allow for load.
vi.setConfig({ testTimeout: 600_000 });


/** mlir-opt's per-chunk outputs for `args` over chunks joined by the split marker. */
function perChunk(chunks: readonly string[], args: readonly string[]): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (const c of chunks) {
    const r = runMlirOpt([...args, '-'], c);
    out.push(r.status === 0 ? r.stdout : undefined);
  }
  return out;
}

/** Top-level `func.func` blocks of a printed module, by symbol. */
function functions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^ {2}func\.func (?:private )?@([\w$.]+)[\s\S]*?^ {2}\}$/gm;
  for (const m of text.matchAll(re)) out.set(m[1], m[0]);
  return out;
}

describe('canonicalize vs mlir-opt-22 on the corpus canonicalize tests', () => {
  for (const [dialect, floor] of [
    ['Arith', 1],
    ['Tosa', 0.8],
  ] as const) {
  it(`${dialect}/canonicalize.mlir: agreement per chunk and per function; every output is accepted by mlir-opt-22`, () => {
    const FILE = `${CORPUS}/test/Dialect/${dialect}/canonicalize.mlir`;
    const text = readFileSync(FILE, 'utf8');
    const chunks = splitInputFile(text, FILE).chunks;
    const ours: (string | undefined)[] = [];
    let unsupported = 0;
    for (const c of chunks) {
      try {
        const m = parse(createContext(), text, { fileName: FILE, start: c.offset, end: c.offset + c.text.length }).module;
        const r = PassManager.parse('builtin.module(canonicalize)').run(m);
        ours.push(r.ok ? print(m) : undefined);
      } catch {
        ours.push(undefined);
        unsupported++;
      }
    }
    const theirs = perChunk(
      chunks.map((c) => c.text),
      ['--canonicalize'],
    );
    const ourReprinted = perChunk(
      ours.map((o) => o ?? ''),
      [],
    );
    let compared = 0;
    let chunkAgree = 0;
    let fnTotal = 0;
    let fnAgree = 0;
    const missing: string[] = [];
    chunks.forEach((_, i) => {
      if (process.env.NUMACCL_SHOW_DIFF && ours[i] === undefined && theirs[i] !== undefined) upstreamArbitraryNote(`chunk ${i}: numaccl failed`);
      if (ours[i] === undefined || theirs[i] === undefined) return;
      // Everything we print must be accepted by mlir-opt-22.
      expect(ourReprinted[i], `chunk ${i}`).toBeDefined();
      compared++;
      if (ourReprinted[i] === theirs[i]) chunkAgree++;
      const a = functions(ourReprinted[i]!);
      const b = functions(theirs[i]!);
      for (const [name, body] of b) {
        fnTotal++;
        if (a.get(name) === body) fnAgree++;
        else {
          missing.push(name);
          if (process.env.NUMACCL_SHOW_DIFF) upstreamArbitraryNote(`--- ${name}\nOURS:\n${a.get(name)}\nMLIR:\n${body}`);
        }
      }
    });
    upstreamArbitraryNote(
      `canonicalize ${dialect}: ${chunks.length} chunks, ${unsupported} not parsed by numaccl, ${compared} compared, ${chunkAgree} identical; ` +
        `functions ${fnAgree}/${fnTotal} identical (${((100 * fnAgree) / Math.max(1, fnTotal)).toFixed(1)}%)`,
    );
    if (process.env.NUMACCL_TEST_NOTES) upstreamArbitraryNote(`differing: ${missing.join(' ')}`);
    expect(compared).toBeGreaterThan(0);
    // A ratchet: agreement on the chunks numaccl can parse must not fall below what was reached.
    expect(chunkAgree / compared).toBeGreaterThanOrEqual(floor);
  });
  }
});
