import {
  buildClassTable,
  type ClassTable,
  type OdsDialect,
  type OdsOp,
} from '../../ir/ods/index.js';
import { parseAssemblyFormat, bindOpFormat } from '../../ir/assembly-format/syntax/index.js';
import {
  parseWithFormat,
  printWithFormat,
  propertyAccepts,
  type CustomDirective,
  type FormatOp,
} from '../../ir/assembly-format/engine/index.js';
import type { Dialect, OpDefinition, OperationState, Operation, Type, VerifyContext } from '../../ir/index.js';
import { hasOdsRegionTraits, verifyOds, verifyOdsRegionTraits, type TraitVerifier } from './ods-verify.js';

/** Hand-written parts of an op that ODS leaves to C++ (custom syntax, verifiers, inference). */
export interface OpOverride {
  parse?: OpDefinition['parse'];
  print?: OpDefinition['print'];
  /** Extra verification after the ODS checks. */
  verify?: (op: Operation, ctx: VerifyContext) => void;
  /**
   * Verifiers of C++ traits/interfaces (e.g. `CastOpInterface`), run at the
   * trait's position in the ODS trait list; return false after reporting.
   */
  traitVerifiers?: Readonly<Record<string, TraitVerifier>>;
  verifyRegions?: OpDefinition['verifyRegions'];
  /** Result types for formats that leave them to InferTypeOpInterface. */
  inferResultTypes?: (state: OperationState, operandTypes: readonly Type[]) => Type[] | undefined;
  defaultDialect?: string;
  regionKind?: OpDefinition['regionKind'];
  interfaces?: ReadonlyMap<string, unknown>;
  /** Additional trait names (e.g. from C++-only traits). */
  traits?: readonly string[];
}

export interface OdsDialectOptions {
  readonly overrides?: Readonly<Record<string, OpOverride>>;
  readonly customDirectives?: ReadonlyMap<string, CustomDirective>;
  /** Other dialects whose classes predicates may name (e.g. builtin). */
  readonly classDialects?: readonly OdsDialect[];
}

/** Trait names an OpDefinition exposes: native/param/internal traits and interfaces. */
function traitNames(ods: OdsOp, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(extra);
  for (const t of ods.traits) {
    if (t.kind === 'native' || t.kind === 'param' || t.kind === 'internal' || t.kind === 'interface') names.add(t.name);
    if (t.kind === 'memoryEffects' && t.effects.length === 0) names.add('NoMemoryEffect');
  }
  if (names.has('Terminator')) names.add('IsTerminator');
  if (names.has('IsTerminator')) names.add('Terminator');
  return names;
}

function inherentNames(ods: OdsOp): Set<string> {
  const names = new Set(ods.attributes.map((a) => a.name));
  if (ods.traits.some((t) => t.kind === 'native' && t.name === 'AttrSizedOperandSegments')) names.add('operandSegmentSizes');
  if (ods.traits.some((t) => t.kind === 'native' && t.name === 'AttrSizedResultSegments')) names.add('resultSegmentSizes');
  return names;
}

function defineOp(ods: OdsOp, dialect: OdsDialect, classes: ClassTable, options: OdsDialectOptions): OpDefinition {
  const o = options.overrides?.[ods.name] ?? {};
  let format: FormatOp | undefined;
  if (ods.assemblyFormat && !o.parse) {
    const elements = parseAssemblyFormat(ods.assemblyFormat, { context: 'op' });
    const bound = bindOpFormat(ods, elements, dialect.constraints);
    format = {
      ods,
      dialect,
      bound,
      elements: bound.elements,
      customDirectives: options.customDirectives ?? new Map(),
      inferResultTypes: o.inferResultTypes,
    };
  }
  const graph = ods.traits.some((t) => t.kind === 'native' && t.name === 'HasOnlyGraphRegion');
  const def: OpDefinition = {
    name: ods.name,
    summary: ods.summary,
    traits: traitNames(ods, o.traits),
    inherentAttributes: inherentNames(ods),
    parse: o.parse ?? (format ? (p, state) => parseWithFormat(p, state, format!) : undefined),
    print: o.print ?? (format ? (p, op) => printWithFormat(p, op, format!) : undefined),
    verify(op, ctx) {
      // Like MLIR, the op's own verifier runs only once the ODS invariants hold.
      if (verifyOds(op, ods, dialect, classes, ctx, o.traitVerifiers)) o.verify?.(op, ctx);
    },
    verifyRegions:
      hasOdsRegionTraits(ods) || o.verifyRegions
        ? (op, ctx) => {
            // MLIR: the traits' region verifiers, then the op's verifyRegions.
            if (verifyOdsRegionTraits(op, ods, dialect, ctx)) o.verifyRegions?.(op, ctx);
          }
        : undefined,
    defaultDialect: o.defaultDialect,
    regionKind: o.regionKind ?? (graph ? () => 'graph' : undefined),
    interfaces: o.interfaces,
    acceptsProperty: (name, value) => propertyAccepts(ods, dialect, name, value),
  };
  return def;
}

/** Build a Dialect from LLVM 22 ODS data plus hand-written overrides. */
export function defineOdsDialect(ods: OdsDialect, options: OdsDialectOptions = {}): Dialect {
  const classes = buildClassTable([ods, ...(options.classDialects ?? [])]);
  const ops = new Map<string, OpDefinition>();
  for (const op of ods.ops) ops.set(op.name, defineOp(op, ods, classes, options));
  return { name: ods.name, ops };
}
