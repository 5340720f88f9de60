/**
 * Crash reproducers as MLIR writes them: the IR as it was before the
 * pipeline ran, followed by the pipeline in the file's metadata,
 *
 *   {-#
 *     external_resources: {
 *       mlir_reproducer: {
 *         pipeline: "builtin.module(...)",
 *         disable_threading: true,
 *         verify_each: true
 *       }
 *     }
 *   #-}
 *
 * and reading that configuration back for `--run-reproducer`.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { formatResolvedElement, type ResolvedPipeline } from '../registry/index.js';

export interface ReproducerConfig {
  readonly pipeline: string;
  readonly disableThreading: boolean;
  readonly verifyEach: boolean;
}

/** The pipeline as MLIR's reproducer spells it: top-level entries joined by `, `. */
export function reproducerPipeline(p: ResolvedPipeline): string {
  return `${p.anchor}(${p.elements.map(formatResolvedElement).join(', ')})`;
}

/** MLIR's string escaping: `\\`, `\"` and two-digit hex for non-printable bytes. */
export function escapeMlirString(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (c === '\\' || c === '"') out += '\\' + c;
    else if (byte >= 0x20 && byte < 0x7f) out += c;
    else out += '\\' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Decodes an MLIR string literal (with its quotes). */
export function unescapeMlirString(lit: string): string {
  const body = lit.startsWith('"') && lit.endsWith('"') ? lit.slice(1, -1) : lit;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; ++i) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const n = body[++i];
    if (n === 'n') bytes.push(10);
    else if (n === 't') bytes.push(9);
    else if (n === '\\' || n === '"') bytes.push(n.charCodeAt(0));
    else {
      bytes.push(parseInt(body.slice(i, i + 2), 16));
      ++i;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The reproducer file's text: `irText` (printed module, newline-terminated) plus the metadata. */
export function reproducerText(irText: string, config: ReproducerConfig): string {
  return (
    `${irText}\n{-#\n  external_resources: {\n    mlir_reproducer: {\n` +
    `      pipeline: "${escapeMlirString(config.pipeline)}",\n` +
    `      disable_threading: ${config.disableThreading},\n` +
    `      verify_each: ${config.verifyEach}\n    }\n  }\n#-}\n`
  );
}

/** Writes `text` to `path` through a temporary file, so no half-written reproducer is left. */
export function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export class ReproducerFormatError extends Error {}

/**
 * The reproducer configuration from a parsed file's `external_resources`
 * (owner → key → value text). Throws `ReproducerFormatError` if the file
 * carries none or it is malformed.
 */
export function readReproducerConfig(externalResources: ReadonlyMap<string, ReadonlyMap<string, string>>): ReproducerConfig {
  const entry = externalResources.get('mlir_reproducer');
  if (!entry) throw new ReproducerFormatError("the file has no 'mlir_reproducer' entry in its external_resources");
  const pipeline = entry.get('pipeline');
  if (pipeline === undefined || !pipeline.startsWith('"')) throw new ReproducerFormatError("the reproducer has no 'pipeline' string");
  const flag = (key: string, dflt: boolean): boolean => {
    const v = entry.get(key);
    if (v === undefined) return dflt;
    if (v !== 'true' && v !== 'false') throw new ReproducerFormatError(`the reproducer's '${key}' must be true or false`);
    return v === 'true';
  };
  return { pipeline: unescapeMlirString(pipeline), disableThreading: flag('disable_threading', false), verifyEach: flag('verify_each', true) };
}
