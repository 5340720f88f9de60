/** `print-op-stats`: counts ops by name, in MLIR's table or JSON layout (to stderr, as MLIR does). */
import type { Operation } from '../../ir/index.js';
import { boolOption } from '../options/index.js';
import { definePass } from '../registry/index.js';

/** Op name → count for `root` and everything nested in it, sorted by name. */
export function opStatistics(root: Operation): [string, number][] {
  const counts = new Map<string, number>();
  root.walk((op) => void counts.set(op.name, (counts.get(op.name) ?? 0) + 1));
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** MLIR's text table: dialect right-aligned, op name left-aligned, then ` , count`. */
export function formatOpStatistics(stats: readonly [string, number][], json: boolean): string {
  if (json) return `{\n${stats.map(([n, c]) => `  "${n}" : ${c}`).join(',\n')}\n}\n`;
  const split = stats.map(([n, c]) => {
    const dot = n.indexOf('.');
    return { dialect: dot < 0 ? '' : n.slice(0, dot), op: dot < 0 ? n : n.slice(dot + 1), count: c };
  });
  const dw = Math.max(0, ...split.map((s) => s.dialect.length));
  const ow = Math.max(0, ...split.map((s) => s.op.length));
  const rows = split.map((s) => `  ${s.dialect.padStart(dw)}.${s.op.padEnd(ow)} , ${s.count}\n`);
  return `Operations encountered:\n-----------------------\n${rows.join('')}`;
}

export const printOpStatsPass = definePass({
  argument: 'print-op-stats',
  summary: 'Print statistics of operations',
  displayName: 'PrintOpStats',
  options: { json: boolOption('print the stats as JSON') },
  create: (o) => ({
    run(op) {
      process.stderr.write(formatOpStatistics(opStatistics(op), o.json));
    },
  }),
});
