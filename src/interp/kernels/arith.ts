// arith ops, elementwise over scalars (rank-0 tensors) and tensors.
import type { Attribute, DenseElementsAttr, FloatAttr, IntegerAttr, IntegerType, Operation, Type } from '../../ir/index.js';
import { makeTensor, map1, mapN, multiply, normalize, type Tensor } from '../tensor.js';
import { denseToTensor } from '../constants.js';
import { InterpError, type Kernel } from './types.js';

const elemOf = (t: Type): Type => (t as { elementType?: Type }).elementType ?? t;
const shapeOf = (t: Type): number[] => [...((t as { shape?: readonly number[] }).shape ?? [])];
const width = (t: Type): number => (t.kind === 'integer' ? (t as IntegerType).width : 64);
const unsigned = (x: number, t: Type): number => (x < 0 ? x + 2 ** width(t) : x);

function bin(f: (a: number, b: number, t: Type) => number): Kernel {
  return (op, [a, b]) => [mapN([a, b], elemOf(op.resultTypes[0]), ([x, y]) => f(x, y, elemOf(a.elementType)))];
}
function un(f: (a: number, t: Type) => number): Kernel {
  return (op, [a]) => [map1(a, elemOf(op.resultTypes[0]), (x) => f(x, a.elementType))];
}

const constant: Kernel = (op) => {
  const v = op.getAttr('value') as Attribute;
  if (v.kind === 'dense') return [denseToTensor(v as DenseElementsAttr)];
  const t = op.resultTypes[0];
  const x = v.kind === 'integer' ? Number((v as IntegerAttr).value) : v.kind === 'float' ? (v as FloatAttr).value : NaN;
  if (Number.isNaN(x) && v.kind !== 'float') throw new InterpError(op, 'unsupported constant');
  const out = makeTensor(shapeOf(t), elemOf(t));
  out.data.fill(normalize(x, elemOf(t)));
  return [out];
};

const CMPI: Record<string, (a: number, b: number, t: Type) => boolean> = {
  '0': (a, b) => a === b,
  '1': (a, b) => a !== b,
  '2': (a, b) => a < b,
  '3': (a, b) => a <= b,
  '4': (a, b) => a > b,
  '5': (a, b) => a >= b,
  '6': (a, b, t) => unsigned(a, t) < unsigned(b, t),
  '7': (a, b, t) => unsigned(a, t) <= unsigned(b, t),
  '8': (a, b, t) => unsigned(a, t) > unsigned(b, t),
  '9': (a, b, t) => unsigned(a, t) >= unsigned(b, t),
};

const cmpi: Kernel = (op, [a, b]) => {
  const pred = String((op.getAttr('predicate') as IntegerAttr).value);
  return [mapN([a, b], elemOf(op.resultTypes[0]), ([x, y]) => (CMPI[pred](x, y, a.elementType) ? 1 : 0))];
};

const cmpf: Kernel = (op, [a, b]) => {
  const p = Number((op.getAttr('predicate') as IntegerAttr).value);
  const f = ([x, y]: number[]): number => {
    const uno = Number.isNaN(x) || Number.isNaN(y);
    const r = [false, x === y, x > y, x >= y, x < y, x <= y, x !== y, !uno, x === y, x > y, x >= y, x < y, x <= y, x !== y, uno, true][p];
    const ordered = p >= 1 && p <= 7;
    return (ordered ? !uno && r : p >= 8 && p <= 13 ? uno || r : r) ? 1 : 0;
  };
  return [mapN([a, b], elemOf(op.resultTypes[0]), f)];
};

export const ARITH: ReadonlyMap<string, Kernel> = new Map<string, Kernel>([
  ['arith.constant', constant],
  ['arith.addi', bin((a, b) => a + b)],
  ['arith.subi', bin((a, b) => a - b)],
  ['arith.muli', bin((a, b, t) => multiply(a, b, t))],
  ['arith.divsi', bin((a, b) => (b === 0 ? 0 : Math.trunc(a / b)))],
  ['arith.divui', bin((a, b, t) => (b === 0 ? 0 : Math.floor(unsigned(a, t) / unsigned(b, t))))],
  ['arith.remsi', bin((a, b) => (b === 0 ? 0 : a % b))],
  ['arith.remui', bin((a, b, t) => (b === 0 ? 0 : unsigned(a, t) % unsigned(b, t)))],
  ['arith.maxsi', bin((a, b) => Math.max(a, b))],
  ['arith.minsi', bin((a, b) => Math.min(a, b))],
  ['arith.maxui', bin((a, b, t) => (unsigned(a, t) >= unsigned(b, t) ? a : b))],
  ['arith.minui', bin((a, b, t) => (unsigned(a, t) <= unsigned(b, t) ? a : b))],
  ['arith.andi', bin((a, b) => Number(BigInt(a) & BigInt(b)))],
  ['arith.ori', bin((a, b) => Number(BigInt(a) | BigInt(b)))],
  ['arith.xori', bin((a, b) => Number(BigInt(a) ^ BigInt(b)))],
  ['arith.shli', bin((a, b) => a * 2 ** b)],
  ['arith.shrsi', bin((a, b) => Math.floor(a / 2 ** b))],
  ['arith.shrui', bin((a, b, t) => Math.floor(unsigned(a, t) / 2 ** b))],
  ['arith.addf', bin((a, b) => a + b)],
  ['arith.subf', bin((a, b) => a - b)],
  ['arith.mulf', bin((a, b) => a * b)],
  ['arith.divf', bin((a, b) => a / b)],
  ['arith.remf', bin((a, b) => a % b)],
  ['arith.maximumf', bin((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)))],
  ['arith.minimumf', bin((a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)))],
  ['arith.maxnumf', bin((a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b)))],
  ['arith.minnumf', bin((a, b) => (Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b)))],
  ['arith.negf', un((a) => -a)],
  ['arith.cmpi', cmpi],
  ['arith.cmpf', cmpf],
  ['arith.select', (op, [c, a, b]) => [mapN([c, a, b], elemOf(op.resultTypes[0]), ([p, x, y]) => (p ? x : y))]],
  ['arith.extsi', un((a) => a)],
  ['arith.extui', un((a, t) => unsigned(a, t))],
  ['arith.trunci', un((a) => a)],
  ['arith.extf', un((a) => a)],
  ['arith.truncf', un((a) => a)],
  ['arith.sitofp', un((a) => a)],
  ['arith.uitofp', un((a, t) => unsigned(a, t))],
  ['arith.fptosi', un((a) => Math.trunc(a))],
  ['arith.fptoui', un((a) => Math.trunc(a))],
  ['arith.index_cast', un((a) => a)],
  ['arith.index_castui', un((a, t) => unsigned(a, t))],
  ['arith.bitcast', (op, [a]) => [a.elementType === elemOf(op.resultTypes[0]) ? a : (() => { throw new InterpError(op, 'arith.bitcast between different types is not interpreted'); })()]],
]);
void makeTensor;
