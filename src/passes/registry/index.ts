export {
  camelCaseName,
  definePass,
  definePipeline,
  type PassDeclaration,
  type PassInfo,
  type PipelineDeclaration,
  type PipelineInfo,
  type RegistryEntry,
} from './pass-info.js';
export { PassRegistry, passRegistry, registerPass, registerPipeline } from './pass-registry.js';
export {
  addPassReference,
  emptyPipeline,
  resolvePipeline,
  type Nesting,
  type ResolvedElement,
  type ResolvedNest,
  type ResolvedPass,
  type ResolvedPipeline,
} from './resolve-pipeline.js';
export { dumpPipeline, formatResolvedElement, formatResolvedPass, formatResolvedPipeline } from './format-resolved.js';
export {
  entryHelp,
  entryOptionWidth,
  listPassesText,
  optionHelpLine,
  optionWidth,
  passesHelpSection,
  passesHelpWidth,
  passOptionHelp,
  passOptionWidth,
} from './help-text.js';
export { COMMAND_LINE_BUFFER, MIXED_PIPELINE_MESSAGE, pipelineFromArgs, type PipelineFlags, type ToolOptions } from './pipeline-flags.js';
export type { DiagnosticNoteInput, PassInstance, PassRunContext } from './pass-instance.js';
