import type { Type } from '../types/type.js';
import { Value } from '../core/value.js';
import type { Operation } from '../core/operation.js';
import type { Block } from '../core/block.js';
import { ParseError, type ParserState } from './state.js';

/** A value used before its definition; replaced when the definition appears. */
export class ForwardRef extends Value {
  constructor(type: Type, readonly name: string, readonly offset: number) {
    super(type);
  }
  get definingOp(): Operation | undefined {
    return undefined;
  }
  get parentBlock(): Block | undefined {
    return undefined;
  }
}

/** `%name` and `#N` of a use, with where it was written. */
export interface UnresolvedOperand {
  readonly name: string;
  readonly number: number;
  readonly offset: number;
}

interface Definition {
  values: Value[];
  offset: number;
}

/** One IsolatedFromAbove scope: its names, its pending forward refs. */
class IsolatedScope {
  readonly values = new Map<string, Definition>();
  readonly forwardRefs = new Map<string, ForwardRef>();
  /** Names defined per nested (non-isolated) region, removed when the region ends. */
  readonly regionDefs: string[][] = [[]];
}

/** Block labels of one region. */
export class BlockScope {
  readonly blocks = new Map<string, { block: Block; defined: boolean; offset: number }>();
}

/** SSA name resolution with MLIR's scoping rules and forward references. */
export class SsaScopes {
  private readonly scopes: IsolatedScope[] = [];

  constructor(private readonly p: ParserState) {}

  pushRegion(isolated: boolean): void {
    if (isolated || this.scopes.length === 0) this.scopes.push(new IsolatedScope());
    else this.top.regionDefs.push([]);
  }

  /** Leave a region; at an isolated boundary unresolved forward references are errors. */
  popRegion(isolated: boolean): void {
    const top = this.top;
    if (isolated) {
      // MLIR reports every use that stayed undeclared, in source order, once the scope is done.
      const refs = [...top.forwardRefs.values()].sort((a, b) => a.offset - b.offset);
      if (refs.length > 0) {
        const errors = refs.map((r) => new ParseError(r.offset, 'use of undeclared SSA value name'));
        throw new ParseError(errors[errors.length - 1].offset, errors[errors.length - 1].message, [], errors.slice(0, -1));
      }
      this.scopes.pop();
      return;
    }
    const names = top.regionDefs.pop()!;
    for (const n of names) top.values.delete(n);
  }

  private get top(): IsolatedScope {
    return this.scopes[this.scopes.length - 1];
  }

  /** Define `%name` (all results of one op, or one block argument). */
  define(name: string, values: Value[], offset: number): void {
    const top = this.top;
    const existing = top.values.get(name);
    if (existing) {
      this.p.failWithNotes(`redefinition of SSA value '${name}'`, offset, [{ offset: existing.offset, message: 'previously defined here' }]);
    }
    top.values.set(name, { values, offset });
    top.regionDefs[top.regionDefs.length - 1].push(name);
    if (top.forwardRefs.size === 0) return;
    // Resolve forward references to any of these values.
    for (let i = 0; i < values.length; i++) {
      const key = `${name}#${i}`;
      const ref = top.forwardRefs.get(key);
      if (!ref) continue;
      if (ref.type !== values[i].type) {
        this.p.fail(`definition of SSA value '${name}#${i}' has type '${typeText(this.p, values[i].type)}'`, offset);
      }
      ref.replaceAllUsesWith(values[i]);
      top.forwardRefs.delete(key);
    }
    // A forward reference to a result number beyond what was defined.
    for (const [key, ref] of top.forwardRefs) {
      if (key.startsWith(`${name}#`)) this.p.fail(`operation defines ${values.length} results but was provided ${ref.name}`, ref.offset);
    }
  }

  /** Resolve a use to a value of `type` (or a forward reference). */
  resolve(u: UnresolvedOperand, type: Type): Value {
    const top = this.top;
    const def = top.values.get(u.name);
    if (def) {
      if (u.number >= def.values.length) {
        this.p.fail(`reference to invalid result number`, u.offset);
      }
      const v = def.values[u.number];
      if (v.type !== type) {
        this.p.failWithNotes(`use of value '${u.name}' expects different type than prior uses: '${typeText(this.p, type)}' vs '${typeText(this.p, v.type)}'`, u.offset, [
          { offset: def.offset, message: 'prior use here' },
        ]);
      }
      return v;
    }
    const key = `${u.name}#${u.number}`;
    const existing = top.forwardRefs.get(key);
    if (existing) {
      if (existing.type !== type) {
        this.p.failWithNotes(`use of value '${u.name}' expects different type than prior uses: '${typeText(this.p, type)}' vs '${typeText(this.p, existing.type)}'`, u.offset, [
          { offset: existing.offset, message: 'prior use here' },
        ]);
      }
      return existing;
    }
    const ref = new ForwardRef(type, u.number > 0 ? `${u.name}#${u.number}` : u.name, u.offset);
    top.forwardRefs.set(key, ref);
    return ref;
  }

  /** Where `%name` is defined, or first used ahead of its definition, in the current scope. */
  definedAt(name: string): number | undefined {
    if (this.scopes.length === 0) return undefined;
    return this.top.values.get(name)?.offset ?? this.top.forwardRefs.get(`${name}#0`)?.offset;
  }

  /** Is `%name` visible already (for custom parsers that need the type of a prior value)? */
  lookup(u: UnresolvedOperand): Value | undefined {
    return this.top.values.get(u.name)?.values[u.number];
  }
}

function typeText(p: ParserState, t: Type): string {
  return p.printType ? p.printType(t) : t.kind;
}
