/** Extracts enums and AttrDef/TypeDef records of one dialect. */
import type { OdsAttrOrTypeDef, OdsDefParameter, OdsEnum, OdsEnumCase } from '../../src/ir/ods/schema.ts';
import { type Records, type Rec, argDef, bool, dag, isA, num, ref, refs, str } from './records.ts';

export function extractEnum(records: Records, r: Rec, attrDefs: readonly Rec[]): OdsEnum {
  const bitEnum = isA(r, 'BitEnumBase') || isA(r, 'BitEnumAttr');
  const cases: OdsEnumCase[] = refs(r, 'enumerants').map((c) => {
    const cr = records.get(c);
    const out: { -readonly [K in keyof OdsEnumCase]: OdsEnumCase[K] } = {
      symbol: str(cr, 'symbol') ?? c,
      value: num(cr, 'value') ?? 0,
      string: str(cr, 'str') ?? str(cr, 'symbol') ?? c,
    };
    if (isA(cr, 'BitEnumCaseGroup') || isA(cr, 'BitEnumAttrCaseGroup')) out.isGroup = true;
    return out;
  });
  const className = str(r, 'className') ?? r['!name'];
  const out: { -readonly [K in keyof OdsEnum]: OdsEnum[K] } = {
    name: className,
    summary: (str(r, 'summary') ?? '').trim(),
    bitEnum,
    bitwidth: num(r, 'bitwidth') ?? 32,
    cases,
  };
  if (bitEnum) {
    out.separator = str(r, 'separator') ?? '|';
    out.printBitEnumPrimaryGroups = bool(r, 'printBitEnumPrimaryGroups');
  }
  const wrapper = attrDefs.find((a) => ref(a, 'enum') === r['!name']);
  if (wrapper) {
    out.attrMnemonic = str(wrapper, 'mnemonic') ?? undefined;
    out.attrAssemblyFormat = nonEmpty(str(wrapper, 'assemblyFormat'));
  }
  return out;
}

export function extractAttrOrTypeDef(records: Records, r: Rec, kind: 'attr' | 'type'): OdsAttrOrTypeDef {
  const parameters: OdsDefParameter[] = (dag(r, 'parameters')?.args ?? []).map(([arg, name]) => {
    const d = argDef(arg);
    if (!d) {
      // A plain C++ type string, e.g. `"int64_t"`.
      return { name: name ?? '', cppType: String(arg), summary: '', optional: false };
    }
    const p = records.get(d);
    const dflt = str(p, 'defaultValue');
    const out: { -readonly [K in keyof OdsDefParameter]: OdsDefParameter[K] } = {
      name: name ?? '',
      cppType: (str(p, 'cppType') ?? d).trim(),
      summary: (str(p, 'summary') ?? '').trim(),
      optional: isA(p, 'OptionalParameter') || (dflt !== null && dflt !== ''),
    };
    if (dflt) out.defaultValue = dflt;
    return out;
  });
  const out: { -readonly [K in keyof OdsAttrOrTypeDef]: OdsAttrOrTypeDef[K] } = {
    def: r['!name'],
    kind,
    cppClass: str(r, 'cppClassName') ?? r['!name'],
    mnemonic: nonEmpty(str(r, 'mnemonic')),
    summary: (str(r, 'summary') ?? '').trim(),
    parameters,
    assemblyFormat: nonEmpty(str(r, 'assemblyFormat')),
    hasCustomAssemblyFormat: bool(r, 'hasCustomAssemblyFormat'),
  };
  const e = ref(r, 'enum');
  if (e && isA(r, 'EnumAttr')) out.enum = str(records.get(e), 'className') ?? e;
  return out;
}

function nonEmpty(s: string | null): string | null {
  return s && s.trim() !== '' ? s.trim() : null;
}
