/**
 * Builds a dialect's constraints table: every type/attribute/region/
 * successor constraint its ops use, keyed by def name (anonymous defs get
 * their summary as a stable, readable key).
 */
import type { ConstraintKind, OdsConstraint } from '../../src/ir/ods/schema.ts';
import { PredTranslator } from './pred-tree.ts';
import { type Records, type Rec, isA, ref, str } from './records.ts';
import { typeFromBuilderCall, type TypeNamer } from './builder-call.ts';

export class ConstraintTable {
  readonly entries: Record<string, OdsConstraint> = {};
  private readonly keyOfDef = new Map<string, string>();
  private readonly records: Records;
  private readonly preds: PredTranslator;
  private readonly typeNamer: TypeNamer;
  /** Enum class names and AttrDef names referenced, for the enum/def tables. */
  readonly enumRecords = new Set<string>();

  constructor(records: Records, typeNamer: TypeNamer) {
    this.records = records;
    this.preds = new PredTranslator(records);
    this.typeNamer = typeNamer;
  }

  /** Registers a constraint def and returns its table key. */
  add(def: string): string {
    const known = this.keyOfDef.get(def);
    if (known !== undefined) return known;
    const r = this.records.get(def);
    const entry = this.describe(r);
    const key = this.keyFor(r, entry);
    this.keyOfDef.set(def, key);
    this.entries[key] = entry;
    return key;
  }

  private keyFor(r: Rec, entry: OdsConstraint): string {
    if (!r['!anonymous']) return r['!name'];
    const blocks = entry.pred.kind === 'blockCount' ? entry.pred.value : null;
    const base = isA(r, 'SizedRegion') && blocks !== null ? `SizedRegion<${blocks}>` : entry.summary || r['!name'];
    let key = base;
    for (let i = 2; this.entries[key] && JSON.stringify(this.entries[key]) !== JSON.stringify(entry); i++) {
      key = `${base} (${i})`;
    }
    return key;
  }

  private describe(r: Rec): OdsConstraint {
    const kind = constraintKind(r);
    const predName = ref(r, 'predicate');
    const pred = predName ? this.preds.translate(predName) : { kind: 'true' as const };
    const summary = (str(r, 'summary') ?? '').trim();
    const out: { -readonly [K in keyof OdsConstraint]: OdsConstraint[K] } = { kind, summary, pred };
    if (kind === 'type') {
      const cpp = str(r, 'cppType') ?? str(r, 'cppClassName');
      if (cpp) out.cppClass = cpp;
      const built = typeFromBuilderCall(str(r, 'builderCall') ?? '', this.typeNamer);
      if (built) out.buildableType = built;
    } else if (kind === 'attr') {
      const storage = str(r, 'storageType');
      if (storage) out.cppClass = storage.trim();
      const vt = ref(r, 'valueType');
      if (vt && this.records.has(vt)) {
        const built = typeFromBuilderCall(str(this.records.get(vt), 'builderCall') ?? '', this.typeNamer);
        if (built) out.valueType = built;
      }
      const enumName = this.enumOf(r);
      if (enumName) out.enum = enumName;
      if (isA(r, 'AttrDef')) out.attrDef = r['!name'];
      const elem = ref(r, 'elementAttr');
      if (elem && isA(r, 'TypedArrayAttrBase')) out.elementConstraint = this.add(elem);
    }
    return out;
  }

  /** For enum attributes, the EnumInfo record's class name (registering it). */
  private enumOf(r: Rec): string | null {
    let info: Rec | null = null;
    if (isA(r, 'EnumAttrInfo') || isA(r, 'EnumInfo')) info = r;
    else if (isA(r, 'EnumAttr')) {
      const e = ref(r, 'enum');
      if (e) info = this.records.get(e);
    }
    if (!info) return null;
    this.enumRecords.add(info['!name']);
    return str(info, 'className');
  }
}

export function constraintKind(r: Rec): ConstraintKind {
  if (isA(r, 'TypeConstraint')) return 'type';
  if (isA(r, 'AttrConstraint')) return 'attr';
  if (isA(r, 'RegionConstraint')) return 'region';
  if (isA(r, 'SuccessorConstraint')) return 'successor';
  if (isA(r, 'Property') || isA(r, 'PropConstraint')) return 'property';
  throw new Error(`record '${r['!name']}' is not a constraint (superclasses: ${r['!superclasses'].join(', ')})`);
}
