/**
 * Building pipelines in code, as MLIR's `OpPassManager`: `addPass(name,
 * options)` and `nest(opName)`. Options are given as an option string
 * (`'max-iterations=3 top-down=false'`) or as typed values
 * (`{ 'max-iterations': 3 }`), checked against the pass's schema. Nesting is
 * implicit, as for command-line flags: an op-anchored pass added to a
 * manager of another op gets its own nested manager.
 */
import { splitOptionString, type OptionSpec, type ScalarType, type ScalarValue } from '../options/index.js';
import { addPassReference, passRegistry, type Nesting, type PassRegistry, type ResolvedElement, type ResolvedPipeline } from '../registry/index.js';

export type PassOptionInput = string | { readonly [name: string]: ScalarValue | readonly ScalarValue[] };

type AnySpec = OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]>;

function fits(type: ScalarType, v: ScalarValue): boolean {
  switch (type.kind) {
    case 'bool':
      return typeof v === 'boolean';
    case 'integer':
      return (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';
    case 'float':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'enum':
      return typeof v === 'string' && type.choices.some((c) => c.name === v);
  }
}

/** Checks typed option values against a schema; throws a TypeError naming the option. */
function checkValues(pass: string, schema: { readonly [name: string]: AnySpec }, values: Exclude<PassOptionInput, string>): void {
  for (const [name, v] of Object.entries(values)) {
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (!spec) throw new TypeError(`pass '${pass}' has no option '${name}'`);
    const ok = spec.list ? Array.isArray(v) && (v as readonly ScalarValue[]).every((e) => fits(spec.type, e)) : !Array.isArray(v) && fits(spec.type, v as ScalarValue);
    if (!ok) throw new TypeError(`option '${name}' of pass '${pass}' does not accept ${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))}`);
  }
}

export class OpPassManager implements ResolvedPipeline {
  readonly elements: ResolvedElement[] = [];

  constructor(
    readonly anchor: string,
    readonly registry: PassRegistry = passRegistry,
    readonly nesting: Nesting = 'implicit',
  ) {}

  /** Appends a registered pass (or expands a registered pipeline); throws for unknown names or bad options. */
  addPass(name: string, options: PassOptionInput = {}): this {
    if (typeof options === 'string') {
      addPassReference(this.registry, this, name, splitOptionString(options), options, 0, this.nesting);
      return this;
    }
    const entry = this.registry.lookup(name);
    if (!entry) throw new TypeError(`'${name}' does not refer to a registered pass or pass pipeline`);
    if (entry.kind === 'pipeline' && Object.keys(options).length) {
      throw new TypeError(`pass pipeline '${name}' takes its options as an option string`);
    }
    checkValues(name, entry.options, options);
    const before = this.elements.length;
    addPassReference(this.registry, this, name, [], name, 0, this.nesting);
    // Overlay the typed values on the defaults the reference was resolved with.
    for (let i = before; i < this.elements.length; ++i) overlay(this.elements, i, name, options);
    return this;
  }

  /** A nested manager for ops named `anchor` (`any` for op-agnostic), appended here. */
  nest(anchor: string): OpPassManager {
    const nested = new OpPassManager(anchor, this.registry, this.nesting);
    this.elements.push({ kind: 'nest', anchor, elements: nested.elements });
    return nested;
  }
}

function overlay(elements: ResolvedElement[], i: number, name: string, values: Exclude<PassOptionInput, string>): void {
  const el = elements[i];
  if (el.kind === 'pass') {
    if (el.info.argument !== name) return;
    const lists = new Set(el.explicitLists ?? []);
    for (const [k, v] of Object.entries(values)) if (Array.isArray(v)) lists.add(k);
    elements[i] = { ...el, options: { ...el.options, ...values }, explicitLists: lists };
    return;
  }
  // Implicit nesting wrapped the pass: overlay inside.
  const inner = el.elements as ResolvedElement[];
  for (let j = 0; j < inner.length; ++j) overlay(inner, j, name, values);
}
