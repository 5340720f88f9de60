export type { FormatOp, CustomDirective, CustomArg, CustomParseState, CustomPrintValues } from './format-op.js';
export { printWithFormat } from './print.js';
export { parseWithFormat } from './parse.js';
export { operandGroups, resultGroups, segmentSizes, hasTrait } from './groups.js';
export { attrSpelling, parseFormatAttr, printFormatAttr, isDefaultValue, type AttrSpelling } from './attr-values.js';
export { applyTransformer } from './transformers.js';
export { propertyAccepts } from './property-conversion.js';
