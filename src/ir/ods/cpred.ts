/**
 * Translates the C++ text of ODS `CPred`s into the predicate AST.
 *
 * This module has no runtime imports on purpose: `scripts/gen-ods.ts` loads
 * it directly with Node's type stripping (which does not map `.js` imports
 * back to `.ts`).
 */
import type { Cmp, IntSignedness, Pred, ValueProperty } from './predicate.js';

const FLOAT_CLASSES: Readonly<Record<string, string>> = {
  BFloat16Type: 'bf16',
  Float16Type: 'f16',
  Float32Type: 'f32',
  Float64Type: 'f64',
  Float80Type: 'f80',
  Float128Type: 'f128',
  FloatTF32Type: 'tf32',
  Float8E5M2Type: 'f8E5M2',
  Float8E4M3Type: 'f8E4M3',
  Float8E4M3FNType: 'f8E4M3FN',
  Float8E5M2FNUZType: 'f8E5M2FNUZ',
  Float8E4M3FNUZType: 'f8E4M3FNUZ',
  Float8E4M3B11FNUZType: 'f8E4M3B11FNUZ',
  Float8E3M4Type: 'f8E3M4',
  Float4E2M1FNType: 'f4E2M1FN',
  Float6E2M3FNType: 'f6E2M3FN',
  Float6E3M2FNType: 'f6E3M2FN',
  Float8E8M0FNUType: 'f8E8M0FNU',
};

/** Removes namespace noise and whitespace so patterns can be matched literally. */
export function normalizeCpp(cpp: string): string {
  let s = cpp.replace(/::(llvm|mlir)::/g, '').replace(/\b(llvm|mlir)::/g, '');
  s = s.replace(/\s+/g, '');
  return stripParens(s);
}

function stripParens(s: string): string {
  while (s.startsWith('(') && s.endsWith(')') && matchingClose(s, 0) === s.length - 1) s = s.slice(1, -1);
  return s;
}

function matchingClose(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits at a top-level binary operator (outside parentheses/brackets/angles of templates). */
function splitTop(s: string, op: '&&' | '||' | '=='): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && s.startsWith(op, i)) {
      parts.push(s.slice(start, i));
      start = i + op.length;
      i += op.length - 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function unknown(cpp: string): Pred {
  return { kind: 'unknown', cpp };
}

/** Translate a CPred's `predExpr`. Never throws; untranslatable text gives `unknown`. */
export function translateCPred(cpp: string): Pred {
  const s = normalizeCpp(cpp);
  const p = translateExpr(s);
  return p.kind === 'unknown' ? unknown(cpp.trim()) : p;
}

function translateExpr(s: string): Pred {
  s = stripParens(s);
  if (s === '' || s === 'true') return { kind: 'true' };
  if (s === 'false') return { kind: 'or', operands: [] };
  const ors = splitTop(s, '||');
  if (ors.length > 1) return { kind: 'or', operands: ors.map(translateExpr) };
  const ands = splitTop(s, '&&');
  if (ands.length > 1) return { kind: 'and', operands: ands.map(translateExpr) };
  if (s.startsWith('!') && !s.startsWith('!=')) {
    const inner = translateExpr(s.slice(1));
    return inner.kind === 'unknown' ? unknown(s) : { kind: 'not', operand: inner };
  }
  const eq = valuesEqual(s);
  if (eq) return eq;
  for (const rule of RULES) {
    const m = rule.re.exec(s);
    if (!m) continue;
    const leaf = rule.build(m);
    if (!leaf) continue;
    const subject = m.groups?.s ?? '$_self';
    const wrapped = onSubject(subject, leaf);
    if (wrapped) return wrapped;
  }
  return unknown(s);
}

/** Wraps `leaf` in the projections that lead from `$_self` to `subject`. */
function onSubject(subject: string, leaf: Pred): Pred | null {
  subject = stripParens(subject);
  if (subject === '$_self' || subject === 'elementType' || subject === 'attr' || subject === 't') return leaf;
  for (const proj of PROJECTIONS) {
    const m = proj.re.exec(subject);
    if (!m) continue;
    const inner = onSubject(m.groups!.s, proj.wrap(leaf, m));
    if (inner) return inner;
  }
  return null;
}

interface Projection {
  re: RegExp;
  wrap(p: Pred, m: RegExpExecArray): Pred;
}

const PROJECTIONS: readonly Projection[] = [
  {
    re: /^cast<(?:ShapedType|TensorType|RankedTensorType|MemRefType|VectorType|BaseMemRefType)>\((?<s>.+)\)\.getElementType\(\)$/,
    wrap: (p) => ({ kind: 'elementType', pred: p }),
  },
  {
    re: /^cast<(?:IntegerAttr|FloatAttr|TypedAttr|ElementsAttr|DenseElementsAttr|DenseIntElementsAttr|DenseFPElementsAttr)>\((?<s>.+)\)\.getType\(\)$/,
    wrap: (p) => ({ kind: 'attrType', pred: p }),
  },
  { re: /^cast<TypeAttr>\((?<s>.+)\)\.getValue\(\)$/, wrap: (p) => ({ kind: 'typeAttrValue', pred: p }) },
  // `attr.getType().getElementType()`: the subject is already a (shaped) type expression.
  { re: /^(?<s>.+\.getType\(\))\.getElementType\(\)$/, wrap: (p) => ({ kind: 'elementType', pred: p }) },
  { re: /^getElementTypeOrSelf\((?<s>.+)\)$/, wrap: (p) => ({ kind: 'elementType', pred: p }) },
  {
    re: /^\$(?<v>\w+)\.getType\(\)$/,
    wrap: (p, m) => ({ kind: 'valueType', value: m.groups!.v, pred: p }),
  },
];

interface Rule {
  re: RegExp;
  build(m: RegExpExecArray): Pred | null;
}

const CMP = '(?<cmp>==|!=|<=|>=|<|>)';
const cmpOf = (m: RegExpExecArray): Cmp => m.groups!.cmp as Cmp;
const SUBJ = '(?<s>.+)';

const intRule = (method: string, signedness: IntSignedness): Rule => ({
  re: new RegExp(`^${SUBJ}\\.${method}\\((?<w>\\d*)\\)$`),
  build: (m) => (m.groups!.w ? { kind: 'integer', signedness, width: Number(m.groups!.w) } : { kind: 'integer', signedness }),
});

const RULES: readonly Rule[] = [
  {
    re: /^isa<(?<c>[\w:]+)>\((?<s>.+)\)$/,
    build: (m) => {
      const c = m.groups!.c;
      if (c in FLOAT_CLASSES) return { kind: 'float', format: FLOAT_CLASSES[c] };
      if (c === 'IndexType') return { kind: 'index' };
      if (c === 'IntegerType') return { kind: 'integer', signedness: 'any' };
      return { kind: 'isa', class: c };
    },
  },
  { re: /^tosa::isa_tosa_shape_type\((?<s>.+)\)$/, build: () => ({ kind: 'isa', class: 'tosa::shapeType' }) },
  intRule('isInteger', 'any'),
  intRule('isSignlessInteger', 'signless'),
  intRule('isSignedInteger', 'signed'),
  intRule('isUnsignedInteger', 'unsigned'),
  {
    re: new RegExp(`^${SUBJ}\\.is(?<f>F16|BF16|F32|F64|F80|F128|TF32)\\(\\)$`),
    build: (m) => ({ kind: 'float', format: m.groups!.f.toLowerCase() }),
  },
  { re: new RegExp(`^${SUBJ}\\.isIndex\\(\\)$`), build: () => ({ kind: 'index' }) },
  { re: new RegExp(`^${SUBJ}\\.isSignlessIntOrIndex\\(\\)$`), build: () => ({ kind: 'signlessIntOrIndex' }) },
  {
    re: new RegExp(`^${SUBJ}\\.hasTrait<(?<t>[\\w:]+)>\\(\\)$`),
    build: (m) => ({ kind: 'hasTrait', trait: m.groups!.t }),
  },
  { re: /^cast<[\w:]+>\((?<s>.+)\)\.hasRank\(\)$/, build: () => ({ kind: 'hasRank' }) },
  { re: /^cast<[\w:]+>\((?<s>.+)\)\.hasStaticShape\(\)$/, build: () => ({ kind: 'hasStaticShape' }) },
  { re: /^cast<MemRefType>\((?<s>.+)\)\.isStrided\(\)$/, build: () => ({ kind: 'strided' }) },
  {
    re: new RegExp(`^cast<[\\w:]+>\\((?<s>.+)\\)\\.getRank\\(\\)${CMP}(?<n>\\d+)$`),
    build: (m) => ({ kind: 'rank', cmp: cmpOf(m), value: Number(m.groups!.n) }),
  },
  {
    re: new RegExp(
      `^all_of\\(cast<[\\w:]+>\\((?<s>.+)\\)\\.getShape\\(\\),\\[\\]\\(autov\\)\\{returnv${CMP}(?<n>-?\\d+);\\}\\)$`,
    ),
    build: (m) => ({ kind: 'allDims', cmp: cmpOf(m), value: Number(m.groups!.n) }),
  },
  {
    re: new RegExp(`^cast<quant::QuantizedType>\\((?<s>.+)\\)\\.getStorageTypeIntegralWidth\\(\\)${CMP}(?<n>\\d+)$`),
    build: (m) => ({ kind: 'quantStorageWidth', cmp: cmpOf(m), value: Number(m.groups!.n) }),
  },
  {
    re: /^cast<IntegerAttr>\((?<s>.+)\)\.getValue\(\)\.eq\(APInt\(\d+,(?<n>-?\d+)\)\)$/,
    build: (m) => ({ kind: 'intValue', cmp: '==', value: m.groups!.n }),
  },
  {
    re: /^cast<IntegerAttr>\((?<s>.+)\)\.getValue\(\)\.isNegative\(\)$/,
    build: () => ({ kind: 'intValue', cmp: '<', value: '0' }),
  },
  {
    re: /^cast<IntegerAttr>\((?<s>.+)\)\.getValue\(\)\.isStrictlyPositive\(\)$/,
    build: () => ({ kind: 'intValue', cmp: '>', value: '0' }),
  },
  { re: /^cast<IntegerAttr>\((?<s>.+)\)\.getValue\(\)\.isPowerOf2\(\)$/, build: () => ({ kind: 'intPowerOf2' }) },
  {
    re: new RegExp(`^cast<IntegerAttr>\\((?<s>.+)\\)\\.getInt\\(\\)${CMP}(?<n>-?\\d+)$`),
    build: (m) => ({ kind: 'intValue', cmp: cmpOf(m), value: m.groups!.n }),
  },
  {
    re: /^cast<IntegerAttr>\((?<s>.+)\)\.getValue\(\)\.getZExtValue\(\)&\(~\((?<bits>[\du|]+)\)\)$/,
    build: (m) => {
      let mask = 0n;
      for (const b of m.groups!.bits.split('|')) mask |= BigInt(b.replace(/u$/, ''));
      return { kind: 'bitsOutside', mask: mask.toString() };
    },
  },
  {
    re: new RegExp(`^cast<(?:DenseArrayAttr|ArrayAttr)>\\((?<s>.+)\\)\\.size\\(\\)${CMP}(?<n>\\d+)$`),
    build: (m) => ({ kind: 'arraySize', cmp: cmpOf(m), value: Number(m.groups!.n) }),
  },
  {
    re: /^(?<s>.+)==\$_builder\.getBoolAttr\((?<b>true|false)\)$/,
    build: (m) => ({ kind: 'boolValue', value: m.groups!.b === 'true' }),
  },
  { re: /^hasNItems\((?<s>.+),(?<n>\d+)\)$/, build: (m) => ({ kind: 'blockCount', value: Number(m.groups!.n) }) },
];

/** `$a.getType() == $b.getType()` and friends (op-level predicates). */
const VALUE_PROPERTIES: readonly [RegExp, ValueProperty][] = [
  [/^\$(\w+)\.getType\(\)$/, 'type'],
  [/^cast<ShapedType>\(\$(\w+)\.getType\(\)\)\.getShape\(\)$/, 'shape'],
  [/^cast<ShapedType>\(\$(\w+)\.getType\(\)\)\.getRank\(\)$/, 'rank'],
  [/^getElementTypeOrSelf\(\$(\w+)\)$/, 'elementType'],
  [/^isa<TensorType>\(\$(\w+)\.getType\(\)\)\?cast<TensorType>\(\$\1\.getType\(\)\)\.getShape\(\):ArrayRef<int64_t>\{\}$/, 'tensorShape'],
];

function valueProperty(s: string): [ValueProperty, string] | null {
  s = stripParens(s);
  for (const [re, prop] of VALUE_PROPERTIES) {
    const m = re.exec(s);
    if (m) return [prop, m[1]];
  }
  return null;
}

function valuesEqual(s: string): Pred | null {
  const parts = splitTop(s, '==');
  if (parts.length !== 2) return null;
  const a = valueProperty(parts[0]);
  const b = valueProperty(parts[1]);
  if (!a || !b || a[0] !== b[0]) return null;
  return { kind: 'valuesEqual', property: a[0], values: [a[1], b[1]] };
}
