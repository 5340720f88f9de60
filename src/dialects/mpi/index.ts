import { mpiOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The mpi dialect, from LLVM 22 ODS. */
export function mpiDialect(): Dialect {
  return defineOdsDialect(mpiOds);
}
export { mpiOds };
