/**
 * Rewrite patterns, as MLIR's `RewritePattern`: a root op name (or none for
 * any op), a benefit (higher tries first), an optional label (for
 * canonicalize's `enable-patterns`/`disable-patterns`), and
 * `matchAndRewrite`, which returns true when it changed the IR (always
 * through the rewriter, so the driver sees every change).
 */
import type { Operation } from '../../ir/index.js';
import type { PatternRewriter } from './rewriter.js';

export interface RewritePattern {
  readonly rootName?: string;
  readonly benefit: number;
  readonly label: string;
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean;
}

export function definePattern(p: {
  rootName?: string;
  benefit?: number;
  label: string;
  matchAndRewrite: (op: Operation, rewriter: PatternRewriter) => boolean;
}): RewritePattern {
  return { ...(p.rootName !== undefined ? { rootName: p.rootName } : {}), benefit: p.benefit ?? 1, label: p.label, matchAndRewrite: p.matchAndRewrite };
}

/** Patterns indexed by root name, each list by decreasing benefit (stable). */
export class PatternSet {
  readonly #byRoot = new Map<string, RewritePattern[]>();
  readonly #anyOp: RewritePattern[] = [];

  constructor(patterns: Iterable<RewritePattern> = []) {
    for (const p of patterns) this.add(p);
  }

  add(p: RewritePattern): void {
    const list = p.rootName === undefined ? this.#anyOp : this.#byRoot.get(p.rootName) ?? [];
    list.push(p);
    list.sort((a, b) => b.benefit - a.benefit);
    if (p.rootName !== undefined) this.#byRoot.set(p.rootName, list);
  }

  /** Patterns that may apply to `op`, best first. */
  for(op: Operation): readonly RewritePattern[] {
    const specific = this.#byRoot.get(op.name);
    if (!this.#anyOp.length) return specific ?? [];
    return [...(specific ?? []), ...this.#anyOp].sort((a, b) => b.benefit - a.benefit);
  }

  /** Keeps the patterns whose label passes the enable/disable filters. */
  filtered(enable: readonly string[], disable: readonly string[]): PatternSet {
    const keep = (p: RewritePattern): boolean => (enable.length === 0 || enable.includes(p.label)) && !disable.includes(p.label);
    return new PatternSet([...[...this.#byRoot.values()].flat(), ...this.#anyOp].filter(keep));
  }

  get size(): number {
    let n = this.#anyOp.length;
    for (const l of this.#byRoot.values()) n += l.length;
    return n;
  }
}
