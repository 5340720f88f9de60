/** The LLVM 22 ODS data of the `bufferization` dialect (generated; see scripts/gen-ods.ts). */
export { bufferizationOds } from './generated.js';
