/** Chunks of the upstream MLIR corpus (../shared/corpus/mlir-upstream), split as its MANIFEST.tsv says. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = '/work/shared/corpus/mlir-upstream';

export type ChunkKind = 'valid' | 'invalid-expected' | 'rejected';

export interface CorpusChunk {
  readonly path: string;
  readonly index: number;
  readonly kind: ChunkKind;
  /** The manifest's note, e.g. `mlir-opt crashed (signal 11)`. */
  readonly note: string;
  readonly text: string;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));
}

/** Every chunk: files split on lines that are exactly `// -----`. */
export function loadCorpus(): CorpusChunk[] {
  const rows = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trimEnd().split('\n').slice(1);
  const byFile = new Map<string, string[]>();
  const chunks: CorpusChunk[] = [];
  for (const row of rows) {
    const [path, index, , kind, note] = row.split('\t');
    let pieces = byFile.get(path);
    if (!pieces) {
      const lines = readFileSync(join(CORPUS_DIR, path), 'utf8').split('\n');
      const acc: string[][] = [[]];
      for (const line of lines) {
        if (line === '// -----') acc.push([]);
        else acc[acc.length - 1].push(line);
      }
      pieces = acc.map((ls) => ls.join('\n'));
      byFile.set(path, pieces);
    }
    chunks.push({ path, index: Number(index), kind: kind as ChunkKind, note: note ?? '', text: pieces[Number(index)] });
  }
  return chunks;
}

/** Chunks that use MLIR's `test` dialect: mlir-opt-22 registers it, the C API cannot. */
export function usesTestDialect(text: string): boolean {
  return /["!#\s({,]test(_dyn|_irdl_to_cpp)?[.:]/.test(text);
}

/**
 * Chunks whose result depends on the mlir-opt driver rather than on MLIR:
 * the test dialect, and unknown `external_resources` (mlir-opt keeps them in
 * a fallback resource map and prints them back; the C API parser warns and
 * drops them). See docs/mlir-bridge.md.
 */
export function driverDependent(c: CorpusChunk): boolean {
  return usesTestDialect(c.text) || c.text.includes('external_resources');
}
