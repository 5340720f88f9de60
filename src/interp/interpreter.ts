import type { FunctionType, Operation, StringAttr, SymbolRefAttr, TypeAttr, Value } from '../ir/index.js';
import { lookupSymbol } from '../dialects/func/index.js';
import type { Tensor } from './tensor.js';
import { generateInput } from './inputs.js';
import { InterpError, type Kernel } from './kernels/types.js';
import { TOSA_ELEMENTWISE } from './kernels/tosa-elementwise.js';
import { TOSA_STRUCTURED } from './kernels/tosa-structured.js';
import { ARITH } from './kernels/arith.js';
import { TENSOR } from './kernels/tensor-ops.js';
import { runCollective } from './collectives.js';

const KERNELS: ReadonlyMap<string, Kernel> = new Map([...TOSA_ELEMENTWISE, ...TOSA_STRUCTURED, ...ARITH, ...TENSOR]);

/** The ops the interpreter can execute (for generators and docs). */
export function interpretableOps(): string[] {
  return [...KERNELS.keys(), 'func.call', 'func.return', 'ccl.all_reduce', 'ccl.reduce_scatter', 'ccl.all_gather', 'ccl.all_to_all', 'ccl.broadcast', 'ccl.reduce', 'ccl.permute', 'ccl.wait'].sort();
}

/** A rank stopped at a collective, waiting for the others. */
interface Rendezvous {
  readonly op: Operation;
  readonly input: Tensor;
}

type RankRun = Generator<Rendezvous, Tensor[], Tensor>;

function* runFunction(fn: Operation, args: readonly Tensor[]): RankRun {
  const env = new Map<Value, Tensor>();
  const body = fn.regions[0]?.blocks[0];
  if (!body) throw new InterpError(fn, `function @${(fn.getAttr('sym_name') as StringAttr)?.value} has no body`);
  body.arguments.forEach((a, i) => env.set(a, args[i]));
  const get = (op: Operation, v: Value): Tensor => {
    const t = env.get(v);
    if (!t) throw new InterpError(op, `operand of '${op.name}' has no value (unsupported control flow?)`);
    return t;
  };
  for (const op of body.operations) {
    const operands = op.operands.map((v) => get(op, v));
    if (op.name === 'func.return') return operands;
    let results: Tensor[];
    if (op.name === 'func.call') {
      const callee = lookupSymbol(op, (op.getAttr('callee') as SymbolRefAttr).root);
      if (!callee) throw new InterpError(op, 'callee not found');
      results = yield* runFunction(callee, operands);
    } else if (op.name === 'ccl.wait') {
      results = operands;
    } else if (op.name.startsWith('ccl.')) {
      results = [yield { op, input: operands[0] }];
    } else {
      const k = KERNELS.get(op.name);
      if (!k) throw new InterpError(op, `the interpreter does not support '${op.name}'`);
      results = k(op, operands);
    }
    op.results.forEach((r, i) => env.set(r, results[i]));
  }
  throw new InterpError(fn, 'function body does not end in func.return');
}

export interface InterpretOptions {
  /** Number of SPMD ranks (default: the module's ccl.world_size, else 1). */
  ranks?: number;
  seed?: number;
  /** Function to run (default: the first public func.func). */
  entry?: string;
  /** Inputs per rank; generated from the seed and the signature when absent. */
  inputs?: readonly (readonly Tensor[])[];
}

export interface InterpretResult {
  readonly entry: string;
  readonly inputs: readonly (readonly Tensor[])[];
  /** Results per rank. */
  readonly results: readonly (readonly Tensor[])[];
}

function findEntry(module: Operation, name: string | undefined): Operation {
  const funcs = [...(module.regions[0]?.blocks[0]?.operations ?? [])].filter((o) => o.name === 'func.func' && o.regions[0]?.blocks.length);
  const fn = name ? funcs.find((f) => (f.getAttr('sym_name') as StringAttr).value === name) : funcs.find((f) => !f.getAttr('sym_visibility')) ?? funcs[0];
  if (!fn) throw new InterpError(undefined, name ? `no function named @${name} with a body` : 'the module has no function with a body');
  return fn;
}

/**
 * Run a module's function on all ranks in one process (SPMD): each rank runs
 * until its next collective; when every rank has reached it, the collective
 * is computed for all of them and they resume.
 */
export function interpret(module: Operation, options: InterpretOptions = {}): InterpretResult {
  const fn = findEntry(module, options.entry);
  const world = module.getAttr('ccl.world_size');
  const R = options.ranks ?? (world?.kind === 'integer' ? Number((world as unknown as { value: bigint }).value) : 1);
  const fnType = (fn.getAttr('function_type') as TypeAttr).value as FunctionType;
  const seed = options.seed ?? 0;
  const inputs = options.inputs ?? Array.from({ length: R }, (_, r) => fnType.inputs.map((t, i) => generateInput(t, seed, r, i)));
  const runs: RankRun[] = inputs.map((args) => runFunction(fn, args));
  const results: (Tensor[] | undefined)[] = new Array(R).fill(undefined);
  let pending: (Rendezvous | undefined)[] = runs.map((g) => {
    const s = g.next();
    return s.done ? ((results[runs.indexOf(g)] = s.value), undefined) : s.value;
  });
  for (;;) {
    const waiting = pending.map((p, r) => (p ? r : -1)).filter((r) => r >= 0);
    if (waiting.length === 0) break;
    const op = pending[waiting[0]]!.op;
    if (waiting.length !== R || waiting.some((r) => pending[r]!.op !== op)) {
      const where = waiting.map((r) => `rank ${r} at '${pending[r]!.op.name}'`).join(', ');
      throw new InterpError(op, `ranks disagree on the next collective (${where}; ${R - waiting.length} finished)`);
    }
    const outs = runCollective(op, pending.map((p) => p!.input));
    pending = runs.map((g, r) => {
      const s = g.next(outs[r]);
      if (s.done) {
        results[r] = s.value;
        return undefined;
      }
      return s.value;
    });
  }
  return { entry: (fn.getAttr('sym_name') as StringAttr).value, inputs, results: results.map((x) => x ?? []) };
}
