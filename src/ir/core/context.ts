import { Uniquer } from './uniquer.js';
import * as Ty from '../types/type.js';
import * as At from '../attributes/attribute.js';
import * as Loc from '../attributes/location.js';
import { affineMapKey, integerSetKey, type AffineMap, type IntegerSet } from '../attributes/affine.js';
import type { Dialect, OpDefinition } from './dialect.js';
import { roundToKind } from '../printer/floats.js';

type Type = Ty.Type;
type Attribute = At.Attribute;

const ids = (xs: readonly { id: number }[]): string => xs.map((x) => x.id).join(',');
const optId = (x: { id: number } | undefined): string => (x ? String(x.id) : '-');

/**
 * Owns uniqued types and attributes and the dialect registry. Dialects are
 * registered as loaders and only loaded when first used (MLIR's lazy loading).
 */
export class Context {
  allowUnregistered = false;
  private readonly types = new Uniquer<Type>();
  private readonly attrs = new Uniquer<Attribute>();
  private readonly loaders = new Map<string, () => Dialect>();
  private readonly loaded = new Map<string, Dialect>();
  private readonly opDefs = new Map<string, OpDefinition | null>();
  private distinctCounter = 0;

  // ---- dialects -----------------------------------------------------------
  registerDialect(name: string, loader: () => Dialect): void {
    this.loaders.set(name, loader);
  }

  isRegisteredDialect(name: string): boolean {
    return this.loaders.has(name) || this.loaded.has(name);
  }

  registeredDialects(): string[] {
    return [...new Set([...this.loaders.keys(), ...this.loaded.keys()])].sort();
  }

  getDialect(name: string): Dialect | undefined {
    let d = this.loaded.get(name);
    if (d) return d;
    const loader = this.loaders.get(name);
    if (!loader) return undefined;
    d = loader();
    this.loaded.set(name, d);
    return d;
  }

  /** Definition of a registered op, or undefined (unregistered). Cached per name. */
  getOpDefinition(name: string): OpDefinition | undefined {
    const cached = this.opDefs.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const dot = name.indexOf('.');
    const dialect = dot > 0 ? this.getDialect(name.slice(0, dot)) : undefined;
    const def = dialect?.ops.get(name) ?? null;
    this.opDefs.set(name, def);
    return def ?? undefined;
  }

  // ---- builtin types ------------------------------------------------------
  private readonly signlessInts = new Map<number, Ty.IntegerType>();
  integerType(width: number, signedness: Ty.Signedness = 'signless'): Ty.IntegerType {
    if (signedness === 'signless') {
      let t = this.signlessInts.get(width);
      if (!t) this.signlessInts.set(width, (t = this.types.get(`i:${width}:signless`, (id) => new Ty.IntegerType(id, width, signedness))));
      return t;
    }
    return this.types.get(`i:${width}:${signedness}`, (id) => new Ty.IntegerType(id, width, signedness));
  }
  indexType(): Ty.IndexType {
    return this.types.get('index', (id) => new Ty.IndexType(id));
  }
  floatType(kind: Ty.FloatKind): Ty.FloatType {
    return this.types.get(`f:${kind}`, (id) => new Ty.FloatType(id, kind));
  }
  noneType(): Ty.NoneType {
    return this.types.get('none', (id) => new Ty.NoneType(id));
  }
  complexType(element: Type): Ty.ComplexType {
    return this.types.get(`c:${element.id}`, (id) => new Ty.ComplexType(id, element));
  }
  tensorType(shape: readonly number[], element: Type, encoding?: Attribute): Ty.RankedTensorType {
    return this.types.getPath('t', [element.id, encoding?.id ?? 0, ...shape], (id) => new Ty.RankedTensorType(id, [...shape], element, encoding));
  }
  unrankedTensorType(element: Type): Ty.UnrankedTensorType {
    return this.types.get(`ut:${element.id}`, (id) => new Ty.UnrankedTensorType(id, element));
  }
  memrefType(shape: readonly number[], element: Type, layout?: Attribute, memorySpace?: Attribute): Ty.MemRefType {
    const key = `m:${shape.join('x')}:${element.id}:${optId(layout)}:${optId(memorySpace)}`;
    return this.types.get(key, (id) => new Ty.MemRefType(id, [...shape], element, layout, memorySpace));
  }
  unrankedMemrefType(element: Type, memorySpace?: Attribute): Ty.UnrankedMemRefType {
    return this.types.get(`um:${element.id}:${optId(memorySpace)}`, (id) => new Ty.UnrankedMemRefType(id, element, memorySpace));
  }
  vectorType(shape: readonly number[], element: Type, scalableDims?: readonly boolean[]): Ty.VectorType {
    const scalable = scalableDims ?? shape.map(() => false);
    const key = `v:${shape.join('x')}:${scalable.map((s) => (s ? 1 : 0)).join('')}:${element.id}`;
    return this.types.get(key, (id) => new Ty.VectorType(id, [...shape], element, [...scalable]));
  }
  tupleType(types: readonly Type[]): Ty.TupleType {
    return this.types.get(`tup:${ids(types)}`, (id) => new Ty.TupleType(id, [...types]));
  }
  functionType(inputs: readonly Type[], results: readonly Type[]): Ty.FunctionType {
    const path = [...inputs.map((t) => t.id), 0, ...results.map((t) => t.id)];
    return this.types.getPath('fn', path, (id) => new Ty.FunctionType(id, [...inputs], [...results]));
  }
  dialectType(dialect: string, mnemonic: string, body: string, params: readonly (Type | Attribute)[] = []): Ty.DialectType {
    const key = `d:${dialect}:${mnemonic}:${body.length}:${body}`;
    return this.types.get(key, (id) => new Ty.DialectType(id, dialect, mnemonic, body, [...params]));
  }

  // ---- builtin attributes -------------------------------------------------
  integerAttr(type: Type, value: bigint): At.IntegerAttr {
    return this.attrs.getPath('i', [type.id, value], (id) => new At.IntegerAttr(id, type, value));
  }
  boolAttr(value: boolean): At.IntegerAttr {
    return this.integerAttr(this.integerType(1), value ? 1n : 0n);
  }
  floatAttr(type: Type, value: number, bits?: bigint): At.FloatAttr {
    // Values are held at their type's precision (a literal `215.3 : f16` is the f16 nearest to it).
    if (bits === undefined && type.kind === 'float') value = roundToKind(value, (type as Ty.FloatType).floatKind);
    // Object.is distinguishes -0 from 0; NaNs are keyed by their bit pattern.
    const v = Object.is(value, -0) ? '-0' : String(value);
    return this.attrs.get(`f:${type.id}:${v}:${bits ?? ''}`, (id) => new At.FloatAttr(id, type, value, bits));
  }
  stringAttr(value: string, type?: Type): At.StringAttr {
    return this.attrs.get(`s:${optId(type)}:${value}`, (id) => new At.StringAttr(id, value, type));
  }
  unitAttr(): At.UnitAttr {
    return this.attrs.get('unit', (id) => new At.UnitAttr(id));
  }
  arrayAttr(elements: readonly Attribute[]): At.ArrayAttr {
    return this.attrs.getPath('a', elements.map((e) => e.id), (id) => new At.ArrayAttr(id, [...elements]));
  }
  denseArrayAttr(elementType: Type, values: readonly number[] | readonly bigint[]): At.DenseArrayAttr {
    const key = `da:${elementType.id}:${values.map((v) => (Object.is(v, -0) ? '-0' : String(v))).join(',')}`;
    return this.attrs.get(key, (id) => new At.DenseArrayAttr(id, elementType, [...values] as number[] | bigint[]));
  }
  private emptyDict: At.DictionaryAttr | undefined;
  emptyDictionary(): At.DictionaryAttr {
    return (this.emptyDict ??= this.dictionaryAttr([]));
  }
  /** Entries are sorted by name; later duplicates must be rejected by the caller. */
  dictionaryAttr(entries: readonly At.NamedAttribute[]): At.DictionaryAttr {
    const sorted = entries.length < 2 ? entries : [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const path: (string | number)[] = new Array(sorted.length * 2);
    for (let i = 0; i < sorted.length; i++) {
      path[2 * i] = sorted[i].name;
      path[2 * i + 1] = sorted[i].value.id;
    }
    return this.attrs.getPath('d', path, (id) => new At.DictionaryAttr(id, [...sorted]));
  }
  typeAttr(type: Type): At.TypeAttr {
    return this.attrs.get(`t:${type.id}`, (id) => new At.TypeAttr(id, type));
  }
  symbolRefAttr(root: string, nested: readonly string[] = []): At.SymbolRefAttr {
    const key = `sym:${[root, ...nested].map((s) => `${s.length}:${s}`).join('')}`;
    return this.attrs.get(key, (id) => new At.SymbolRefAttr(id, root, [...nested]));
  }
  affineMapAttr(map: AffineMap): At.AffineMapAttr {
    return this.attrs.get(`am:${affineMapKey(map)}`, (id) => new At.AffineMapAttr(id, map));
  }
  integerSetAttr(set: IntegerSet): At.IntegerSetAttr {
    return this.attrs.get(`is:${integerSetKey(set)}`, (id) => new At.IntegerSetAttr(id, set));
  }
  denseElementsAttr(type: Type, values: readonly At.DenseScalar[], isSplat: boolean, hex?: string): At.DenseElementsAttr {
    const body = hex ?? values.map((v) => (Array.isArray(v) ? `(${String(v[0])},${String(v[1])})` : Object.is(v, -0) ? '-0' : String(v))).join(',');
    return this.attrs.get(`de:${type.id}:${isSplat ? 's' : 'n'}:${body}`, (id) => new At.DenseElementsAttr(id, type, values, isSplat, hex));
  }
  denseStringElementsAttr(type: Type, values: readonly string[], isSplat: boolean): At.DenseStringElementsAttr {
    const key = `ds:${type.id}:${isSplat ? 's' : 'n'}:${values.map((v) => `${v.length}:${v}`).join('')}`;
    return this.attrs.get(key, (id) => new At.DenseStringElementsAttr(id, type, [...values], isSplat));
  }
  denseResourceAttr(type: Type, handle: string): At.DenseResourceElementsAttr {
    return this.attrs.get(`dr:${type.id}:${handle}`, (id) => new At.DenseResourceElementsAttr(id, type, handle));
  }
  sparseElementsAttr(type: Type, indices: Attribute, values: Attribute): At.SparseElementsAttr {
    return this.attrs.get(`sp:${type.id}:${indices.id}:${values.id}`, (id) => new At.SparseElementsAttr(id, type, indices, values));
  }
  stridedLayoutAttr(strides: readonly number[], offset: number): At.StridedLayoutAttr {
    return this.attrs.get(`st:${strides.join(',')}:${offset}`, (id) => new At.StridedLayoutAttr(id, [...strides], offset));
  }
  /** A fresh distinct attribute (never equal to another one). */
  distinctAttr(referenced: Attribute): At.DistinctAttr {
    return this.attrs.get(`dist:${this.distinctCounter++}`, (id) => new At.DistinctAttr(id, referenced));
  }
  dialectAttr(
    dialect: string,
    mnemonic: string,
    body: string,
    params: readonly (Type | Attribute)[] = [],
    type?: Type,
    namespaceForm = false,
  ): At.DialectAttr {
    const key = `da${namespaceForm ? 'n' : ''}:${dialect}:${mnemonic}:${optId(type)}:${body.length}:${body}`;
    return this.attrs.get(key, (id) => new At.DialectAttr(id, dialect, mnemonic, body, [...params], type, namespaceForm));
  }

  // ---- locations ----------------------------------------------------------
  unknownLoc(): Loc.UnknownLoc {
    return this.attrs.get('loc:?', (id) => new Loc.UnknownLoc(id));
  }
  fileLineColLoc(file: string, line: number, col: number, endLine?: number, endCol?: number): Loc.FileLineColLoc {
    if (endLine === undefined && endCol === undefined) {
      // Hot path (one per parsed op). Per file, an array by line holds the line's one location, or a
      // map by column once a line has several: no key strings, no map per line, no boxed numbers.
      let byLine = this.pointLocs.get(file);
      if (!byLine) this.pointLocs.set(file, (byLine = []));
      const entry = byLine[line];
      if (entry instanceof Map) {
        let loc = entry.get(col);
        if (!loc) entry.set(col, (loc = this.makePointLoc(file, line, col)));
        return loc;
      }
      if (entry?.col === col) return entry;
      const loc = this.makePointLoc(file, line, col);
      byLine[line] = entry ? new Map([[entry.col, entry], [col, loc]]) : loc;
      return loc;
    }
    return this.uniqueFileLoc(file, line, col, endLine, endCol);
  }
  /** The uniquing table of point locations (ranges go through uniqueFileLoc). */
  private readonly pointLocs = new Map<string, (Loc.FileLineColLoc | Map<number, Loc.FileLineColLoc>)[]>();
  private makePointLoc(file: string, line: number, col: number): Loc.FileLineColLoc {
    return this.attrs.make((id) => new Loc.FileLineColLoc(id, file, line, col, undefined, undefined));
  }
  private uniqueFileLoc(file: string, line: number, col: number, endLine: number | undefined, endCol: number | undefined): Loc.FileLineColLoc {
    const key = `loc:f:${line}:${col}:${endLine ?? ''}:${endCol ?? ''}:${file}`;
    return this.attrs.get(key, (id) => new Loc.FileLineColLoc(id, file, line, col, endLine, endCol));
  }
  nameLoc(name: string, child?: Loc.Location): Loc.NameLoc {
    // `loc("x"(unknown))` and `loc("x")` are the same location.
    if (child?.locKind === 'unknown') child = undefined;
    return this.attrs.get(`loc:n:${optId(child)}:${name}`, (id) => new Loc.NameLoc(id, name, child));
  }
  callSiteLoc(callee: Loc.Location, caller: Loc.Location): Loc.CallSiteLoc {
    return this.attrs.get(`loc:c:${callee.id}:${caller.id}`, (id) => new Loc.CallSiteLoc(id, callee, caller));
  }
  fusedLoc(locations: readonly Loc.Location[], metadata?: Attribute): Loc.FusedLoc {
    return this.attrs.get(`loc:fu:${ids(locations)}:${optId(metadata)}`, (id) => new Loc.FusedLoc(id, [...locations], metadata));
  }
}
