export { verify, Verifier } from './verifier.js';
export { RegionDominance } from './dominance.js';
