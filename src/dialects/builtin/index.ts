import { builtinOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The builtin dialect: `builtin.module` and `builtin.unrealized_conversion_cast`. */
export function builtinDialect(): Dialect {
  return defineOdsDialect(builtinOds);
}
export { builtinOds };
