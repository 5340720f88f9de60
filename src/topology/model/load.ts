/**
 * Load a topology by embedded name or from a file of any supported format
 * (JSON, hwloc XML, numactl --hardware, nvidia-smi topo -m) or a sysfs
 * node directory.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importHwlocXml } from '../import/hwloc.js';
import { importNumactl } from '../import/numactl.js';
import { importNvidiaSmi } from '../import/nvidia-smi.js';
import { importSysfsNodes } from '../import/sysfs.js';
import { jsonErrorPosition } from './json-position.js';
import { TopologyError, type Topology } from './types.js';
import { validateTopology } from './validate.js';

export const EMBEDDED_TOPOLOGY_NAMES = [
  'dual-socket-6dla',
  'dual-socket-8gpu-pcie',
  'single-socket-4gpu',
  'quad-socket-8dla',
  'dual-socket-nvlink-islands',
] as const;
export type EmbeddedTopologyName = (typeof EMBEDDED_TOPOLOGY_NAMES)[number];
export const DEFAULT_TOPOLOGY: EmbeddedTopologyName = 'dual-socket-6dla';

// src/topology/model and dist/topology/model are both three levels below the package root.
const examplesDir = fileURLToPath(new URL('../../../examples/topologies/', import.meta.url));
const embeddedCache = new Map<string, Topology>();

export function isEmbeddedTopology(name: string): name is EmbeddedTopologyName {
  return (EMBEDDED_TOPOLOGY_NAMES as readonly string[]).includes(name);
}

export function embeddedTopologyPath(name: EmbeddedTopologyName): string {
  return `${examplesDir}${name}.json`;
}

export function embeddedTopology(name: EmbeddedTopologyName): Topology {
  let t = embeddedCache.get(name);
  if (!t) {
    t = parseTopologyJson(readFileSync(embeddedTopologyPath(name), 'utf8'), `${name}.json`);
    embeddedCache.set(name, t);
  }
  return t;
}

/** JSON text to a validated topology; syntax errors name line and column. */
export function parseTopologyJson(text: string, source = 'topology.json'): Topology {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const pos = jsonErrorPosition(text);
    if (pos) throw new TopologyError('', `${source}:${pos.line}:${pos.col}: invalid JSON: ${pos.message}`);
    throw new TopologyError('', `${source}: invalid JSON: ${(e as Error).message}`);
  }
  try {
    return validateTopology(json);
  } catch (e) {
    if (e instanceof TopologyError) throw new TopologyError(e.field, e.detail, source);
    throw e;
  }
}

export type TopologyFormat = 'json' | 'hwloc' | 'numactl' | 'nvidia-smi';

export function detectFormat(text: string): TopologyFormat | undefined {
  const t = text.trimStart();
  if (t.startsWith('{')) return 'json';
  if (t.startsWith('<')) return 'hwloc';
  if (/^available:\s*\d+\s+nodes?/m.test(t)) return 'numactl';
  if (/\bGPU0\b/.test(t) && /^GPU0\t/m.test(text.replace(/\x1b\[[0-9;]*m/g, ''))) return 'nvidia-smi';
  return undefined;
}

export function parseTopologyText(text: string, source: string, format?: TopologyFormat): Topology {
  const f = format ?? detectFormat(text);
  switch (f) {
    case 'json':
      return parseTopologyJson(text, source);
    case 'hwloc':
      return importHwlocXml(text, source);
    case 'numactl':
      return importNumactl(text, source);
    case 'nvidia-smi':
      return importNvidiaSmi(text, source);
    default:
      throw new TopologyError('', `${source}: unknown topology format (expected JSON, hwloc XML, numactl --hardware or nvidia-smi topo -m)`);
  }
}

/** An embedded name, a file of any supported format, or a sysfs node directory. */
export function loadTopology(nameOrPath: string): Topology {
  if (isEmbeddedTopology(nameOrPath)) return embeddedTopology(nameOrPath);
  if (!existsSync(nameOrPath)) {
    throw new TopologyError('', `'${nameOrPath}' is neither a file nor an embedded topology (${EMBEDDED_TOPOLOGY_NAMES.join(', ')})`);
  }
  if (statSync(nameOrPath).isDirectory()) return importSysfsNodes(nameOrPath);
  return parseTopologyText(readFileSync(nameOrPath, 'utf8'), nameOrPath);
}
