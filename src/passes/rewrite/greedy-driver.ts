/**
 * The greedy pattern rewrite driver, after MLIR's
 * `applyPatternsGreedily`: a worklist of every op nested in the regions
 * (pre-order and popped in order when top-down, post-order otherwise);
 * each op is erased if trivially dead, else folded (constants materialized,
 * uniqued and hoisted), else offered to the patterns rooted at it, best
 * first. Changes put the affected ops back on the worklist. Rounds repeat
 * until nothing changes or `maxIterations` is reached; `maxNumRewrites`
 * caps pattern applications per round.
 */
import type { Attribute, Operation, Region, Value } from '../../ir/index.js';
import { ConstantFolder } from './constant-folder.js';
import { constantOf, constantValue, foldRegistry, isValue } from './folding.js';
import type { PatternSet } from './pattern.js';
import { PatternRewriter, type RewriteListener } from './rewriter.js';
import { isOpTriviallyDead } from './side-effects.js';
import { simplifyRegions } from './region-simplify.js';

export interface GreedyConfig {
  /** Rounds over the whole IR; -1 for no limit (MLIR's default is 10). */
  readonly maxIterations?: number;
  /** Pattern applications per round; -1 for no limit. */
  readonly maxNumRewrites?: number;
  readonly topDown?: boolean;
  readonly fold?: boolean;
  readonly cseConstants?: boolean;
  readonly regionSimplify?: 'disabled' | 'normal' | 'aggressive';
}

export interface GreedyResult {
  /** Whether the last round changed nothing. */
  readonly converged: boolean;
  readonly changed: boolean;
  readonly rounds: number;
}

class Worklist {
  readonly #list: (Operation | null)[] = [];
  readonly #index = new Map<Operation, number>();
  push(op: Operation): void {
    if (this.#index.has(op)) return;
    this.#index.set(op, this.#list.length);
    this.#list.push(op);
  }
  pop(): Operation | undefined {
    while (this.#list.length) {
      const op = this.#list.pop()!;
      if (op) {
        this.#index.delete(op);
        return op;
      }
    }
    return undefined;
  }
  remove(op: Operation): void {
    const i = this.#index.get(op);
    if (i === undefined) return;
    this.#list[i] = null;
    this.#index.delete(op);
  }
  reverse(): void {
    this.#list.reverse();
    this.#index.clear();
    this.#list.forEach((op, i) => op && this.#index.set(op, i));
  }
  get empty(): boolean {
    return this.#index.size === 0;
  }
}

class Driver implements RewriteListener {
  readonly worklist = new Worklist();
  readonly folder = new ConstantFolder();
  readonly rewriter = new PatternRewriter(this);
  readonly erased = new Set<Operation>();
  constructor(
    readonly patterns: PatternSet,
    readonly config: Required<GreedyConfig>,
  ) {}

  #addOperandDefs(op: Operation): void {
    for (const v of op.operands) {
      const def = v.definingOp;
      if (def && !this.erased.has(def)) this.worklist.push(def);
    }
  }

  notifyOperationInserted(op: Operation): void {
    if (this.config.cseConstants && constantValue(op) && this.folder.insertKnownConstant(op, this.rewriter) !== op) return;
    this.worklist.push(op);
  }
  notifyOperationModified(op: Operation): void {
    this.worklist.push(op);
  }
  notifyOperationReplaced(op: Operation, values: readonly Value[]): void {
    for (const r of op.results) for (const use of r.uses()) this.worklist.push(use.owner);
    void values;
  }
  notifyOperationErased(op: Operation): void {
    this.#addOperandDefs(op);
    this.worklist.remove(op);
    this.folder.notifyRemoval(op);
    this.erased.add(op);
  }

  populate(regions: readonly Region[]): void {
    const visit = (op: Operation): 'skip' | undefined => {
      if (this.config.cseConstants && constantValue(op) && this.folder.insertKnownConstant(op, this.rewriter) !== op) return 'skip';
      this.worklist.push(op);
      return undefined;
    };
    const ops: Operation[] = [];
    for (const r of regions) for (const b of r.blocks) for (const op of b.operations) ops.push(op);
    if (this.config.topDown) {
      for (const op of ops) op.walk((o) => visit(o), 'pre');
      this.worklist.reverse();
    } else {
      for (const op of ops) op.walk((o) => void visit(o), 'post');
    }
  }

  #tryFold(op: Operation): boolean {
    const folder = foldRegistry.folderFor(op);
    if (!folder) return false;
    const operands = op.operands.map((v): Attribute | undefined => constantOf(v));
    const results = folder(op, operands);
    if (results === undefined) return false;
    if (results === 'in-place') {
      this.notifyOperationModified(op);
      return true;
    }
    const values: Value[] = [];
    const created: Operation[] = [];
    for (let i = 0; i < results.length; ++i) {
      const r = results[i];
      if (isValue(r)) {
        values.push(r);
        continue;
      }
      const known = this.folder.lookup(op, op.dialect, r, op.results[i].type);
      const c = known ?? this.folder.getOrCreateConstant(op, op.dialect, r, op.results[i].type, this.rewriter);
      if (c && !known) this.worklist.push(c);
      if (!c) {
        for (const x of created) if (!x.results.some((res) => res.hasUses)) this.rewriter.eraseOp(x);
        return false;
      }
      created.push(c);
      values.push(c.results[0]);
    }
    this.rewriter.replaceOp(op, values);
    return true;
  }

  /** One round over the worklist; returns whether anything changed. */
  process(): boolean {
    let changed = false;
    let rewrites = 0;
    const limit = this.config.maxNumRewrites;
    for (let op = this.worklist.pop(); op; op = this.worklist.pop()) {
      if (limit >= 0 && rewrites >= limit) break;
      if (this.erased.has(op) || !op.parentBlock) continue;
      if (isOpTriviallyDead(op)) {
        this.rewriter.eraseOp(op);
        changed = true;
        continue;
      }
      if (this.config.fold && !op.hasTrait('ConstantLike') && this.#tryFold(op)) {
        changed = true;
        continue;
      }
      for (const p of this.patterns.for(op)) {
        this.rewriter.setInsertionPoint(op);
        if (p.matchAndRewrite(op, this.rewriter)) {
          changed = true;
          rewrites++;
          break;
        }
      }
    }
    return changed;
  }
}

/** Applies `patterns` (and folding) greedily to everything nested in `regions`. */
export function applyPatternsGreedily(regions: readonly Region[], patterns: PatternSet, config: GreedyConfig = {}): GreedyResult {
  const full: Required<GreedyConfig> = {
    maxIterations: config.maxIterations ?? 10,
    maxNumRewrites: config.maxNumRewrites ?? -1,
    topDown: config.topDown ?? true,
    fold: config.fold ?? true,
    cseConstants: config.cseConstants ?? true,
    regionSimplify: config.regionSimplify ?? 'normal',
  };
  let rounds = 0;
  let changed = false;
  let anyChange = false;
  const driver = new Driver(patterns, full);
  do {
    if (full.maxIterations >= 0 && rounds >= full.maxIterations) break;
    rounds++;
    driver.populate(regions);
    changed = driver.process();
    if (full.regionSimplify !== 'disabled') changed = simplifyRegions(regions, driver.rewriter) || changed;
    anyChange ||= changed;
  } while (changed);
  return { converged: !changed, changed: anyChange, rounds };
}
