import type * as At from '../attributes/attribute.js';
import type * as Loc from '../attributes/location.js';
import { DYNAMIC, type FloatType, type IntegerType, type Type } from '../types/type.js';
import { printAffineMap, printIntegerSet } from '../attributes/affine.js';
import { printType } from './types.js';
import { formatFloat } from './floats.js';
import { printAttrName, printSymbol, quoteString } from './strings.js';

export interface AttributePrintOptions {
  /** Omit the `: type` suffix (the context implies it). */
  elideType?: boolean;
  /** Numbering of distinct attributes within one print. */
  distinctIds?: Map<At.Attribute, number>;
}

function intValueText(value: bigint, type: Type): string {
  if (type.kind === 'integer' && (type as IntegerType).width === 1 && (type as IntegerType).signedness === 'signless') {
    return value !== 0n ? 'true' : 'false';
  }
  return value.toString();
}

const attrText = new WeakMap<At.Attribute, string>();
const attrTextNoType = new WeakMap<At.Attribute, string>();
const distinctInside = new WeakMap<At.Attribute, boolean>();

/** Does the attribute (transitively) contain a distinct attribute, whose printed id depends on the print? */
function containsDistinct(a: At.Attribute): boolean {
  let r = distinctInside.get(a);
  if (r !== undefined) return r;
  switch (a.kind) {
    case 'distinct':
      r = true;
      break;
    case 'array':
      r = (a as At.ArrayAttr).elements.some(containsDistinct);
      break;
    case 'dictionary':
      r = (a as At.DictionaryAttr).entries.some((e) => containsDistinct(e.value));
      break;
    case 'location':
      r = (a as Loc.Location).locKind === 'fused' && !!(a as Loc.FusedLoc).metadata && containsDistinct((a as Loc.FusedLoc).metadata!);
      break;
    default:
      r = false;
  }
  distinctInside.set(a, r);
  return r;
}

/** MLIR's textual form of an attribute (cached per attribute unless it holds distinct attributes). */
export function printAttribute(a: At.Attribute, opts: AttributePrintOptions = {}): string {
  if (containsDistinct(a)) return printAttributeUncached(a, opts);
  const cache = opts.elideType ? attrTextNoType : attrText;
  let s = cache.get(a);
  if (s === undefined) cache.set(a, (s = printAttributeUncached(a, opts)));
  return s;
}

function printAttributeUncached(a: At.Attribute, opts: AttributePrintOptions): string {
  switch (a.kind) {
    case 'integer': {
      const ia = a as At.IntegerAttr;
      const isBool = ia.type.kind === 'integer' && (ia.type as IntegerType).width === 1 && (ia.type as IntegerType).signedness === 'signless';
      const v = intValueText(ia.value, ia.type);
      if (isBool || opts.elideType) return v;
      return `${v} : ${printType(ia.type)}`;
    }
    case 'float': {
      const fa = a as At.FloatAttr;
      const v = formatFloat(fa.value, (fa.type as FloatType).floatKind, fa.bits);
      if (opts.elideType) return v;
      return `${v} : ${printType(fa.type)}`;
    }
    case 'string': {
      const sa = a as At.StringAttr;
      return sa.type && !opts.elideType ? `${quoteString(sa.value)} : ${printType(sa.type)}` : quoteString(sa.value);
    }
    case 'unit':
      return 'unit';
    case 'array':
      return `[${(a as At.ArrayAttr).elements.map((e) => printAttribute(e, { distinctIds: opts.distinctIds })).join(', ')}]`;
    case 'dense_array': {
      const da = a as At.DenseArrayAttr;
      const t = printType(da.elementType);
      if (da.values.length === 0) return `array<${t}>`;
      const isFloat = da.elementType.kind === 'float';
      const vals = (da.values as readonly (number | bigint)[]).map((v) =>
        isFloat ? formatFloat(v as number, (da.elementType as FloatType).floatKind) : intValueText(BigInt(v), da.elementType),
      );
      return `array<${t}: ${vals.join(', ')}>`;
    }
    case 'dictionary':
      return printDictionary((a as At.DictionaryAttr).entries, opts);
    case 'type':
      return printType((a as At.TypeAttr).value);
    case 'symbol_ref': {
      const s = a as At.SymbolRefAttr;
      return [s.root, ...s.nested].map(printSymbol).join('::');
    }
    case 'affine_map':
      return `affine_map<${printAffineMap((a as At.AffineMapAttr).map)}>`;
    case 'integer_set':
      return `affine_set<${printIntegerSet((a as At.IntegerSetAttr).set)}>`;
    case 'dense':
      return withType(`dense<${printDenseBody(a as At.DenseElementsAttr)}>`, (a as At.DenseElementsAttr).type, opts);
    case 'dense_string': {
      const ds = a as At.DenseStringElementsAttr;
      const body = ds.isSplat ? quoteString(ds.values[0]) : nest(ds.values.map(quoteString), shapeOf(ds.type));
      return withType(`dense<${body}>`, ds.type, opts);
    }
    case 'dense_resource': {
      const dr = a as At.DenseResourceElementsAttr;
      return withType(`dense_resource<${/^[a-zA-Z_][a-zA-Z0-9_$.\-]*$/.test(dr.handle) ? dr.handle : quoteString(dr.handle)}>`, dr.type, opts);
    }
    case 'sparse': {
      const sp = a as At.SparseElementsAttr;
      const idx = printAttribute(sp.indices, { elideType: true });
      const vals = printAttribute(sp.values, { elideType: true });
      return withType(`sparse<${idx.slice(6, -1)}, ${vals.slice(6, -1)}>`, sp.type, opts);
    }
    case 'strided': {
      const st = a as At.StridedLayoutAttr;
      const s = (v: number): string => (v === DYNAMIC ? '?' : String(v));
      const offset = st.offset !== 0 ? `, offset: ${s(st.offset)}` : '';
      return `strided<[${st.strides.map(s).join(', ')}]${offset}>`;
    }
    case 'distinct': {
      const d = a as At.DistinctAttr;
      const ids = opts.distinctIds ?? new Map<At.Attribute, number>();
      let n = ids.get(d);
      if (n === undefined) {
        n = ids.size;
        ids.set(d, n);
      }
      return `distinct[${n}]<${d.referenced.kind === 'unit' ? '' : printAttribute(d.referenced, { distinctIds: ids })}>`;
    }
    case 'dialect': {
      const da = a as At.DialectAttr;
      const body = da.namespaceForm
        ? `#${da.dialect}<${da.mnemonic}${da.body}>`
        : da.mnemonic === '' ? `#${da.dialect}<${quoteString(da.body)}>` : `#${da.dialect}.${da.mnemonic}${da.body !== '' ? `<${da.body}>` : ''}`;
      return da.type && !opts.elideType ? `${body} : ${printType(da.type)}` : body;
    }
    case 'location':
      return `loc(${printLocationBody(a as Loc.Location)})`;
  }
}

function withType(body: string, type: Type, opts: AttributePrintOptions): string {
  return opts.elideType ? body : `${body} : ${printType(type)}`;
}

export function printDictionary(entries: readonly At.NamedAttribute[], opts: AttributePrintOptions = {}): string {
  return `{${entries.map((e) => printNamedAttribute(e, opts)).join(', ')}}`;
}

export function printNamedAttribute(e: At.NamedAttribute, opts: AttributePrintOptions = {}): string {
  const name = printAttrName(e.name);
  return e.value.kind === 'unit' ? name : `${name} = ${printAttribute(e.value, { distinctIds: opts.distinctIds })}`;
}

function shapeOf(t: Type): readonly number[] {
  return 'shape' in t ? (t as { shape: readonly number[] }).shape : [];
}

function scalarText(v: At.DenseScalar, elem: Type): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) {
    const inner = (elem as unknown as { elementType: Type }).elementType;
    return `(${scalarText(v[0] as bigint | number, inner)},${scalarText(v[1] as bigint | number, inner)})`;
  }
  if (typeof v === 'bigint') return v.toString();
  if (elem.kind === 'float') return formatFloat(v as number, (elem as FloatType).floatKind);
  return String(v);
}

function printDenseBody(d: At.DenseElementsAttr): string {
  if (d.hex !== undefined) return quoteString(d.hex);
  const elem = (d.type as unknown as { elementType: Type }).elementType;
  if (d.isSplat) return scalarText(d.values[0], elem);
  if (d.values.length === 0) return '';
  return nest(d.values.map((v) => scalarText(v, elem)), shapeOf(d.type));
}

/** Row-major values into nested `[...]` lists of the given shape. */
function nest(values: readonly string[], shape: readonly number[]): string {
  if (shape.length === 0) return values[0] ?? '';
  let pos = 0;
  const rec = (dim: number): string => {
    if (dim === shape.length) return values[pos++];
    const parts: string[] = [];
    for (let i = 0; i < shape[dim]; i++) parts.push(rec(dim + 1));
    return `[${parts.join(', ')}]`;
  };
  return rec(0);
}

export function printLocationBody(l: Loc.Location): string {
  switch (l.locKind) {
    case 'unknown':
      return 'unknown';
    case 'file': {
      const f = l as Loc.FileLineColLoc;
      let s = `${quoteString(f.file)}:${f.line}:${f.col}`;
      if (f.endLine !== undefined && f.endCol !== undefined) s += f.endLine === f.line ? ` to :${f.endCol}` : ` to ${f.endLine}:${f.endCol}`;
      return s;
    }
    case 'name': {
      const n = l as Loc.NameLoc;
      return n.child && n.child.locKind !== 'unknown' ? `${quoteString(n.name)}(${printLocationBody(n.child)})` : quoteString(n.name);
    }
    case 'callsite': {
      const c = l as Loc.CallSiteLoc;
      return `callsite(${printLocationBody(c.callee)} at ${printLocationBody(c.caller)})`;
    }
    case 'fused': {
      const f = l as Loc.FusedLoc;
      const meta = f.metadata ? `<${printAttribute(f.metadata)}>` : '';
      return `fused${meta}[${f.locations.map(printLocationBody).join(', ')}]`;
    }
    default:
      return 'unknown';
  }
}
