/** `numaccl topo`: import, show, validate and list machine topologies. */
import { readFileSync } from 'node:fs';
import {
  EMBEDDED_TOPOLOGY_NAMES,
  TopologyError,
  importHwlocXml,
  importNumactl,
  importNvidiaSmi,
  importSysfsNodes,
  loadTopology,
  worldSize,
  type Topology,
} from '../../topology/index.js';
import { summarizeTopology } from '../../topology/model/summary.js';
import { bool, parseArgs, str, UsageError } from '../topology-support/args.js';
import { guarded, out, writeAtomic } from '../topology-support/io.js';

export const summary = 'import, show, validate or list machine topologies';

const USAGE = `usage: numaccl topo import (--hwloc F | --numactl F | --sysfs DIR | --nvidia-smi F) [--name N] [-o OUT]
       numaccl topo show T [--json]
       numaccl topo validate T
       numaccl topo list

T is an embedded topology (${EMBEDDED_TOPOLOGY_NAMES.join(', ')}), a topology JSON
file, an hwloc XML / numactl --hardware / nvidia-smi topo -m file, or a sysfs
node directory. Imported values the source does not give (bandwidths, device
memory) are numaccl defaults: edit them or run 'numaccl calibrate'.
`;

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new TopologyError('', `cannot read '${path}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function doImport(argv: readonly string[]): number {
  const p = parseArgs(argv, {
    hwloc: { type: 'string' }, numactl: { type: 'string' }, sysfs: { type: 'string' }, 'nvidia-smi': { type: 'string' },
    name: { type: 'string' }, output: { type: 'string', short: 'o' },
  });
  if (p.positional.length > 0) throw new UsageError(`unexpected argument '${p.positional[0]}'`);
  const sources = ['hwloc', 'numactl', 'sysfs', 'nvidia-smi'].filter((k) => p.flags.has(k));
  if (sources.length !== 1) throw new UsageError('give exactly one of --hwloc, --numactl, --sysfs, --nvidia-smi');
  const src = str(p, sources[0])!;
  let t: Topology;
  switch (sources[0]) {
    case 'hwloc': t = importHwlocXml(readText(src), src); break;
    case 'numactl': t = importNumactl(readText(src), src); break;
    case 'nvidia-smi': t = importNvidiaSmi(readText(src), src); break;
    default: t = importSysfsNodes(src);
  }
  if (str(p, 'name')) t = { ...t, name: str(p, 'name')! };
  const json = JSON.stringify({ $schema: 'https://numaccl.dev/schemas/topology.schema.json', ...t }, null, 2) + '\n';
  const o = str(p, 'output');
  if (o) {
    writeAtomic(o, json);
    out(`wrote ${o}: ${t.numa_nodes.length} NUMA nodes, ${t.devices.length} devices, ${t.links.length} links\n`);
  } else out(json);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  return guarded('topo', USAGE, () => {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === '--help' || sub === '-h') {
      out(USAGE);
      return sub === undefined ? 1 : 0;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      out(USAGE);
      return 0;
    }
    switch (sub) {
      case 'import':
        return doImport(rest);
      case 'show': {
        const p = parseArgs(rest, { json: { type: 'boolean' } });
        if (p.positional.length !== 1) throw new UsageError('topo show takes one topology');
        const t = loadTopology(p.positional[0]);
        out(bool(p, 'json') ? JSON.stringify(t, null, 2) + '\n' : summarizeTopology(t));
        return 0;
      }
      case 'validate': {
        const p = parseArgs(rest, {});
        if (p.positional.length !== 1) throw new UsageError('topo validate takes one topology');
        const t = loadTopology(p.positional[0]);
        out(`${p.positional[0]}: ok: '${t.name}', ${t.numa_nodes.length} NUMA nodes, ${t.devices.length} devices, ${t.links.length} links, ${worldSize(t)} ranks\n`);
        return 0;
      }
      case 'list':
        out(EMBEDDED_TOPOLOGY_NAMES.join('\n') + '\n');
        return 0;
      default:
        throw new UsageError(`unknown subcommand '${sub}'`);
    }
  });
}
