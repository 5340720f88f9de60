import { shardOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import { dynamicIndexList } from '../common/dynamic-index-list.js';
import type { OdsDialect, OdsOp } from '../../ir/ods/index.js';
import type { Dialect } from '../../ir/index.js';
import { dimensionList } from './dimension-list.js';
import { gridAxesArrayDirective, reductionKindDirective } from './attr-directives.js';
import { SHARD_VERIFIERS } from './verify.js';

/** Attribute constraints whose `$name` in a format is read through a shard directive. */
const DIRECTIVE_FOR: Readonly<Record<string, string>> = {
  Shard_ReductionKindAttr: 'ShardReductionKind',
  Shard_GridAxesArrayAttr: 'ShardGridAxesArray',
};

/** The op with `$attr` in its format replaced by `custom<Directive>($attr)` for those attributes. */
function withAttrDirectives(op: OdsOp): OdsOp {
  let format = op.assemblyFormat;
  if (!format) return op;
  for (const a of op.attributes) {
    const directive = DIRECTIVE_FOR[a.constraint];
    if (directive) format = format.replace(new RegExp(`\\$${a.name}\\b`, 'g'), `custom<${directive}>($${a.name})`);
  }
  return format === op.assemblyFormat ? op : { ...op, assemblyFormat: format };
}

const SHARD_ODS: OdsDialect = { ...shardOds, ops: shardOds.ops.map(withAttrDirectives) };

/** The shard dialect (LLVM 22's sharding and collective ops), from ODS plus ShardOps.cpp's verifiers. */
export function shardDialect(): Dialect {
  return defineOdsDialect(SHARD_ODS, {
    overrides: Object.fromEntries(Object.entries(SHARD_VERIFIERS).map(([name, verify]) => [name, { verify }])),
    customDirectives: new Map([
      ['DimensionList', dimensionList],
      ['DynamicIndexList', dynamicIndexList],
      ['ShardReductionKind', reductionKindDirective],
      ['ShardGridAxesArray', gridAxesArrayDirective],
    ]),
  });
}
export { shardOds };
