/** ODS data model: the normalised op/constraint/enum schema and the predicate AST. */
export type * from './schema.js';
export type { Cmp, IntSignedness, Pred, PredKind } from './predicate.js';
export { TRUE, and, or, not, countUnknown, isFullyTranslated } from './predicate.js';
export { translateCPred, normalizeCpp } from './cpred.js';
export { evaluatePred, type EvaluateOptions, type RegionLike, type Subject, type Truth } from './evaluate.js';
export { buildClassTable, type ClassTable, type DialectClass } from './class-table.js';
export { translateTypeTransform, type TypeTransform } from './type-transform.js';
