import type { OpAsmPrinter } from '../../core/dialect.js';
import { customArgOf } from './custom-args.js';
import type { Operation } from '../../core/operation.js';
import type { Value } from '../../core/value.js';
import type { Type } from '../../types/type.js';
import type { FormatElement } from '../syntax/index.js';
import type { CustomPrintValues, FormatOp } from './format-op.js';
import { operandGroups, resultGroups, hasTrait } from './groups.js';
import { type AttrSpelling, attrSpelling, isDefaultValue, printFormatAttr } from './attr-values.js';
import type { OdsAttribute } from '../../ods/index.js';

/** MLIR's spacing rules for literals (OpFormatGen's shouldEmitSpaceBefore). */
function spaceBeforeLiteral(value: string, lastWasPunctuation: boolean): boolean {
  if (value.length !== 1 && value !== '->') return true;
  if (lastWasPunctuation) return !'>)}],'.includes(value[0]);
  return !'<>(){}[],'.includes(value[0]);
}

/** What printing an op of one format needs beyond the op itself, computed once per format. */
interface PrintPlan {
  /** Name → index when every operand and result is a single value (then groups are trivial). */
  readonly fixed: { operands: ReadonlyMap<string, number>; results: ReadonlyMap<string, number> } | null;
  /** Attributes the attr-dict never shows: segment sizes and those the format prints itself. */
  readonly alwaysElided: readonly string[];
  /** Defaulted inherent attributes, elided when equal to their default. */
  readonly defaulted: readonly { name: string; ods: OdsAttribute; spelling: AttrSpelling }[];
  readonly implicitTerminator: boolean;
}

const plans = new WeakMap<FormatOp, PrintPlan>();

function planOf(f: FormatOp): PrintPlan {
  let plan = plans.get(f);
  if (plan) return plan;
  const single = f.ods.operands.every((d) => d.kind === 'single') && f.ods.results.every((d) => d.kind === 'single');
  const alwaysElided = new Set<string>(['operandSegmentSizes', 'resultSegmentSizes']);
  for (const [name, b] of Object.entries(f.bound.variables)) if (b.kind === 'attribute') alwaysElided.add(name);
  plan = {
    fixed: single ? { operands: new Map(f.ods.operands.map((d, i) => [d.name, i])), results: new Map(f.ods.results.map((d, i) => [d.name, i])) } : null,
    alwaysElided: [...alwaysElided],
    defaulted: f.ods.attributes.filter((a) => a.kind === 'defaulted' && a.defaultValue !== undefined).map((a) => ({ name: a.name, ods: a, spelling: attrSpelling(a, f.dialect) })),
    implicitTerminator: hasTrait(f.ods, 'SingleBlockImplicitTerminator'),
  };
  plans.set(f, plan);
  return plan;
}

class FormatPrinter implements CustomPrintValues {
  private shouldEmitSpace = true;
  private lastWasPunctuation = false;
  private operandsByName: Map<string, Value[]> | undefined;
  private resultsByName: Map<string, Value[]> | undefined;
  private readonly plan: PrintPlan;

  constructor(private readonly p: OpAsmPrinter, private readonly op: Operation, private readonly f: FormatOp) {
    this.plan = planOf(f);
  }

  /** Operand/result groups per ODS declaration, computed on first use (most formats need only a few). */
  private groups(): [Map<string, Value[]>, Map<string, Value[]>] {
    if (!this.operandsByName || !this.resultsByName) {
      const { f, op } = this;
      const og = operandGroups(f.ods, op);
      this.operandsByName = new Map(f.ods.operands.map((d, i) => [d.name, og[i] ?? []]));
      const rg = resultGroups(f.ods, op);
      this.resultsByName = new Map(f.ods.results.map((d, i) => [d.name, rg[i] ?? []]));
    }
    return [this.operandsByName, this.resultsByName];
  }

  operands(name: string): Value[] {
    const fixed = this.plan.fixed;
    if (fixed) {
      const i = fixed.operands.get(name);
      return i === undefined ? [] : [this.op.operand(i)];
    }
    return this.groups()[0].get(name) ?? [];
  }
  attribute(name: string) {
    return this.op.getAttr(name);
  }
  types(name: string): Type[] {
    if (this.plan.fixed) {
      const t = this.fixedType(name);
      return t ? [t] : [];
    }
    const [o, r] = this.groups();
    return (o.get(name) ?? r.get(name) ?? []).map((v) => v.type);
  }

  private space(): void {
    if (this.shouldEmitSpace) this.p.write(' ');
    this.shouldEmitSpace = true;
    this.lastWasPunctuation = false;
  }

  printElements(elements: readonly FormatElement[]): void {
    for (const e of elements) this.printElement(e);
  }

  private printElement(e: FormatElement): void {
    const p = this.p;
    switch (e.kind) {
      case 'literal': {
        if (this.shouldEmitSpace && spaceBeforeLiteral(e.value, this.lastWasPunctuation)) p.write(' ');
        p.write(e.value);
        this.shouldEmitSpace = e.value.length !== 1 || !'<({['.includes(e.value[0]);
        this.lastWasPunctuation = e.value[0] !== '_' && !/[a-zA-Z]/.test(e.value[0]);
        return;
      }
      case 'whitespace':
        if (e.value === '\n') p.printNewline();
        else if (e.value === ' ') p.write(' ');
        this.shouldEmitSpace = false;
        this.lastWasPunctuation = false;
        return;
      case 'variable':
        return this.printVariable(e.name);
      case 'type':
      case 'qualified':
        if (e.kind === 'qualified' && e.arg.kind === 'variable') return this.printVariable(e.arg.name, true);
        this.space();
        const arg = e.kind === 'type' ? e.arg : (e.arg as { arg: FormatElement }).arg;
        const single = arg.kind === 'variable' ? this.fixedType(arg.name) : undefined;
        if (single) return p.write(p.typeToString(single));
        return p.write(this.typesOf(arg).map((t) => p.typeToString(t)).join(', '));
      case 'functionalType':
        this.space();
        return p.printFunctionalType(this.typesOf(e.inputs), this.typesOf(e.results));
      case 'attrDict':
      case 'propDict': {
        const { alwaysElided, defaulted } = this.plan;
        // Default-valued inherent attributes equal to their default are elided, as MLIR does.
        let withDefaults: string[] | undefined;
        for (const d of defaulted) {
          const v = this.op.getProperty(d.name);
          if (v && isDefaultValue(v, d.ods, d.spelling)) (withDefaults ??= [...alwaysElided]).push(d.name);
        }
        const elided = withDefaults ?? alwaysElided;
        const props = this.op.properties.entries;
        const attrs = this.op.attributes.entries;
        if (props.length + attrs.length > 0) {
          const entries = props.length === 0 ? attrs : attrs.length === 0 ? props : [...props, ...attrs];
          if (e.kind === 'attrDict' && e.withKeyword) p.printOptionalAttrDictWithKeyword(entries, elided);
          else p.printOptionalAttrDict(entries, elided);
        }
        this.shouldEmitSpace = true;
        this.lastWasPunctuation = false;
        return;
      }
      case 'operands':
        this.space();
        return p.printOperands(this.op.operands);
      case 'results':
        return;
      case 'regions':
        this.op.regions.forEach((r, i) => {
          if (i > 0) p.write(',');
          this.space();
          this.printRegion(r);
        });
        return;
      case 'successors':
        this.space();
        this.op.successors.forEach((b, i) => {
          if (i > 0) p.write(', ');
          p.printSuccessor(b);
        });
        return;
      case 'custom': {
        const directive = this.f.customDirectives.get(e.name);
        this.space();
        if (!directive) return p.write(`<<custom<${e.name}> not implemented>>`);
        directive.print(p, this.op, e.args.map((a) => customArgOf(this.f, a)), this);
        return;
      }
      case 'optional': {
        if (this.isPresent(e.then[e.anchor])) this.printElements(e.then);
        else if (e.else) this.printElements(e.else);
        return;
      }
      case 'oilist':
        for (const clause of e.clauses) {
          if (clause.elements.some((x) => this.isPresent(x))) {
            this.printElement({ kind: 'literal', value: clause.keyword });
            this.printElements(clause.elements);
          }
        }
        return;
      default:
        return;
    }
  }

  private printRegion(region: import('../../core/region.js').Region): void {
    let printTerminators = true;
    if (this.plan.implicitTerminator) {
      const term = region.blocks[0]?.lastOp;
      printTerminators = !!term && (term.numOperands > 0 || term.attributes.entries.length > 0 || term.properties.entries.length > 0);
    }
    this.p.printRegion(region, { printEntryBlockArgs: true, printBlockTerminators: printTerminators, printEmptyBlock: false });
  }

  private printVariable(name: string, qualified = false): void {
    const b = this.f.bound.variables[name];
    const p = this.p;
    if (!b) return;
    switch (b.kind) {
      case 'operand': {
        const fixed = this.plan.fixed?.operands.get(name);
        if (fixed !== undefined) {
          this.space();
          return p.printOperand(this.op.operand(fixed));
        }
        const vs = this.operands(name);
        if (vs.length === 0 && this.f.ods.operands[b.index].kind !== 'single') return;
        this.space();
        return p.printOperands(vs);
      }
      case 'attribute': {
        const ods = this.f.ods.attributes[b.index];
        const a = this.op.getAttr(name);
        if (!a || ods.isUnit) return;
        this.space();
        if (qualified) return p.printAttribute(a);
        return printFormatAttr(p, a, attrSpelling(ods, this.f.dialect));
      }
      case 'region': {
        const r = this.op.regions[b.index];
        if (!r) return;
        this.space();
        return this.printRegion(r);
      }
      case 'successor': {
        const s = this.op.successors[b.index];
        if (!s) return;
        this.space();
        return p.printSuccessor(s);
      }
      case 'result':
        return;
    }
  }

  /**
   * The type of operand or result `name` when the format has only single
   * values (each name is one value, no segment arithmetic, no list built).
   */
  private fixedType(name: string): Type | undefined {
    const fixed = this.plan.fixed;
    if (!fixed) return undefined;
    const i = fixed.operands.get(name);
    if (i !== undefined) return this.op.operand(i).type;
    const j = fixed.results.get(name);
    return j === undefined ? undefined : this.op.results[j].type;
  }

  private typesOf(arg: FormatElement): Type[] {
    if (arg.kind === 'operands') return this.op.operands.map((v) => v.type);
    if (arg.kind === 'results') return this.op.resultTypes;
    if (arg.kind === 'variable') return this.types(arg.name);
    if (arg.kind === 'type' || arg.kind === 'qualified') return this.typesOf(arg.arg);
    return [];
  }

  /** Does this element make its optional group print? */
  private isPresent(e: FormatElement | undefined): boolean {
    if (!e) return false;
    switch (e.kind) {
      case 'variable': {
        const b = this.f.bound.variables[e.name];
        if (!b) return false;
        if (b.kind === 'operand') return this.operands(e.name).length > 0;
        if (b.kind === 'region') return (this.op.regions[b.index]?.blocks.length ?? 0) > 0;
        if (b.kind === 'successor') return this.op.successors.length > b.index;
        if (b.kind === 'attribute') {
          const a = this.op.getAttr(e.name);
          if (!a) return false;
          const ods = this.f.ods.attributes[b.index];
          return !isDefaultValue(a, ods, attrSpelling(ods, this.f.dialect));
        }
        return this.types(e.name).length > 0;
      }
      case 'type':
      case 'qualified':
        return this.isPresent(e.arg);
      case 'custom':
        return e.args.some((a) => this.isPresent(a));
      case 'ref':
        return this.isPresent(e.arg);
      case 'functionalType':
        return true;
      case 'literal':
        return true;
      default:
        return false;
    }
  }
}

/** Print `op` (after its name) with its declarative format. */
export function printWithFormat(p: OpAsmPrinter, op: Operation, f: FormatOp): void {
  new FormatPrinter(p, op, f).printElements(f.elements);
}

export { hasTrait };
