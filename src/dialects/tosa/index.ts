import { tosaOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The tosa dialect, from LLVM 22 ODS. */
export function tosaDialect(): Dialect {
  return defineOdsDialect(tosaOds);
}
export { tosaOds };
