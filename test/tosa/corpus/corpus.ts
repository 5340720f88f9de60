// Loads the upstream TOSA corpus with MANIFEST.tsv classifications and the
// `expected-error` annotations of each chunk.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Chunk, splitChunks } from './extract.js';

export const CORPUS_ROOT = join(import.meta.dirname, '../../../../shared/corpus/mlir-upstream');
export const corpusAvailable = (): boolean => existsSync(join(CORPUS_ROOT, 'MANIFEST.tsv'));

export type ChunkKind = 'valid' | 'invalid-expected' | 'rejected';

export interface CorpusChunk extends Chunk {
  readonly path: string;
  readonly kind: ChunkKind;
}

export function loadChunks(relPath: string): CorpusChunk[] {
  const manifest = readFileSync(join(CORPUS_ROOT, 'MANIFEST.tsv'), 'utf8').split('\n');
  const kinds = new Map<number, ChunkKind>();
  for (const row of manifest) {
    const [path, chunk, , kind] = row.split('\t');
    if (path === relPath) kinds.set(Number(chunk), kind as ChunkKind);
  }
  const text = readFileSync(join(CORPUS_ROOT, relPath), 'utf8');
  return splitChunks(text).map((c) => ({ ...c, path: relPath, kind: kinds.get(c.index) ?? 'rejected' }));
}

export interface Expectation {
  /** File line the diagnostic must be reported on. */
  readonly line: number;
  /** Matcher built from the `{{...}}` text (substring, with nested `{{re}}` as regex). */
  readonly pattern: RegExp;
  readonly text: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `expected-error@+1 {{msg}}`, `@-2`, or no offset (same line). */
export function expectations(chunk: Chunk): Expectation[] {
  const out: Expectation[] = [];
  chunk.text.split('\n').forEach((line, i) => {
    const m = /expected-error(?:@([+-]\d+))?\s*\{\{(.*)\}\}\s*$/.exec(line);
    if (!m) return;
    const text = m[2]!;
    // The message itself may embed {{regex}} blocks.
    const parts = text.split(/(\{\{.*?\}\})/);
    const re = parts.map((p) => (p.startsWith('{{') && p.endsWith('}}') ? `(?:${p.slice(2, -2)})` : escapeRe(p))).join('');
    out.push({ line: chunk.firstLine + i + Number(m[1] ?? 0), pattern: new RegExp(re), text });
  });
  return out;
}
