/** Test helper: every generated dialect's ODS data, by name. */
import type { OdsDialect } from '../../src/ir/ods/index.js';
import { builtinOds } from '../../src/dialects/builtin/ods/index.js';
import { funcOds } from '../../src/dialects/func/ods/index.js';
import { arithOds } from '../../src/dialects/arith/ods/index.js';
import { tensorOds } from '../../src/dialects/tensor/ods/index.js';
import { tosaOds } from '../../src/dialects/tosa/ods/index.js';
import { mpiOds } from '../../src/dialects/mpi/ods/index.js';
import { shardOds } from '../../src/dialects/shard/ods/index.js';
import { bufferizationOds } from '../../src/dialects/bufferization/ods/index.js';
import { memrefOds } from '../../src/dialects/memref/ods/index.js';

export const ALL_DIALECTS: readonly OdsDialect[] = [
  builtinOds,
  funcOds,
  arithOds,
  tensorOds,
  tosaOds,
  mpiOds,
  shardOds,
  bufferizationOds,
  memrefOds,
];

export interface NamedFormat {
  readonly owner: string;
  readonly format: string;
  readonly context: 'op' | 'attrOrType';
}

/** Every assembly format string in the generated data (ops, attr/type defs, enum attrs). */
export function allFormats(): NamedFormat[] {
  const out: NamedFormat[] = [];
  for (const d of ALL_DIALECTS) {
    for (const op of d.ops) if (op.assemblyFormat) out.push({ owner: op.name, format: op.assemblyFormat, context: 'op' });
    for (const def of [...Object.values(d.attrDefs), ...Object.values(d.typeDefs)])
      if (def.assemblyFormat) out.push({ owner: `${d.name}:${def.def}`, format: def.assemblyFormat, context: 'attrOrType' });
    for (const e of Object.values(d.enums))
      if (e.attrAssemblyFormat) out.push({ owner: `${d.name}:${e.name}`, format: e.attrAssemblyFormat, context: 'attrOrType' });
  }
  return out;
}
