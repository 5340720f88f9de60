import type { FormatElement } from '../syntax/index.js';
import type { CustomArg, FormatOp } from './format-op.js';

/** The variable a `type(...)`/`qualified(...)`/`ref(...)` argument names ('' if none). */
function variableName(e: FormatElement): string {
  if (e.kind === 'variable') return e.name;
  if (e.kind === 'type' || e.kind === 'qualified' || e.kind === 'ref') return variableName(e.arg);
  return '';
}

/** What a `custom<Name>(...)` argument refers to, for both directions of the format. */
export function customArgOf(f: FormatOp, a: FormatElement): CustomArg {
  switch (a.kind) {
    case 'variable': {
      const b = f.bound.variables[a.name];
      if (b?.kind === 'operand') return { kind: 'operand', name: a.name, index: b.index, variadic: f.ods.operands[b.index].kind !== 'single' };
      if (b?.kind === 'region') return { kind: 'region', name: a.name, index: b.index };
      return { kind: 'attribute', name: a.name };
    }
    case 'type': {
      const name = variableName(a.arg);
      const b = f.bound.variables[name];
      return b?.kind === 'result' ? { kind: 'resultType', name, index: b.index } : { kind: 'operandType', name, index: b?.index ?? 0 };
    }
    case 'ref':
      return { kind: 'ref', arg: customArgOf(f, a.arg) };
    case 'string':
      return { kind: 'string', value: a.value };
    default:
      return { kind: 'string', value: '' };
  }
}
