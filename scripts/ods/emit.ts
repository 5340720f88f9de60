/** Writes a generated data module: compact, stable, diff-friendly JSON-in-TS. */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** JSON with nesting indentation, but short arrays/objects kept on one line. */
export function formatValue(v: unknown, indent = ''): string {
  const flat = JSON.stringify(v);
  if (flat === undefined) return 'null';
  if (flat.length + indent.length <= 110 || v === null || typeof v !== 'object') return flat;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    return `[\n${v.map((x) => inner + formatValue(x, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatValue(x, inner)}`).join(',\n')}\n${indent}}`;
}

export function writeModule(path: string, header: string, body: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${header}\n${body}\n`);
  renameSync(tmp, path);
}
