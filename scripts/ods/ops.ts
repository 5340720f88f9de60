/** Extracts the normalised op definitions of one dialect. */
import type {
  OdsAttribute,
  OdsOp,
  OdsRegion,
  OdsSuccessor,
  OdsValue,
} from '../../src/ir/ods/schema.ts';
import type { ConstraintTable } from './constraints.ts';
import { extractTraits } from './traits.ts';
import { type Records, type Rec, argDef, bool, dag, isA, ref, str } from './records.ts';
import type { PredTranslator } from './pred-tree.ts';

export interface OpContext {
  readonly records: Records;
  readonly constraints: ConstraintTable;
  readonly preds: PredTranslator;
  readonly dialectName: string;
  readonly useProperties: boolean;
}

export function extractOp(ctx: OpContext, def: string): OdsOp {
  const r = ctx.records.get(def);
  const operands: OdsValue[] = [];
  const attributes: OdsAttribute[] = [];
  for (const [arg, name] of dag(r, 'arguments')?.args ?? []) {
    const d = argDef(arg);
    if (!d || !name) throw new Error(`${def}: unsupported argument ${JSON.stringify(arg)}`);
    const a = ctx.records.get(d);
    const base = unwrapVariable(ctx.records, a);
    if (isA(base.rec, 'TypeConstraint')) operands.push(valueOf(ctx, name, base));
    else attributes.push(attributeOf(ctx, name, base.rec));
  }
  const results = (dag(r, 'results')?.args ?? []).map(([arg, name]) => {
    const d = argDef(arg);
    if (!d) throw new Error(`${def}: unsupported result ${JSON.stringify(arg)}`);
    // Unnamed results (`(outs Variadic<AnyType>)`) get an empty name, as in ODS.
    return valueOf(ctx, name ?? '', unwrapVariable(ctx.records, ctx.records.get(d)));
  });
  const regions: OdsRegion[] = (dag(r, 'regions')?.args ?? []).map(([arg, name]) => {
    const reg = ctx.records.get(argDef(arg)!);
    const variadic = isA(reg, 'VariadicRegion');
    const base = variadic ? ctx.records.get(ref(reg, 'region')!) : reg;
    return {
      name: name ?? '',
      variadic,
      constraint: ctx.constraints.add(base['!name']),
      summary: str(base, 'summary') ?? '',
    };
  });
  const successors: OdsSuccessor[] = (dag(r, 'successors')?.args ?? []).map(([arg, name]) => {
    const s = ctx.records.get(argDef(arg)!);
    const variadic = isA(s, 'VariadicSuccessor');
    const base = variadic ? ctx.records.get(ref(s, 'successor')!) : s;
    return { name: name ?? '', variadic, constraint: ctx.constraints.add(base['!name']) };
  });
  const format = str(r, 'assemblyFormat');
  return {
    name: `${ctx.dialectName}.${str(r, 'opName')}`,
    def,
    summary: (str(r, 'summary') ?? '').trim(),
    description: firstParagraph(str(r, 'description') ?? ''),
    operands,
    attributes,
    results,
    regions,
    successors,
    traits: extractTraits(ctx.records, ctx.preds, r),
    assemblyFormat: format && format.trim() !== '' ? format.trim() : null,
    hasCustomAssemblyFormat: bool(r, 'hasCustomAssemblyFormat'),
    hasVerifier: bool(r, 'hasVerifier'),
    hasRegionVerifier: bool(r, 'hasRegionVerifier'),
    hasFolder: bool(r, 'hasFolder'),
    hasCanonicalizer: bool(r, 'hasCanonicalizer') || bool(r, 'hasCanonicalizeMethod'),
    usePropertiesForAttributes: ctx.useProperties,
  };
}

interface Unwrapped {
  readonly rec: Rec;
  readonly effects: string[];
}

/** Strips `Arg<...>` / `Res<...>` wrappers, collecting their memory-effect decorators. */
function unwrapVariable(records: Records, r: Rec): Unwrapped {
  if (!isA(r, 'OpVariable')) return { rec: r, effects: [] };
  const effects: string[] = [];
  for (const d of (r.decorators as { def: string }[] | null) ?? []) {
    const dec = records.get(d.def);
    const name = ['MemRead', 'MemWrite', 'MemAlloc', 'MemFree'].find((e) => e === d.def || isA(dec, e));
    if (name) effects.push(name);
  }
  return { rec: records.get(ref(r, 'constraint')!), effects };
}

function valueOf(ctx: OpContext, name: string, u: Unwrapped): OdsValue {
  const r = u.rec;
  let kind: OdsValue['kind'] = 'single';
  let base = r;
  let segmentAttr: string | undefined;
  if (isA(r, 'VariadicOfVariadic')) {
    kind = 'variadicOfVariadic';
    segmentAttr = str(r, 'segmentAttrName') ?? undefined;
  } else if (isA(r, 'Variadic')) kind = 'variadic';
  else if (isA(r, 'Optional')) kind = 'optional';
  if (kind !== 'single') base = ctx.records.get(ref(r, 'baseType')!);
  const out: { -readonly [K in keyof OdsValue]: OdsValue[K] } = {
    name,
    kind,
    constraint: ctx.constraints.add(base['!name']),
  };
  if (u.effects.length > 0) out.effects = u.effects;
  if (segmentAttr) out.segmentAttr = segmentAttr;
  return out;
}

function attributeOf(ctx: OpContext, name: string, r: Rec): OdsAttribute {
  let kind: OdsAttribute['kind'] = 'required';
  let base = r;
  const dflt = str(r, 'defaultValue');
  if (isA(r, 'OptionalAttr') || isA(r, 'DefaultValuedAttr') || isA(r, 'DefaultValuedOptionalAttr')) {
    base = ctx.records.get(ref(r, 'baseAttr')!);
  }
  if (dflt !== null && dflt !== '') kind = 'defaulted';
  else if (bool(r, 'isOptional')) kind = 'optional';
  const isProperty = isA(base, 'Property') && !isA(base, 'AttrConstraint');
  const constraint = ctx.constraints.add(base['!name']);
  const isUnit = base['!name'] === 'UnitAttr' || (str(base, 'storageType') ?? '').trim() === '::mlir::UnitAttr';
  const out: { -readonly [K in keyof OdsAttribute]: OdsAttribute[K] } = { name, kind, constraint, isUnit };
  if (kind === 'defaulted') out.defaultValue = dflt!;
  if (isProperty) out.isProperty = true;
  return out;
}

/** The first paragraph of a description, whitespace-normalised and capped. */
function firstParagraph(text: string): string {
  const para = text.trim().split(/\n\s*\n/)[0] ?? '';
  const flat = para.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 397)}...` : flat;
}
