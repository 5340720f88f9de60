import type * as Ty from '../types/type.js';
import { DYNAMIC } from '../types/type.js';
import { printAttribute } from './attributes.js';
import type { Attribute, IntegerAttr } from '../attributes/attribute.js';

function dims(shape: readonly number[], scalable?: readonly boolean[]): string {
  return shape
    .map((d, i) => {
      const s = d === DYNAMIC ? '?' : String(d);
      return scalable?.[i] ? `[${s}]` : s;
    })
    .map((s) => `${s}x`)
    .join('');
}

const typeText = new WeakMap<Ty.Type, string>();

/** MLIR's textual form of a type (cached: types are immutable and uniqued). */
export function printType(t: Ty.Type): string {
  let s = typeText.get(t);
  if (s === undefined) typeText.set(t, (s = printTypeUncached(t)));
  return s;
}

function printTypeUncached(t: Ty.Type): string {
  switch (t.kind) {
    case 'integer': {
      const it = t as Ty.IntegerType;
      return `${it.signedness === 'signless' ? 'i' : it.signedness === 'signed' ? 'si' : 'ui'}${it.width}`;
    }
    case 'index':
      return 'index';
    case 'float':
      return (t as Ty.FloatType).floatKind;
    case 'none':
      return 'none';
    case 'complex':
      return `complex<${printType((t as Ty.ComplexType).elementType)}>`;
    case 'tensor': {
      const tt = t as Ty.RankedTensorType;
      const enc = tt.encoding ? `, ${printAttribute(tt.encoding)}` : '';
      return `tensor<${dims(tt.shape)}${printType(tt.elementType)}${enc}>`;
    }
    case 'unranked_tensor':
      return `tensor<*x${printType((t as Ty.UnrankedTensorType).elementType)}>`;
    case 'memref': {
      const mt = t as Ty.MemRefType;
      const layout = mt.layout ? `, ${printAttribute(mt.layout)}` : '';
      const space = mt.memorySpace ? `, ${printMemorySpace(mt.memorySpace)}` : '';
      return `memref<${dims(mt.shape)}${printType(mt.elementType)}${layout}${space}>`;
    }
    case 'unranked_memref': {
      const mt = t as Ty.UnrankedMemRefType;
      const space = mt.memorySpace ? `, ${printMemorySpace(mt.memorySpace)}` : '';
      return `memref<*x${printType(mt.elementType)}${space}>`;
    }
    case 'vector': {
      const vt = t as Ty.VectorType;
      return `vector<${dims(vt.shape, vt.scalableDims)}${printType(vt.elementType)}>`;
    }
    case 'tuple':
      return `tuple<${(t as Ty.TupleType).types.map(printType).join(', ')}>`;
    case 'function': {
      const ft = t as Ty.FunctionType;
      return `(${ft.inputs.map(printType).join(', ')}) -> ${printResultTypes(ft.results)}`;
    }
    case 'dialect': {
      const dt = t as Ty.DialectType;
      if (dt.mnemonic === '') return `!${dt.dialect}<${quote(dt.body)}>`;
      return `!${dt.dialect}.${dt.mnemonic}${dt.body !== '' ? `<${dt.body}>` : ''}`;
    }
  }
}

/** MLIR elides the `: i64` of an integer memory space (`memref<4xf32, 1>`). */
function printMemorySpace(a: Attribute): string {
  const isI64 = a.kind === 'integer' && (a as IntegerAttr).type.kind === 'integer' && ((a as IntegerAttr).type as Ty.IntegerType).width === 64;
  return printAttribute(a, { elideType: isI64 });
}

/** A function type's results: a single non-function type prints bare, otherwise in parens. */
export function printResultTypes(results: readonly Ty.Type[]): string {
  if (results.length === 1 && results[0].kind !== 'function') return printType(results[0]);
  return `(${results.map(printType).join(', ')})`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}
