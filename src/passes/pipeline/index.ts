export { ANY_ANCHOR, normalizeAnchor, type NestElement, type PassElement, type PassOptionsText, type PipelineAst, type PipelineElement } from './ast.js';
export { parseElementList, parsePipeline, WRAP_MESSAGE } from './parse-pipeline.js';
export { formatElement, formatOptionEntry, formatPipeline } from './print-pipeline.js';
export { elementFromPlain, pipelineFromPlain, plainElement, plainPipeline, type PlainElement, type PlainEntry, type PlainPipeline } from './strip-locations.js';
