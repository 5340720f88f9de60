import { arithOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect, Type } from '../../ir/index.js';
import { parseSelect, printSelect } from './select-syntax.js';
import { castOverrides } from './verify/casts.js';
import { verifyConstant, verifySelect } from './verify/constant-select.js';

/** The arith dialect, from LLVM 22 ODS plus its C++-only syntax and checks. */
export function arithDialect(): Dialect {
  return defineOdsDialect(arithOds, {
    overrides: {
      ...castOverrides(),
      'arith.select': { parse: parseSelect, print: printSelect, verify: verifySelect },
      'arith.constant': {
        inferResultTypes: (state) => {
          const v = state.properties.get('value') ?? state.attributes.get('value');
          const t = v && 'type' in v ? (v as { type?: Type }).type : undefined;
          return t ? [t] : undefined;
        },
        verify: verifyConstant,
      },
    },
  });
}
export { arithOds };
