/** The LLVM 22 ODS data of the `builtin` dialect (generated; see scripts/gen-ods.ts). */
export { builtinOds } from './generated.js';
