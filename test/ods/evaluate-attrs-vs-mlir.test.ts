/**
 * Differential test for attribute constraints: for ops with exactly one
 * required attribute, put a random attribute there and check that our
 * verdict matches whether mlir-opt-22 rejects that attribute (property
 * conversion at parse time, or "attribute 'x' failed to satisfy constraint").
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Attribute, Context, printAttribute, printType } from '../../src/ir/index.js';
import { buildClassTable, evaluatePred, type OdsDialect, type OdsOp } from '../../src/ir/ods/index.js';
import { ALL_DIALECTS } from './all-dialects.js';

const MLIR_OPT = '/usr/bin/mlir-opt-22';
const ctx = new Context();
const classes = buildClassTable(ALL_DIALECTS);
const i1 = ctx.integerType(1);
const i8 = ctx.integerType(8);
const i32 = ctx.integerType(32);
const i64 = ctx.integerType(64);
const f32 = ctx.floatType('f32');
const index = ctx.indexType();
const tensor = ctx.tensorType([2], f32);

const intType = fc.constantFrom(i1, i8, i32, i64, index, ctx.integerType(16), ctx.integerType(32, 'signed'));
const smallInt = fc.bigInt({ min: -3n, max: 70n });
const attribute: fc.Arbitrary<Attribute> = fc.oneof(
  fc.tuple(intType, smallInt).map(([t, v]) => ctx.integerAttr(t, t === i1 ? v & 1n : v)),
  fc.double({ min: -4, max: 4, noNaN: true }).map((v) => ctx.floatAttr(f32, Math.round(v * 4) / 4)),
  fc.constantFrom('a', 'NONE', 'sum').map((s) => ctx.stringAttr(s)),
  fc.constant(ctx.unitAttr()),
  fc.array(smallInt, { maxLength: 5 }).map((xs) => ctx.denseArrayAttr(i64, xs)),
  fc.array(fc.integer({ min: -3, max: 9 }), { maxLength: 5 }).map((xs) => ctx.denseArrayAttr(i32, xs)),
  fc.array(fc.integer({ min: 0, max: 1 }), { maxLength: 3 }).map((xs) => ctx.denseArrayAttr(i1, xs)),
  fc.array(smallInt.map((v) => ctx.integerAttr(i64, v)), { maxLength: 3 }).map((xs) => ctx.arrayAttr(xs)),
  fc.constantFrom(i32, tensor, f32, ctx.functionType([i32], [i32])).map((t) => ctx.typeAttr(t)),
  fc.constantFrom(ctx.symbolRefAttr('s'), ctx.symbolRefAttr('s', ['t'])),
  fc.constantFrom(
    ctx.dialectAttr('tosa', 'rounding_mode', 'SINGLE_ROUND'),
    ctx.dialectAttr('tosa', 'nan_mode', 'PROPAGATE'),
    ctx.dialectAttr('arith', 'fastmath', 'fast'),
    ctx.dialectAttr('mpi', 'errclass', 'MPI_ERR_COMM'),
  ),
);

function candidates(): { op: OdsOp; dialect: OdsDialect; attr: number }[] {
  const out: { op: OdsOp; dialect: OdsDialect; attr: number }[] = [];
  for (const dialect of ALL_DIALECTS)
    for (const op of dialect.ops) {
      const required = op.attributes.map((a, i) => [a, i] as const).filter(([a]) => a.kind === 'required' && !a.isUnit);
      if (required.length !== 1 || op.regions.length > 0 || op.successors.length > 0) continue;
      if (op.operands.some((o) => o.kind === 'variadicOfVariadic')) continue;
      if (op.traits.some((t) => t.kind === 'native' && t.name.startsWith('AttrSized'))) continue;
      out.push({ op, dialect, attr: required[0][1] });
    }
  return out;
}

/** Each chunk is 4 lines plus the separator, so chunk i's op sits on line 2 + 5i. */
function chunk(op: OdsOp, name: string, a: Attribute, id: number): string {
  const ts = printType(tensor);
  const nOperands = op.operands.filter((o) => o.kind === 'single').length;
  const nResults = op.results.filter((r) => r.kind === 'single').length;
  const args = Array(nOperands).fill('%a').join(', ');
  const lhs = nResults > 0 ? `${Array.from({ length: nResults }, (_, i) => `%r${i}`).join(', ')} = ` : '';
  const sig = `(${Array(nOperands).fill(ts).join(', ')}) -> (${Array(nResults).fill(ts).join(', ')})`;
  return `func.func @f(%a: ${ts}) {\n  ${lhs}"${op.name}"(${args}) <{${name} = ${printAttribute(a)}}> : ${sig} loc("s${id}")\n  return\n}\n`;
}

describe.skipIf(!existsSync(MLIR_OPT))('attribute constraint evaluation agrees with mlir-opt-22', () => {
  it('required-attribute verdicts match MLIR on 500 random (op, attribute) pairs', () => {
    const ops = candidates();
    expect(ops.length).toBeGreaterThan(20);
    const samples = fc.sample(fc.tuple(fc.constantFrom(...ops), attribute), 500);
    const text = samples.map(([{ op, attr }, a], i) => chunk(op, op.attributes[attr].name, a, i)).join('// -----\n');
    const file = join(mkdtempSync(join(tmpdir(), 'ods-attr-')), 'cases.mlir');
    writeFileSync(file, text);
    if (process.env.ODS_EVAL_KEEP) writeFileSync(process.env.ODS_EVAL_KEEP, text);
    let stderr = '';
    try {
      execFileSync(MLIR_OPT, ['--split-input-file', file], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr ?? '');
    }
    expect(stderr).not.toMatch(/Stack dump|PLEASE submit a bug report/);
    const errors = new Map<number, string>();
    for (const m of stderr.matchAll(/error: loc\("s(\d+)"\): (.*)/g)) if (!errors.has(Number(m[1]))) errors.set(Number(m[1]), m[2]);
    for (const m of stderr.matchAll(/cases\.mlir:(\d+):\d+: error: (.*)/g)) {
      const id = (Number(m[1]) - 2) / 5;
      if (Number.isInteger(id) && !errors.has(id)) errors.set(id, m[2]);
    }
    const disagreements: string[] = [];
    let decided = 0;
    samples.forEach(([{ op, dialect, attr }, a], i) => {
      const name = op.attributes[attr].name;
      const err = errors.get(i) ?? '';
      const rejected =
        err.includes(`attribute '${name}' failed to satisfy constraint`) || err.includes(`Invalid attribute \`${name}\``);
      const ours = evaluatePred(dialect.constraints[op.attributes[attr].constraint].pred, a, { classes });
      if (ours === 'unknown') return;
      decided++;
      if (ours === rejected) disagreements.push(`${op.name} ${name} = ${printAttribute(a)}: ours=${ours}, mlir: ${err || 'accepted'}`);
    });
    expect(disagreements).toEqual([]);
    expect(decided).toBeGreaterThan(300);
  });
});
