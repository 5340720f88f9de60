/**
 * `--mlir-print-ir-before/after(-all)`, `-after-change`, `-after-failure`
 * and `-module-scope`, with MLIR's banners:
 * `// -----// IR Dump After Canonicalizer (canonicalize) //----- //`.
 */
import { print, type Operation } from '../../ir/index.js';
import type { ResolvedPass } from '../registry/index.js';
import type { PassInstrumentation } from './instrumentation.js';

/** Which passes to print around: every pass, the named ones (by argument), or none. */
export type PassSelection = 'all' | ReadonlySet<string> | undefined;

export interface IRPrintingConfig {
  readonly before?: PassSelection;
  readonly after?: PassSelection;
  /** Print after a pass only when it changed the IR. */
  readonly afterOnlyChange?: boolean;
  /** Print after a pass only when it failed (then always, whatever `after` says). */
  readonly afterOnlyFailure?: boolean;
  /** Print the whole top-level op instead of the op the pass ran on. */
  readonly moduleScope?: boolean;
  /** Where the dumps go (mlir-opt writes them to stderr). */
  readonly write: (text: string) => void;
  /** How to print an op; the IR printer by default. */
  readonly printOp?: (op: Operation) => string;
}

function selected(sel: PassSelection, pass: ResolvedPass): boolean {
  if (sel === undefined) return false;
  return sel === 'all' || sel.has(pass.info.argument);
}

function topLevel(op: Operation): Operation {
  let top = op;
  while (top.parentOp) top = top.parentOp;
  return top;
}

export class IRPrinterInstrumentation implements PassInstrumentation {
  readonly #config: IRPrintingConfig;
  /** IR text before each running pass, for change detection (innermost last). */
  readonly #before: string[] = [];
  constructor(config: IRPrintingConfig) {
    this.#config = config;
  }

  #text(op: Operation): string {
    const target = this.#config.moduleScope ? topLevel(op) : op;
    return (this.#config.printOp ?? print)(target);
  }

  #dump(banner: string, pass: ResolvedPass, op: Operation, text = this.#text(op)): void {
    let scope = '';
    if (this.#config.moduleScope) {
      const sym = op.getAttr('sym_name') as { value?: unknown } | undefined;
      scope = ` ('${op.name}' operation${typeof sym?.value === 'string' ? `: @${sym.value}` : ''})`;
    }
    this.#config.write(`// -----// IR Dump ${banner} (${pass.info.argument})${scope} //----- //\n${text}\n`);
  }

  runBeforePass(pass: ResolvedPass, op: Operation): void {
    if (this.#config.afterOnlyChange) this.#before.push(this.#text(op));
    if (selected(this.#config.before, pass)) this.#dump(`Before ${pass.info.displayName}`, pass, op);
  }

  runAfterPass(pass: ResolvedPass, op: Operation): void {
    const previous = this.#config.afterOnlyChange ? this.#before.pop() : undefined;
    if (this.#config.afterOnlyFailure || !selected(this.#config.after, pass)) return;
    const text = this.#text(op);
    if (this.#config.afterOnlyChange && text === previous) return;
    this.#dump(`After ${pass.info.displayName}`, pass, op, text);
  }

  runAfterPassFailed(pass: ResolvedPass, op: Operation): void {
    if (this.#config.afterOnlyChange) this.#before.pop();
    if (this.#config.afterOnlyFailure || selected(this.#config.after, pass)) this.#dump(`After ${pass.info.displayName} Failed`, pass, op);
  }
}
