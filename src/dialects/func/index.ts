import { funcOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';
import { parseFunctionOp, printFunctionOp } from './function-syntax.js';
import { verifyCall, verifyConstant, verifyFunc, verifyReturn, lookupSymbol } from './verify.js';

/** The func dialect: func.func (custom syntax), call, call_indirect, constant, return. */
export function funcDialect(): Dialect {
  return defineOdsDialect(funcOds, {
    overrides: {
      'func.func': { parse: parseFunctionOp, print: printFunctionOp, verify: verifyFunc, defaultDialect: 'func' },
      'func.return': { verify: verifyReturn },
      'func.call': { verify: verifyCall },
      'func.constant': { verify: verifyConstant },
    },
  });
}
export { funcOds, parseFunctionOp, printFunctionOp, lookupSymbol };
