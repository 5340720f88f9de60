/**
 * Running a scheduled pipeline on an op: passes in order, nested managers on
 * the ops directly inside (collected before running, so passes may rewrite
 * them), the verifier after each pass, and the first failure stopping the
 * run with its pass and op.
 */
import { DiagnosticError, type Diagnostic, type Operation } from '../../ir/index.js';
import type { ResolvedPass } from '../registry/index.js';
import type { PassInstrumentation } from './instrumentation.js';
import { diagnosticAt, PassRunRecorder } from './pass.js';
import { canScheduleOn, type ScheduledManager, type ScheduledPass } from './schedule.js';

export interface RunSettings {
  readonly instrumentation: PassInstrumentation;
  /** Verifier run after each pass; undefined disables verification. */
  readonly verifier?: (op: Operation) => readonly Diagnostic[];
}

/** Where and how a run stopped. */
export interface RunFailure {
  readonly pass?: ResolvedPass;
  readonly op: Operation;
  /** The pass threw something other than a DiagnosticError. */
  readonly crashed: boolean;
  /** The verifier rejected the pass's output. */
  readonly verifierFailed: boolean;
}

export interface RunOutcome {
  readonly diagnostics: Diagnostic[];
  failure?: RunFailure;
}

function symbolSuffix(op: Operation): string {
  const sym = op.getAttr('sym_name') as { value?: unknown } | undefined;
  return typeof sym?.value === 'string' ? `: @${sym.value}` : '';
}

/** MLIR's description of the failing execution: [`pass` on 'op' operation: @sym]. */
export function describeFailure(f: RunFailure): string {
  const what = f.pass ? f.pass.info.argument : 'pass manager';
  return `[\`${what}\` on '${f.op.name}' operation${symbolSuffix(f.op)}]`;
}

function runPass(item: ScheduledPass, op: Operation, s: RunSettings, out: RunOutcome): boolean {
  const rec = new PassRunRecorder(item.pass.info, item.pass.options);
  s.instrumentation.runBeforePass?.(item.pass, op);
  let crashed = false;
  try {
    item.instance.run(op, rec);
  } catch (e) {
    if (e instanceof DiagnosticError) rec.diagnostics.push(...e.diagnostics);
    else {
      crashed = true;
      const message = e instanceof Error ? e.message : String(e);
      rec.diagnostics.push(diagnosticAt(op, 'error', `pass '${item.pass.info.argument}' crashed: ${message}`));
    }
    rec.failed = true;
  }
  out.diagnostics.push(...rec.diagnostics);
  let verifierFailed = false;
  if (!rec.failed && s.verifier) {
    const errors = s.verifier(op).filter((d) => d.severity === 'error');
    if (errors.length) {
      out.diagnostics.push(...errors);
      verifierFailed = true;
    }
  }
  if (rec.failed || verifierFailed) {
    s.instrumentation.runAfterPassFailed?.(item.pass, op);
    out.failure = { pass: item.pass, op, crashed, verifierFailed };
    return false;
  }
  s.instrumentation.runAfterPass?.(item.pass, op);
  return true;
}

/** Runs `m` on `op`; returns false (with `out.failure` set) on the first failure. */
export function runManager(m: ScheduledManager, op: Operation, s: RunSettings, out: RunOutcome): boolean {
  for (const item of m.items) {
    if (item.kind === 'pass') {
      if (!runPass(item, op, s, out)) return false;
      continue;
    }
    const children: Operation[] = [];
    for (const region of op.regions) for (const block of region.blocks) for (const child of block.operations) children.push(child);
    for (const child of children) {
      const nested = item.managers.find((mgr) => canScheduleOn(mgr, child));
      if (!nested) continue;
      s.instrumentation.runBeforePipeline?.(nested.anchor, child);
      const ok = runManager(nested, child, s, out);
      s.instrumentation.runAfterPipeline?.(nested.anchor, child);
      if (!ok) return false;
    }
  }
  return true;
}

/** Runs the top-level manager, first checking it may run on `op` at all. */
export function runTopLevel(m: ScheduledManager, op: Operation, s: RunSettings): RunOutcome {
  const out: RunOutcome = { diagnostics: [] };
  if (m.anchor !== 'any' && m.anchor !== op.name) {
    out.diagnostics.push(diagnosticAt(op, 'error', `can't run '${m.anchor}' pass manager on '${op.name}' op`));
    out.failure = { op, crashed: false, verifierFailed: false };
    return out;
  }
  runManager(m, op, s, out);
  return out;
}
