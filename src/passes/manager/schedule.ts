/**
 * The executable form of a pipeline: passes instantiated, and adjacent
 * nested pass managers merged into one adaptor (as MLIR's pass manager does
 * before running), so `func.func(a),func.func(b)` visits each function once
 * and runs `a` then `b` on it.
 */
import type { Operation } from '../../ir/index.js';
import type { ResolvedElement, ResolvedPass, ResolvedPipeline } from '../registry/index.js';
import { isPassInstance, type PassInstance } from './pass.js';

export interface ScheduledPass {
  readonly kind: 'pass';
  readonly pass: ResolvedPass;
  readonly instance: PassInstance;
}

/** Runs each nested manager on the ops directly inside the current op that it can be scheduled on. */
export interface ScheduledAdaptor {
  readonly kind: 'adaptor';
  readonly managers: ScheduledManager[];
}

export interface ScheduledManager {
  readonly anchor: string;
  readonly items: (ScheduledPass | ScheduledAdaptor)[];
}

export class PassCreationError extends Error {}

function instantiate(pass: ResolvedPass): PassInstance {
  const create = pass.info.create;
  if (!create) throw new PassCreationError(`pass '${pass.info.argument}' is registered without an implementation`);
  const instance = create(pass.options as never);
  if (!isPassInstance(instance)) throw new PassCreationError(`pass '${pass.info.argument}' did not create a runnable pass`);
  return instance;
}

/** Instantiates every pass and merges adjacent nests. Throws `PassCreationError` for passes without implementation. */
export function schedule(p: { readonly anchor: string; readonly elements: readonly ResolvedElement[] }): ScheduledManager {
  const items: (ScheduledPass | ScheduledAdaptor)[] = [];
  for (const el of p.elements) {
    if (el.kind === 'pass') {
      items.push({ kind: 'pass', pass: el, instance: instantiate(el) });
      continue;
    }
    const nested = schedule(el);
    const last = items[items.length - 1];
    if (last?.kind === 'adaptor') {
      const same = last.managers.find((m) => m.anchor === nested.anchor);
      if (same) same.items.push(...nested.items);
      else last.managers.push(nested);
    } else items.push({ kind: 'adaptor', managers: [nested] });
  }
  return { anchor: p.anchor, items };
}

/** MLIR's `canScheduleOn`: op-specific managers match by name; `any` needs an isolated op every pass accepts. */
export function canScheduleOn(m: ScheduledManager, op: Operation): boolean {
  if (m.anchor !== 'any') return m.anchor === op.name;
  if (!op.isRegistered || !op.hasTrait('IsolatedFromAbove')) return false;
  return m.items.every((it) => it.kind === 'adaptor' || it.pass.info.anchor === undefined || it.pass.info.anchor === op.name);
}

export function scheduleResolved(p: ResolvedPipeline): ScheduledManager {
  return schedule(p);
}
