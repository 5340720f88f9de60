/** Flattens an op's trait list into normalised `OdsTrait`s. */
import type { OdsTrait } from '../../src/ir/ods/schema.ts';
import type { PredTranslator } from './pred-tree.ts';
import { translateTypeTransform } from '../../src/ir/ods/type-transform.ts';
import { type Records, type Rec, isA, ref, refs, str } from './records.ts';

const EFFECTS = ['MemRead', 'MemWrite', 'MemAlloc', 'MemFree'];

export function extractTraits(records: Records, preds: PredTranslator, op: Rec): OdsTrait[] {
  const out: OdsTrait[] = [];
  const seen = new Set<string>();
  const push = (t: OdsTrait): void => {
    const k = JSON.stringify(t);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  };
  const visit = (name: string): void => {
    const r = records.get(name);
    if (isA(r, 'TraitList')) {
      for (const t of refs(r, 'traits')) visit(t);
      return;
    }
    const t = traitOf(records, preds, r);
    if (t) push(t);
    // An interface brings its base interfaces (FunctionOpInterface → Symbol, CallableOpInterface).
    if (isA(r, 'InterfaceTrait')) for (const b of refs(r, 'baseInterfaces')) visit(b);
  };
  for (const t of refs(op, 'traits')) visit(t);
  return out;
}

function traitOf(records: Records, preds: PredTranslator, r: Rec): OdsTrait | null {
  const last = r['!superclasses'][r['!superclasses'].length - 1];
  if (isA(r, 'SideEffectsTraitBase')) {
    const effects = refs(r, 'effects').map((e) => {
      const er = records.get(e);
      return EFFECTS.find((x) => x === e || isA(er, x)) ?? e;
    });
    return { kind: 'memoryEffects', effects };
  }
  if (isA(r, 'InterfaceTrait')) {
    const name = r['!anonymous'] ? (str(r, 'cppInterfaceName') ?? r['!name']) : r['!name'];
    const methods = (r.alwaysOverriddenMethods as string[] | undefined) ?? [];
    return methods.length > 0 ? { kind: 'interface', name, methods } : { kind: 'interface', name };
  }
  if (isA(r, 'ParamNativeOpTrait')) {
    const text = stripNs(str(r, 'trait') ?? '').replace(/::Impl$/, '');
    const m = /^(\w+)<(.*)>$/.exec(text);
    if (m) return { kind: 'param', name: m[1], params: splitParams(m[2]) };
    return { kind: 'native', name: text };
  }
  // Named defs keep their ODS name (`IsolatedFromAbove`, not the C++ `IsIsolatedFromAbove`).
  if (isA(r, 'NativeOpTrait'))
    return { kind: 'native', name: r['!anonymous'] ? stripNs(str(r, 'trait') ?? r['!name']) : r['!name'] };
  if (isA(r, 'GenInternalOpTrait')) return { kind: 'internal', name: stripNs(str(r, 'trait') ?? r['!name']) };
  if (isA(r, 'AllMatchSameOperatorTrait')) {
    return {
      kind: 'allMatch',
      name: last,
      values: (r.values as string[] | undefined) ?? [],
      summary: str(r, 'summary') ?? '',
    };
  }
  if (isA(r, 'TypesMatchWith')) {
    return {
      kind: 'typesMatchWith',
      lhs: str(r, 'lhs') ?? '',
      rhs: str(r, 'rhs') ?? '',
      transformer: str(r, 'transformer') ?? '',
      transform: translateTypeTransform(str(r, 'transformer') ?? ''),
      summary: str(r, 'summary') ?? '',
    };
  }
  if (isA(r, 'PredOpTrait')) {
    const p = ref(r, 'predicate');
    return {
      kind: 'pred',
      name: r['!anonymous'] ? last : r['!name'],
      summary: str(r, 'summary') ?? '',
      pred: p ? preds.translate(p) : { kind: 'true' },
    };
  }
  return { kind: 'native', name: r['!name'] };
}

function stripNs(s: string): string {
  return s.replace(/^(::)?mlir::OpTrait::/, '').replace(/^::/, '');
}

/** Splits template parameters at top-level commas (`A, B<C, D>` → `A`, `B<C, D>`). */
function splitParams(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '<') depth++;
    if (c === '>') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}
