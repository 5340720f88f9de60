import { shardOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import { dynamicIndexList } from '../common/dynamic-index-list.js';
import type { Dialect } from '../../ir/index.js';
import { dimensionList } from './dimension-list.js';

/** The shard dialect (LLVM 22's sharding and collective ops), from ODS. */
export function shardDialect(): Dialect {
  return defineOdsDialect(shardOds, {
    customDirectives: new Map([
      ['DimensionList', dimensionList],
      ['DynamicIndexList', dynamicIndexList],
    ]),
  });
}
export { shardOds };
