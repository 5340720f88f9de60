/**
 * Random files of ops, bad ops and `expected-*` designators: numaccl's
 * verifyDiagnostics must give mlir-opt-22 --verify-diagnostics's verdict and
 * print its stderr byte for byte.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MapSourceManager,
  parseExpectations,
  renderDiagnostics,
  splitInputFile,
  verifyDiagnostics,
} from '../../src/ir/diagnostics/index.js';
import { MLIR_OPT_MISSING, hasMlirOpt, runMlirOptRaw } from '../support/mlir-opt.js';
import { parseMlirStderr } from '../support/parse-mlir-stderr.js';

const OP_LINES = [
  '"foo.ok"() : () -> ()',
  '%0 = "foo.bad"(%undefined) : (i32) -> i32',
  'func.func @f(%a: i32) -> i64 {\n  return %a : i32\n}',
  '"foo.warn"() : () -> () loc("elsewhere.mlir":1:1)',
  '',
];
const KINDS = ['error', 'warning', 'note', 'remark'];
const WHERE = ['', '@above', '@below', '@+1', '@+2', '@-1', '@-2', '@+01', '@unknown'];
const MESSAGES = [
  'use of undeclared SSA value name',
  'undeclared',
  "doesn't match function result type",
  'never printed',
  '{{.*}}',
  'use of {{[a-z]+}} SSA',
  'type of return {{operand [0-9]}}',
  'a {{(',
];

const designator = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    re: fc.boolean(),
    where: fc.constantFrom(...WHERE),
    msg: fc.constantFrom(...MESSAGES),
    trailing: fc.constantFrom('', ' ', '\t'),
  })
  .map(({ kind, re, where, msg, trailing }) => `// expected-${kind}${re ? '-re' : ''} ${where} {{${msg}}}${trailing}`);
// A bad op with a designator aimed at it, mostly right, sometimes of the wrong kind or text.
const aimed = fc
  .record({
    op: fc.constantFrom(OP_LINES[1], OP_LINES[2]),
    kind: fc.constantFrom('error', 'error', 'error', 'warning', 'note'),
    msg: fc.constantFrom('undeclared', "doesn't match", 'use of {{.*}}', 'type of return'),
    re: fc.boolean(),
    shape: fc.constantFrom('plus', 'above', 'same', 'below'),
  })
  .map(({ op, kind, msg, re, shape }) => {
    const d = (where: string): string => `// expected-${kind}${re ? '-re' : ''} ${where} {{${msg}}}`;
    const target = op === OP_LINES[2] ? 2 : 1; // the line of the op that gets the diagnostic
    const [head, ...tail] = op.split('\n');
    const lines = [head, ...tail];
    if (shape === 'plus') return [d(`@+${target}`), ...lines].join('\n');
    if (shape === 'below') return [d('@below'), d('@below'), ...lines].join('\n');
    if (shape === 'same') return lines.map((l, i) => (i === target - 1 ? `${l} ${d('')}` : l)).join('\n');
    lines.splice(target, 0, d('@above'));
    return lines.join('\n');
  });
const line = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...OP_LINES) },
  { weight: 3, arbitrary: designator },
  { weight: 3, arbitrary: aimed },
  { weight: 1, arbitrary: fc.constant('// -----') },
);
const fileArb = fc.array(line, { minLength: 1, maxLength: 12 }).map((ls) => ls.join('\n') + '\n');
const mask = (t: string): string => t.replace(/expected-(error|warning|note|remark)/g, 'EXPECTED-$1');

describe.skipIf(!hasMlirOpt())('verifyDiagnostics on random designator files', () => {
  it('matches mlir-opt-22 --verify-diagnostics on 300 random files (verdict and stderr)', async () => {
    const args = ['--allow-unregistered-dialect', '--split-input-file'];
    const samples = fc.sample(fileArb, { numRuns: 300, seed: 22 });
    // Ten samples joined by a marker line are one bigger random file: one mlir-opt run checks ten.
    const files: string[] = [];
    for (let i = 0; i < samples.length; i += 10) files.push(samples.slice(i, i + 10).join('// -----\n'));
    let failing = 0;
    let designators = 0;
    let unmet = 0;
    for (const text of files) {
      const plain = await runMlirOptRaw(mask(text), args, { fileName: 'in.mlir' });
      const verified = await runMlirOptRaw(text, [...args, '--verify-diagnostics'], { fileName: 'in.mlir' });
      const { warnings } = splitInputFile(text, 'in.mlir');
      const produced = parseMlirStderr(plain.stderr, new MapSourceManager([['in.mlir', mask(text)]]))
        .slice(warnings.length)
        .map((d) => ({ ...d, notes: d.notes.filter((n) => !n.message.startsWith('see current operation: ')) }));
      const result = verifyDiagnostics(text, 'in.mlir', produced);
      const sources = new MapSourceManager([['in.mlir', text]]);
      expect(result.ok, text).toBe(verified.exitCode === 0);
      expect(renderDiagnostics([...warnings, ...result.failures], sources), text).toBe(verified.stderr);
      if (!result.ok) failing++;
      designators += parseExpectations(text, 'in.mlir').expectations.filter((e) => e.line !== undefined).length;
      unmet += result.failures.filter((f) => f.position && f.message.endsWith('was not produced')).length;
    }
    // Both outcomes are exercised: runs fail, yet many designators are met.
    expect(failing).toBeGreaterThan(5);
    expect(designators - unmet).toBeGreaterThan(20);
  });
});

if (!hasMlirOpt()) console.warn(MLIR_OPT_MISSING);
