export { PipelineError, PIPELINE_BUFFER_NAME, lineAndColumn, renderLocated, type PipelineNote } from './pipeline-error.js';
export { closestNames, editDistance } from './closest-names.js';
