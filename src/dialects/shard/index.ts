import { shardOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The shard dialect, from LLVM 22 ODS. */
export function shardDialect(): Dialect {
  return defineOdsDialect(shardOds);
}
export { shardOds };
