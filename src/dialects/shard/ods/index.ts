/** The LLVM 22 ODS data of the `shard` dialect (generated; see scripts/gen-ods.ts). */
export { shardOds } from './generated.js';
