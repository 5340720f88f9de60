import { funcOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect, OpDefinition } from '../../ir/index.js';
import { parseFunctionOp, printFunctionOp } from './function-syntax.js';
import { verifyCallSymbolUses, verifyConstantSymbolUses, verifyFunc, verifyReturn, lookupSymbol } from './verify.js';

/** Symbol-use verifiers (SymbolUserOpInterface), run by the verifier's symbol-table phase. */
const SYMBOL_USES: Readonly<Record<string, OpDefinition['verifySymbolUses']>> = {
  'func.call': verifyCallSymbolUses,
  'func.constant': verifyConstantSymbolUses,
};

/** The func dialect: func.func (custom syntax), call, call_indirect, constant, return. */
export function funcDialect(): Dialect {
  const dialect = defineOdsDialect(funcOds, {
    overrides: {
      'func.func': { parse: parseFunctionOp, print: printFunctionOp, verify: verifyFunc, defaultDialect: 'func' },
      'func.return': { verify: verifyReturn },
    },
  });
  const ops = new Map<string, OpDefinition>();
  for (const [name, def] of dialect.ops) {
    const verifySymbolUses = SYMBOL_USES[name];
    ops.set(name, verifySymbolUses ? { ...def, verifySymbolUses } : def);
  }
  return { ...dialect, ops };
}
export { funcOds, parseFunctionOp, printFunctionOp, lookupSymbol };
