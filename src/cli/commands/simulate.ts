/** `numaccl simulate FILE`: discrete-event simulation of the module on a topology. */
import { defaultChooser, simTasksOf } from '../../topology/adapter/index.js';
import { simulate, timelineSvg } from '../../topology/index.js';
import { bool, parseArgs, str, UsageError } from '../topology-support/args.js';
import { guarded, out, writeAtomic } from '../topology-support/io.js';
import { loadInputs } from '../topology-support/module.js';

export const summary = 'simulate a module on a topology (makespan, link utilisation, timeline)';

const USAGE = `usage: numaccl simulate FILE [--topology T] [--json] [--timeline OUT.svg] [--streams N]

Simulates the module's collectives (each with its 'algorithm' attribute, or
the cheapest) and compute ops on every rank, with max-min fair link sharing
and at most N collectives in flight per device (default 2).
`;

export async function main(argv: readonly string[]): Promise<number> {
  return guarded('simulate', USAGE, async () => {
    if (argv.includes('--help') || argv.includes('-h')) return (out(USAGE), 0);
    const p = parseArgs(argv, {
      topology: { type: 'string', short: 't' }, json: { type: 'boolean' }, timeline: { type: 'string' }, streams: { type: 'string' },
    });
    const streams = str(p, 'streams') === undefined ? 2 : Number(str(p, 'streams'));
    if (!Number.isInteger(streams) || streams < 1) throw new UsageError(`--streams must be a positive integer, got '${str(p, 'streams')}'`);
    const { mod, topo } = await loadInputs(p.positional[0], str(p, 'topology'));
    const { tasks } = simTasksOf(mod, topo, defaultChooser(topo));
    const result = simulate(topo, tasks, { streamsPerDevice: streams });
    const svgPath = str(p, 'timeline');
    if (svgPath) writeAtomic(svgPath, timelineSvg(result, `${p.positional[0]} on ${topo.name}`));
    if (bool(p, 'json')) {
      out(JSON.stringify({ topology: topo.name, ...result }, null, 2) + '\n');
      return 0;
    }
    out(`topology ${topo.name}: ${tasks.length} tasks, makespan ${result.makespan_us.toFixed(2)} µs\n`);
    const byId = new Map(result.tasks.map((x) => [x.id, x]));
    const colls = tasks.filter((x) => x.type === 'collective');
    if (colls.length > 0) out('collectives (start → end µs):\n');
    for (const c of colls) {
      const r = byId.get(c.id)!;
      out(`  ${(c.label ?? c.id).padEnd(32)} ${r.start_us.toFixed(2).padStart(12)} → ${r.end_us.toFixed(2).padStart(12)}${c.async ? '  async' : ''}\n`);
    }
    out('links (busy µs, utilisation):\n');
    for (const l of [...result.links].sort((a, b) => b.utilisation - a.utilisation)) {
      out(`  ${l.label.padEnd(32)} ${l.busy_us.toFixed(2).padStart(12)} µs  ${(100 * l.utilisation).toFixed(1).padStart(5)} %\n`);
    }
    if (svgPath) out(`timeline written to ${svgPath}\n`);
    return 0;
  });
}
