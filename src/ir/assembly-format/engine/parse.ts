import type { OpAsmParser, UnresolvedOperand } from '../../core/dialect.js';
import { customArgOf } from './custom-args.js';
import { Operation, emptyState, type OperationState } from '../../core/operation.js';
import { Region } from '../../core/region.js';
import type { Block } from '../../core/block.js';
import type { Value } from '../../core/value.js';
import type { Attribute } from '../../attributes/attribute.js';
import type { FunctionType, Type } from '../../types/type.js';
import type { FormatElement, TypeSource, ValueRef } from '../syntax/index.js';
import type { CustomParseState, FormatOp } from './format-op.js';
import { attrSpelling, parseFormatAttr } from './attr-values.js';
import { hasTrait, segmentSizes } from './groups.js';
import { applyTransformer, transformerYieldsList } from './transformers.js';
import { checkTransformSources, checkTypeClass } from './source-constraints.js';
import { propertyAccepts } from './property-conversion.js';
import type { OdsOp } from '../../ods/index.js';

interface TypeTarget {
  readonly name: string;
  readonly variadic: boolean;
}

const typeTargets = new WeakMap<FormatElement, TypeTarget>();

/** Parses one op with its declarative format into an OperationState. */
class FormatParser implements CustomParseState {
  // Maps made on first write: most ops fill only one or two of them, and this runs once per parsed op.
  private operandMap: Map<string, UnresolvedOperand[]> | undefined;
  private typeMap: Map<string, Type[]> | undefined;
  private attributeMap: Map<string, Attribute> | undefined;
  private regionMap: Map<string, Region[]> | undefined;
  private successorMap: Map<string, Block[]> | undefined;
  get operands(): Map<string, UnresolvedOperand[]> {
    return (this.operandMap ??= new Map());
  }
  get types(): Map<string, Type[]> {
    return (this.typeMap ??= new Map());
  }
  get attributes(): Map<string, Attribute> {
    return (this.attributeMap ??= new Map());
  }
  private allOperands: UnresolvedOperand[] | undefined;
  private allOperandTypes: Type[] | undefined;
  private allResultTypes: Type[] | undefined;
  private readonly start: number;

  constructor(private readonly p: OpAsmParser, readonly state: OperationState, private readonly f: FormatOp) {
    this.start = p.currentOffset();
  }

  parseElements(elements: readonly FormatElement[]): void {
    for (const e of elements) this.parseElement(e, false);
  }

  /** Parse `e`; when `optional`, return false without consuming if it is absent. */
  private parseElement(e: FormatElement, optional: boolean): boolean {
    const p = this.p;
    switch (e.kind) {
      case 'literal':
        return this.parseLiteral(e.value, optional);
      case 'whitespace':
        return true;
      case 'variable':
        return this.parseVariable(e.name, optional);
      case 'qualified':
        return this.parseElement(e.arg.kind === 'variable' ? e.arg : e.arg, optional);
      case 'type': {
        const target = this.typeTarget(e.arg);
        if (target.variadic) {
          const list: Type[] = [];
          // Outside the lead of an optional group this is OpAsmParser::parseTypeList: at least one type.
          const first = optional ? p.parseOptionalType() : p.parseType();
          if (first) {
            list.push(first);
            while (p.parseOptionalPunct(',')) list.push(p.parseType());
          }
          if (optional && list.length === 0) return false;
          this.setTypes(target.name, list);
          return true;
        }
        const at = p.currentOffset();
        const t = optional ? p.parseOptionalType() : p.parseType();
        if (!t) return false;
        checkTypeClass(p, this.f, target.name, t, at);
        this.setTypes(target.name, [t]);
        return true;
      }
      case 'functionalType': {
        if (optional && !p.isPunct('(')) return false;
        const at = p.currentOffset();
        const t = p.parseType();
        if (t.kind !== 'function') {
          const found = p.typeText ? p.typeText(t) : t.kind;
          p.fail(`custom op '${p.opName}' invalid kind of type specified: expected builtin.function, but found '${found}'`, at);
        }
        this.setTypes(this.typeTarget(e.inputs).name, [...(t as FunctionType).inputs]);
        this.setTypes(this.typeTarget(e.results).name, [...(t as FunctionType).results]);
        return true;
      }
      case 'attrDict':
        if (e.withKeyword) p.parseOptionalAttrDictWithKeyword(this.state.attributes);
        else p.parseOptionalAttrDict(this.state.attributes);
        return true;
      case 'propDict':
        if (p.parseOptionalKeyword('properties') !== undefined) {
          p.parsePunct('<');
          const a = p.parseAttribute();
          p.parsePunct('>');
          if (a.kind === 'dictionary') for (const x of (a as unknown as { entries: { name: string; value: Attribute }[] }).entries) this.state.properties.set(x.name, x.value);
        }
        return true;
      case 'operands': {
        const list = p.parseOperandList('none');
        if (optional && list.length === 0) return false;
        this.allOperands = list;
        return true;
      }
      case 'regions': {
        const list: Region[] = [];
        do {
          const r = new Region();
          if (!p.parseOptionalRegion(r)) break;
          list.push(r);
        } while (p.parseOptionalPunct(','));
        this.state.regions.push(...list);
        return list.length > 0 || !optional;
      }
      case 'successors': {
        const list: Block[] = [];
        const first = p.parseOptionalSuccessor();
        if (first) {
          list.push(first);
          while (p.parseOptionalPunct(',')) list.push(p.parseSuccessor());
        }
        this.state.successors.push(...list);
        return list.length > 0 || !optional;
      }
      case 'custom': {
        const d = this.f.customDirectives.get(e.name);
        if (!d) return p.fail(`custom directive '${e.name}' is not supported`);
        return d.parse(p, e.args.map((a) => customArgOf(this.f, a)), this, optional);
      }
      case 'optional': {
        // As in MLIR, the first element that is not whitespace decides whether the group is present.
        const lead = e.then.findIndex((x) => x.kind !== 'whitespace');
        const first = e.then[lead];
        const rest = e.then.slice(lead + 1);
        if (first && this.parseElement(first, true)) {
          this.parseElements(rest);
          const anchor = e.then[e.anchor];
          if (anchor?.kind === 'variable') this.markAnchor(anchor.name);
        } else if (e.else) {
          this.parseElements(e.else);
        }
        return true;
      }
      case 'oilist': {
        const seen = new Set<string>();
        for (;;) {
          const clause = e.clauses.find((c) => !seen.has(c.keyword) && this.peekLiteral(c.keyword));
          if (!clause) break;
          this.parseLiteral(clause.keyword, false);
          seen.add(clause.keyword);
          this.parseElements(clause.elements);
        }
        return true;
      }
      default:
        return true;
    }
  }

  private peekLiteral(value: string): boolean {
    return /^[a-zA-Z_]/.test(value) ? this.p.parseOptionalKeyword(value) !== undefined && (this.unconsume(value), true) : this.p.isPunct(value);
  }

  /** Keywords can only be peeked by consuming; remember to treat it as consumed. */
  private pendingKeyword: string | undefined;
  private unconsume(value: string): void {
    this.pendingKeyword = value;
  }

  private parseLiteral(value: string, optional: boolean): boolean {
    const p = this.p;
    if (this.pendingKeyword === value) {
      this.pendingKeyword = undefined;
      return true;
    }
    if (/^[a-zA-Z_]/.test(value)) {
      if (p.parseOptionalKeyword(value) !== undefined) return true;
      if (optional) return false;
      // OpAsmParser::parseKeyword reports through the op's parser: `custom op '<name>' expected 'to'`.
      p.parseKeyword(value);
      return true;
    }
    if (optional) return p.parseOptionalPunct(value);
    p.parsePunct(value, `expected '${value}'`);
    return true;
  }

  private parseVariable(name: string, optional: boolean): boolean {
    const p = this.p;
    const b = this.f.bound.variables[name];
    if (!b) return p.fail(`unknown format variable '${name}'`);
    switch (b.kind) {
      case 'operand': {
        const decl = this.f.ods.operands[b.index];
        if (decl.kind === 'single') {
          const u = optional ? p.parseOptionalOperand() : p.parseOperand();
          if (!u) return false;
          this.operands.set(name, [u]);
          return true;
        }
        const list: UnresolvedOperand[] = [];
        const first = p.parseOptionalOperand();
        if (first) {
          list.push(first);
          if (decl.kind !== 'optional') while (p.parseOptionalPunct(',')) list.push(p.parseOperand());
        }
        this.operands.set(name, list);
        return list.length > 0 || !optional;
      }
      case 'attribute': {
        const ods = this.f.ods.attributes[b.index];
        if (ods.isUnit) {
          if (!optional) return true;
          if (p.parseOptionalKeyword(name) === undefined) return false;
          this.attributes.set(name, p.context.unitAttr());
          return true;
        }
        const at = p.currentOffset();
        const spelling = attrSpelling(ods, this.f.dialect);
        const a = parseFormatAttr(p, spelling, optional, ods.name);
        if (!a) return false;
        // parseAttribute<AttrClass>: an attribute of another class is rejected where it starts.
        if ((spelling.kind === 'generic' || spelling.kind === 'typed') && !propertyAccepts(this.f.ods, this.f.dialect, ods.name, a)) {
          p.fail(`custom op '${p.opName}' invalid kind of attribute specified`, at);
        }
        this.attributes.set(name, a);
        return true;
      }
      case 'region': {
        const r = new Region();
        if (optional) {
          if (!p.parseOptionalRegion(r)) return false;
        } else p.parseRegion(r);
        (this.regionMap ??= new Map()).set(name, [r]);
        return true;
      }
      case 'successor': {
        const s = optional ? p.parseOptionalSuccessor() : p.parseSuccessor();
        if (!s) return false;
        (this.successorMap ??= new Map()).set(name, [s]);
        return true;
      }
      case 'result':
        return true;
    }
  }

  /** An optional group's anchor was present: unit attributes become set. */
  private markAnchor(name: string): void {
    const b = this.f.bound.variables[name];
    if (b?.kind === 'attribute' && this.f.ods.attributes[b.index].isUnit) this.attributes.set(name, this.p.context.unitAttr());
  }

  /** Which values a type element types (fixed per element of a bound format, so cached on it). */
  private typeTarget(arg: FormatElement): TypeTarget {
    let target = typeTargets.get(arg);
    if (!target) typeTargets.set(arg, (target = this.computeTypeTarget(arg)));
    return target;
  }

  private computeTypeTarget(arg: FormatElement): TypeTarget {
    if (arg.kind === 'operands') return { name: '$operands', variadic: true };
    if (arg.kind === 'results') return { name: '$results', variadic: true };
    if (arg.kind === 'type' || arg.kind === 'qualified' || arg.kind === 'ref') return this.computeTypeTarget(arg.arg);
    if (arg.kind === 'variable') {
      const b = this.f.bound.variables[arg.name];
      const decl = b?.kind === 'operand' ? this.f.ods.operands[b.index] : b?.kind === 'result' ? this.f.ods.results[b.index] : undefined;
      return { name: arg.name, variadic: decl ? decl.kind !== 'single' : false };
    }
    return { name: '', variadic: false };
  }

  private setTypes(name: string, types: Type[]): void {
    if (name === '$operands') this.allOperandTypes = types;
    else if (name === '$results') this.allResultTypes = types;
    else this.types.set(name, types);
  }

  // ---- finishing: resolve types, operands, segments ---------------------------------
  finish(): void {
    const { ods } = this.f;
    const p = this.p;
    const ctx = p.context;
    // Operands per declaration.
    let operandLists: UnresolvedOperand[][];
    if (this.allOperands) {
      const sizes = segmentSizes(ods.operands, this.allOperands.length, undefined);
      operandLists = [];
      let i = 0;
      for (const n of sizes) {
        operandLists.push(this.allOperands.slice(i, i + n));
        i += n;
      }
    } else {
      operandLists = ods.operands.map((d) => this.operandMap?.get(d.name) ?? []);
    }
    // Types written as lists for all operands/results are split like the operands.
    if (this.allOperandTypes) {
      let i = 0;
      ods.operands.forEach((d, k) => {
        const n = operandLists[k].length;
        this.types.set(d.name, this.allOperandTypes!.slice(i, i + n));
        i += n;
      });
      if (i !== this.allOperandTypes.length) {
        p.fail(mismatch(p, i, this.allOperandTypes.length), this.allOperands?.[0]?.offset ?? this.start);
      }
    }
    if (this.allResultTypes) {
      const sizes = segmentSizes(ods.results, this.allResultTypes.length, undefined);
      let i = 0;
      ods.results.forEach((d, k) => {
        this.types.set(d.name, this.allResultTypes!.slice(i, i + sizes[k]));
        i += sizes[k];
      });
    }
    checkTransformSources(p, this.f, (kind, index) => this.typeMap?.get((kind === 'operand' ? ods.operands : ods.results)[index].name) ?? []);
    // Resolved types per operand/result declaration (`null`: being resolved, to break cycles).
    const memo: Record<'operand' | 'result', (Type[] | undefined | null)[]> = { operand: [], result: [] };
    const typesOfRef = (ref: ValueRef): Type[] | undefined => {
      if (ref.kind === 'attribute') {
        const a = this.attributeMap?.get(ref.name) ?? this.state.attributes.get(ref.name) ?? this.state.properties.get(ref.name);
        const t = a && 'type' in a ? (a as { type?: Type }).type : undefined;
        return t ? [t] : undefined;
      }
      return resolve(ref.kind, ref.index);
    };
    const resolve = (kind: 'operand' | 'result', index: number): Type[] | undefined => {
      const known = memo[kind][index];
      if (known !== undefined) return known ?? undefined;
      memo[kind][index] = null;
      const decl = kind === 'operand' ? ods.operands[index] : ods.results[index];
      const source: TypeSource = (kind === 'operand' ? this.f.bound.operandTypes : this.f.bound.resultTypes)[index];
      const count = kind === 'operand' ? operandLists[index].length : decl.kind === 'single' ? 1 : undefined;
      let out: Type[] | undefined;
      switch (source.kind) {
        case 'format':
          out = this.typeMap?.get(decl.name) ?? [];
          break;
        case 'buildable':
          out = repeat(parseTypeText(p, source.type), count ?? 1);
          break;
        case 'sameAs': {
          const t = typesOfRef(source.ref);
          out = t && t.length > 0 ? repeat(t[0], count ?? 1) : undefined;
          break;
        }
        case 'transformed': {
          const t = typesOfRef(source.ref);
          const one = t && t[0] ? applyTransformer(ctx, source.transformer, t[0]) : undefined;
          out = one && one.length === 1 && (count ?? 1) !== 1 && !transformerYieldsList(source.transformer) ? repeat(one[0], count ?? 1) : one;
          break;
        }
        case 'inferred':
          out = undefined;
          break;
      }
      memo[kind][index] = out ?? null;
      return out;
    };
    // Plain loops: this runs once per parsed op.
    const operandTypes: Type[][] = [];
    for (let i = 0; i < ods.operands.length; i++) operandTypes.push(resolve('operand', i) ?? []);
    const operandValues: Value[] = [];
    for (let i = 0; i < ods.operands.length; i++) {
      const us = operandLists[i];
      const ts = operandTypes[i];
      if (us.length !== ts.length) p.fail(mismatch(p, us.length, ts.length), us[0]?.offset ?? this.start);
      for (let k = 0; k < us.length; k++) operandValues.push(p.resolveOperand(us[k], ts[k]));
    }
    this.state.operands = operandValues;
    let resultTypes: Type[][] = [];
    let inferred = false;
    for (let i = 0; i < ods.results.length; i++) {
      const ts = resolve('result', i);
      if (ts === undefined) inferred = true;
      else resultTypes.push(ts);
    }
    if (inferred) {
      const types = this.f.inferResultTypes?.(this.withAttributes(), operandValues.map((v) => v.type));
      if (!types) return p.fail(`failed to infer returned types`, this.start);
      resultTypes = [types];
    }
    const flatResults: Type[] = [];
    for (const ts of resultTypes) for (const t of ts) flatResults.push(t);
    this.state.resultTypes = flatResults;
    if (hasTrait(ods, 'AttrSizedOperandSegments')) {
      this.state.properties.set('operandSegmentSizes', ctx.denseArrayAttr(ctx.integerType(32), operandLists.map((l) => l.length)));
    }
    if (hasTrait(ods, 'AttrSizedResultSegments')) {
      this.state.properties.set('resultSegmentSizes', ctx.denseArrayAttr(ctx.integerType(32), resultTypes.map((l) => l.length)));
    }
    this.withAttributes();
    // Regions named in the format, in declaration order (the `regions` directive pushed its own).
    if (this.regionMap || this.state.regions.length === 0) {
      for (const d of ods.regions) this.state.regions.push(...(this.regionMap?.get(d.name) ?? [new Region()]));
    }
    for (const d of ods.successors) this.state.successors.push(...(this.successorMap?.get(d.name) ?? []));
    this.ensureBlocks();
  }

  /** Single-block ops get their block (and implicit terminator) as MLIR's generated parsers add them. */
  private ensureBlocks(): void {
    if (this.state.regions.length === 0) return;
    const { singleBlock, termDef } = blockRulesOf(this.f);
    if (!singleBlock) return;
    for (const region of this.state.regions) {
      const block = region.blocks[0] ?? region.appendBlock();
      if (!termDef) continue;
      const last = block.lastOp;
      if (last && last.hasTrait('IsTerminator')) continue;
      block.append(Operation.create(this.p.context, emptyState(termDef.name, this.state.location)));
    }
  }

  private withAttributes(): OperationState {
    if (this.attributeMap) for (const [k, v] of this.attributeMap) this.state.properties.set(k, v);
    return this.state;
  }
}

const blockRules = new WeakMap<FormatOp, { singleBlock: boolean; termDef: OdsOp | undefined }>();

/** Does the op have single-block regions, and which op is their implicit terminator (once per format)? */
function blockRulesOf(f: FormatOp): { singleBlock: boolean; termDef: OdsOp | undefined } {
  let rules = blockRules.get(f);
  if (rules) return rules;
  const { ods, dialect } = f;
  const implicit = ods.traits.find((t) => t.kind === 'param' && t.name === 'SingleBlockImplicitTerminator');
  // The trait names a C++ class, possibly qualified (`mlir::tensor::YieldOp`).
  const cls = implicit && implicit.kind === 'param' ? implicit.params[0].replace(/^.*::/, '') : undefined;
  const termDef = cls ? dialect.ops.find((o) => o.def === cls || o.def.endsWith(`_${cls}`)) : undefined;
  rules = { singleBlock: !!implicit || hasTrait(ods, 'SingleBlock'), termDef };
  blockRules.set(f, rules);
  return rules;
}

/** OpAsmParser::resolveOperands's wording when the counts differ. */
function mismatch(p: OpAsmParser, operands: number, types: number): string {
  return `custom op '${p.opName}' number of operands and types do not match: got ${operands} operands and ${types} types`;
}

function repeat<T>(t: T, n: number): T[] {
  if (n === 1) return [t];
  return new Array<T>(n).fill(t);
}

const typeTextCache = new WeakMap<object, Map<string, Type>>();

/** Buildable types are given as MLIR type text (`i1`, `index`, `!mpi.retval`). */
function parseTypeText(p: OpAsmParser, text: string): Type {
  let cache = typeTextCache.get(p.context);
  if (!cache) typeTextCache.set(p.context, (cache = new Map()));
  let t = cache.get(text);
  if (!t) {
    t = p.parseTypeFromString(text);
    cache.set(text, t);
  }
  return t;
}

/** Parse the rest of an op (after its name) with its declarative format. */
export function parseWithFormat(p: OpAsmParser, state: OperationState, f: FormatOp): void {
  const fp = new FormatParser(p, state, f);
  fp.parseElements(f.elements);
  fp.finish();
}
