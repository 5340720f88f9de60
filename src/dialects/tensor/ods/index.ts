/** The LLVM 22 ODS data of the `tensor` dialect (generated; see scripts/gen-ods.ts). */
export { tensorOds } from './generated.js';
