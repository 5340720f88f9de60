import { tensorOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import { dynamicIndexList } from '../common/dynamic-index-list.js';
import type { Dialect } from '../../ir/index.js';

/** The tensor dialect, from LLVM 22 ODS. */
export function tensorDialect(): Dialect {
  return defineOdsDialect(tensorOds, {
    customDirectives: new Map([['DynamicIndexList', dynamicIndexList]]),
  });
}
export { tensorOds };
