/**
 * Reader for the mlir-upstream conformance corpus (../shared/corpus/mlir-upstream):
 * its MANIFEST.tsv (path, chunk, first_line, kind, note, generic_ok) and the
 * files, split on lines that are exactly `// -----` as the manifest does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ChunkKind = 'valid' | 'invalid-expected' | 'rejected';

export interface CorpusChunk {
  /** Path as in the manifest, e.g. `mlir/test/IR/invalid.mlir`. */
  readonly path: string;
  /** Folder of the file, e.g. `mlir/test/IR`. */
  readonly folder: string;
  readonly index: number;
  /** 1-based line of the chunk's first line in the file. */
  readonly firstLine: number;
  readonly kind: ChunkKind;
  readonly note: string;
  readonly genericOk: boolean | undefined;
  /** The chunk text (lines between markers, each ending with '\n' except maybe the file's last). */
  readonly text: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));

/** Default corpus location: `<workspace>/shared/corpus/mlir-upstream`, overridable by NUMACCL_CORPUS. */
export function defaultCorpusDir(): string {
  return process.env.NUMACCL_CORPUS ?? resolve(HERE, '../../../shared/corpus/mlir-upstream');
}

export function corpusAvailable(dir = defaultCorpusDir()): boolean {
  return existsSync(join(dir, 'MANIFEST.tsv'));
}

/** Split a file on lines that are exactly `// -----`; returns [firstLine, text] pairs. */
export function splitOnMarkerLines(text: string): Array<{ firstLine: number; text: string }> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const chunks: Array<{ firstLine: number; text: string }> = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i] === '// -----') {
      // Every line keeps a '\n', as classify.sh's awk writes the chunk files.
      chunks.push({ firstLine: start + 1, text: lines.slice(start, i).map((l) => l + '\n').join('') });
      start = i + 1;
    }
  }
  return chunks;
}

/** All chunks of the manifest, with their text; throws naming the row on any mismatch. */
export function readCorpus(dir = defaultCorpusDir()): CorpusChunk[] {
  const manifest = readFileSync(join(dir, 'MANIFEST.tsv'), 'utf8').split('\n');
  const header = manifest[0].split('\t');
  const want = ['path', 'chunk', 'first_line', 'kind', 'note', 'generic_ok'];
  if (want.some((w, i) => header[i] !== w)) throw new Error(`MANIFEST.tsv: unexpected header ${manifest[0]}`);
  const files = new Map<string, Array<{ firstLine: number; text: string }>>();
  const out: CorpusChunk[] = [];
  manifest.slice(1).forEach((row, i) => {
    if (row === '') return;
    const [path, chunk, firstLine, kind, note, generic] = row.split('\t');
    const where = `MANIFEST.tsv line ${i + 2}`;
    if (kind !== 'valid' && kind !== 'invalid-expected' && kind !== 'rejected') throw new Error(`${where}: bad kind ${kind}`);
    let chunks = files.get(path);
    if (!chunks) {
      chunks = splitOnMarkerLines(readFileSync(join(dir, path), 'utf8'));
      files.set(path, chunks);
    }
    const c = chunks[Number(chunk)];
    if (!c || c.firstLine !== Number(firstLine)) {
      throw new Error(`${where}: chunk ${chunk} of ${path} does not start at line ${firstLine}`);
    }
    out.push({
      path,
      folder: path.slice(0, path.lastIndexOf('/')),
      index: Number(chunk),
      firstLine: c.firstLine,
      kind,
      note: note ?? '',
      genericOk: generic === '1' ? true : generic === '0' ? false : undefined,
      text: c.text,
    });
  });
  return out;
}

/** The full text of a corpus file. */
export function readCorpusFile(path: string, dir = defaultCorpusDir()): string {
  return readFileSync(join(dir, path), 'utf8');
}

/** Folders the foundation issue measures conformance on. */
export const CORE_FOLDERS: readonly string[] = [
  'mlir/test/IR',
  'mlir/test/Dialect/Func',
  'mlir/test/Dialect/Arith',
  'mlir/test/Dialect/Tensor',
];
