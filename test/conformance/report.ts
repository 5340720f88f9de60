/**
 * Markdown out of a conformance run: the figures table for docs/conformance.md
 * and the failure report (every failing, out-of-scope and uncounted chunk with
 * its reason) written to .cache/conformance-report.md.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ChunkOutcome, ConformanceResult, FolderFigures } from './harness.js';

/** Targets from the foundation issue. */
export const TARGETS = { valid: 0.98, invalid: 0.95 } as const;

const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);

/** Share of valid in-scope chunks that pass in both print modes. */
export function validRate(f: FolderFigures): number {
  return f.validInScope === 0 ? 1 : f.bothPass / f.validInScope;
}

/** Share of invalid-expected in-scope chunks we reject. */
export function invalidRate(f: FolderFigures): number {
  return f.invalidInScope === 0 ? 1 : f.rejected / f.invalidInScope;
}

/** The figures table (one row per folder plus the total). */
export function renderFiguresTable(result: ConformanceResult): string {
  const head =
    '| folder | valid in scope | custom ✓ | generic ✓ | both ✓ | both % | invalid in scope | rejected | rejected % | first error on mlir-opt\'s line | diagnostics as expected | out of scope (valid / invalid) | not counted |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  const row = (f: FolderFigures, bold = false): string => {
    const b = (s: string | number): string => (bold ? `**${s}**` : String(s));
    return (
      `| ${b(f.folder.replace(/^mlir\/test\//, ''))} | ${b(f.validInScope)} | ${b(f.customPass)} | ${b(f.genericPass)} | ` +
      `${b(f.bothPass)} | ${b(pct(f.bothPass, f.validInScope))} | ${b(f.invalidInScope)} | ${b(f.rejected)} | ` +
      `${b(pct(f.rejected, f.invalidInScope))} | ${b(f.sameErrorLine)} | ${b(f.diagnosticsAsExpected)} | ${b(`${f.validOutOfScope} / ${f.invalidOutOfScope}`)} | ${b(f.notCounted)} |\n`
    );
  };
  return head + result.folders.map((f) => row(f)).join('') + row(result.total, true);
}

/** The full failure report. */
export function renderFailureReport(result: ConformanceResult, title = 'Conformance report'): string {
  const t = result.total;
  const lines: string[] = [
    `# ${title}`,
    '',
    `Dialects in scope: ${result.dialects.join(', ')}.`,
    '',
    `Valid chunks passing in both print modes: ${t.bothPass}/${t.validInScope} (${pct(t.bothPass, t.validInScope)}, target ${TARGETS.valid * 100}%).`,
    `Invalid chunks rejected: ${t.rejected}/${t.invalidInScope} (${pct(t.rejected, t.invalidInScope)}, target ${TARGETS.invalid * 100}%).`,
    '',
    renderFiguresTable(result),
  ];
  const section = (heading: string, items: readonly ChunkOutcome[], describe: (o: ChunkOutcome) => string): void => {
    lines.push(`## ${heading} (${items.length})`, '');
    for (const o of items) lines.push(`- \`${o.chunk.path}\` chunk ${o.chunk.index} (line ${o.chunk.firstLine}): ${describe(o)}`);
    lines.push('');
  };
  const valid = result.outcomes.filter((o) => o.chunk.kind === 'valid');
  const invalid = result.outcomes.filter((o) => o.chunk.kind === 'invalid-expected');
  section('Valid chunks that fail', valid.filter((o) => o.status === 'fail'), (o) =>
    Object.entries(o.modeFailures ?? {})
      .map(([mode, why]) => `[${mode}] ${why}`)
      .join('; '),
  );
  section('Invalid chunks not rejected', invalid.filter((o) => o.status === 'fail'), (o) => o.reason ?? '');
  section(
    "Invalid chunks rejected with the first error on another line than mlir-opt-22's",
    invalid.filter((o) => o.status === 'pass' && o.firstErrorLine?.ours !== o.firstErrorLine?.mlirOpt),
    (o) => `ours at line ${o.firstErrorLine?.ours ?? '?'}, mlir-opt-22 at line ${o.firstErrorLine?.mlirOpt ?? '?'}`,
  );
  section(
    'Invalid chunks rejected, but not with the expected diagnostics',
    invalid.filter((o) => o.status === 'pass' && !o.diagnosticsAsExpected),
    (o) => o.diagnosticsMismatch ?? '',
  );
  section('Out of scope', result.outcomes.filter((o) => o.status === 'out-of-scope'), (o) => `${o.chunk.kind}: ${o.reason}`);
  section('Not counted (mlir-opt-22 rejects them)', result.outcomes.filter((o) => o.status === 'not-counted'), (o) => o.reason ?? '');
  return lines.join('\n');
}

/** Write a file atomically (temp file, then rename). */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export const FIGURES_BEGIN = '<!-- conformance-figures:begin -->';
export const FIGURES_END = '<!-- conformance-figures:end -->';

/** Replace the figures block of docs/conformance.md (between the markers) with a fresh table. */
/** Replace the figures block between `<!-- figures[:name] -->` markers (the ir-core block has no name). */
export function updateFiguresInDoc(docPath: string, result: ConformanceResult, note: string, name = ''): void {
  const doc = readFileSync(docPath, 'utf8');
  const open = name ? FIGURES_BEGIN.replace(/ -->$/, `:${name} -->`) : FIGURES_BEGIN;
  const close = name ? FIGURES_END.replace(/ -->$/, `:${name} -->`) : FIGURES_END;
  const begin = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (begin === -1 || end < begin) throw new Error(`${docPath}: figures markers ${open} … ${close} not found`);
  const block = `${open}\n${note}\n\n${renderFiguresTable(result)}${close}`;
  writeFileAtomic(docPath, doc.slice(0, begin) + block + doc.slice(end + close.length));
}
