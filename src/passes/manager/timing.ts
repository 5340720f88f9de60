/**
 * `--mlir-timing`: a tree of named timers (siblings with the same name merge,
 * as repeated nested pipelines do in MLIR) and MLIR's execution time report,
 * in its `tree` or `list` display.
 */
import { performance } from 'node:perf_hooks';
import type { Operation } from '../../ir/index.js';
import type { ResolvedPass } from '../registry/index.js';
import type { PassInstrumentation } from './instrumentation.js';

export class Timer {
  wallMs = 0;
  userMs = 0;
  readonly children = new Map<string, Timer>();
  constructor(readonly name: string) {}

  child(name: string): Timer {
    let t = this.children.get(name);
    if (!t) this.children.set(name, (t = new Timer(name)));
    return t;
  }
}

const cpuMs = (): number => process.cpuUsage().user / 1000;

/** Nested timing with start/stop; the root measures from construction to `finish()`. */
export class TimingManager {
  readonly root = new Timer('root');
  readonly #stack: { timer: Timer; wall: number; user: number }[] = [];
  #rootStart = { wall: performance.now(), user: cpuMs() };
  #finished = false;

  start(name: string): void {
    const parent = this.#stack.length ? this.#stack[this.#stack.length - 1].timer : this.root;
    this.#stack.push({ timer: parent.child(name), wall: performance.now(), user: cpuMs() });
  }

  stop(): void {
    const top = this.#stack.pop();
    if (!top) return;
    top.timer.wallMs += performance.now() - top.wall;
    top.timer.userMs += cpuMs() - top.user;
  }

  /** Times `f` under `name` (for the tool's Parser / Output phases). */
  time<T>(name: string, f: () => T): T {
    this.start(name);
    try {
      return f();
    } finally {
      this.stop();
    }
  }

  finish(): void {
    if (this.#finished) return;
    while (this.#stack.length) this.stop();
    this.root.wallMs = performance.now() - this.#rootStart.wall;
    this.root.userMs = cpuMs() - this.#rootStart.user;
    this.#finished = true;
  }

  restart(): void {
    this.#rootStart = { wall: performance.now(), user: cpuMs() };
    this.#finished = false;
  }
}

export class TimingInstrumentation implements PassInstrumentation {
  constructor(readonly timing: TimingManager) {}
  runBeforePipeline(anchor: string, _op: Operation): void {
    this.timing.start(`'${anchor}' Pipeline`);
  }
  runAfterPipeline(): void {
    this.timing.stop();
  }
  runBeforePass(pass: ResolvedPass, _op: Operation): void {
    this.timing.start(pass.info.displayName);
  }
  runAfterPass(): void {
    this.timing.stop();
  }
  runAfterPassFailed(): void {
    this.timing.stop();
  }
}

const RULE = '===' + '-'.repeat(73) + '===';

function column(ms: number, totalMs: number): string {
  const pct = totalMs > 0 ? (ms / totalMs) * 100 : 0;
  return `${(ms / 1000).toFixed(4)} (${pct.toFixed(1).padStart(5)}%)`;
}

function row(t: { userMs: number; wallMs: number }, total: Timer, name: string, depth: number): string {
  return `    ${column(t.userMs, total.userMs)}    ${column(t.wallMs, total.wallMs)}  ${'  '.repeat(depth)}${name}\n`;
}

function treeRows(t: Timer, total: Timer, depth: number): string {
  let out = '';
  for (const c of t.children.values()) out += row(c, total, c.name, depth) + treeRows(c, total, depth + 1);
  return out;
}

function listRows(root: Timer): string {
  const merged = new Map<string, { userMs: number; wallMs: number }>();
  const visit = (t: Timer): void => {
    for (const c of t.children.values()) {
      const m = merged.get(c.name) ?? { userMs: 0, wallMs: 0 };
      m.userMs += c.userMs;
      m.wallMs += c.wallMs;
      merged.set(c.name, m);
      visit(c);
    }
  };
  visit(root);
  return [...merged].sort((a, b) => b[1].wallMs - a[1].wallMs).map(([name, t]) => row(t, root, name, 0)).join('');
}

/** MLIR's "Execution time report" for the finished `timing`. */
export function timingReport(timing: TimingManager, display: 'tree' | 'list' = 'tree'): string {
  timing.finish();
  const root = timing.root;
  let covered = { userMs: 0, wallMs: 0 };
  for (const c of root.children.values()) covered = { userMs: covered.userMs + c.userMs, wallMs: covered.wallMs + c.wallMs };
  const rest = { userMs: Math.max(0, root.userMs - covered.userMs), wallMs: Math.max(0, root.wallMs - covered.wallMs) };
  let out = `${RULE}\n${' '.repeat(25)}... Execution time report ...\n${RULE}\n`;
  out += `  Total Execution Time: ${(root.wallMs / 1000).toFixed(4)} seconds\n\n`;
  out += '  ----User Time----  ----Wall Time----  ----Name----\n';
  out += display === 'tree' ? treeRows(root, root, 0) : row(root, root, 'root', 0) + listRows(root);
  out += row(rest, root, 'Rest', 0);
  out += row(root, root, 'Total', 0);
  return out;
}
