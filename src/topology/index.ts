/**
 * numaccl's topology layer: the machine model and its importers, the
 * latency–bandwidth cost model with schedules for every ccl collective, a
 * contention-aware simulator, and calibration. Plain data in and out; no
 * dependency on the IR (the `adapter/` folder alone reads MLIR modules).
 */
export * from './model/types.js';
export { parseCpuList, formatCpuList } from './model/cpulist.js';
export { validateTopology } from './model/validate.js';
export {
  EMBEDDED_TOPOLOGY_NAMES,
  DEFAULT_TOPOLOGY,
  isEmbeddedTopology,
  embeddedTopology,
  embeddedTopologyPath,
  loadTopology,
  parseTopologyJson,
  parseTopologyText,
  detectFormat,
  type EmbeddedTopologyName,
  type TopologyFormat,
} from './model/load.js';
export {
  routeBetween,
  shortestPath,
  pathClassOf,
  devicePathClass,
  deviceOfRank,
  deviceById,
  worldSize,
  numaOfEndpoint,
  resourceKey,
  linkLabel,
  classRank,
  type Hop,
  type Route,
} from './model/routes.js';
export { importHwlocXml, parseHwlocBitmap } from './import/hwloc.js';
export { importNumactl } from './import/numactl.js';
export { importSysfsNodes } from './import/sysfs.js';
export { importNvidiaSmi } from './import/nvidia-smi.js';
export * from './cost/schedule.js';
export { computeUs, transferUs, stageUs, scheduleUs, stageLoad, routeOf } from './cost/closed-form.js';
export { chooseRingOrder, socketCrossings } from './cost/ring-order.js';
export { buildFlat, FLAT_ALGORITHMS, type FlatAlgorithm } from './cost/algorithms/flat.js';
export { buildHierarchical, partitionByLevel, hierarchyDepth, bestFlatParallel } from './cost/algorithms/hierarchical.js';
export { buildLibrary } from './cost/algorithms/library.js';
export type { BuildContext } from './cost/algorithms/context.js';
export { costOf, chooseAlgorithm, scheduleFor, checkSpec, type CostEstimate, type Choice } from './cost/choose.js';
export { simulate, simulateSchedule } from './sim/simulator.js';
export { maxMinRates } from './sim/fair-share.js';
export { timelineSvg } from './sim/svg.js';
export type * from './sim/types.js';
export { fitAlphaBeta, scoreFit, collectiveShape, linkLevelFit, reducePerSize, type Sample, type Fit, type CollectiveShape, type PerSize } from './calibrate/fit.js';
export { readOsu, readNcclTests, readCsv, SampleFormatError, type OsuLog, type NcclTestsLog } from './calibrate/readers.js';
export { applyCalibration } from './calibrate/apply.js';
export { summarizeTopology } from './model/summary.js';
/** Fit α and BW to (bytes, µs) samples: the library face of `numaccl calibrate`. */
export { fitAlphaBeta as calibrate } from './calibrate/fit.js';
export { planHierarchy, hierarchyPays, chunkedUs, chooseStagingNode, type HierarchyPlan, type HierarchyDecision } from './cost/plan.js';
