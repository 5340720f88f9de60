/** `numaccl cost FILE`: predicted time of every collective under every algorithm. */
import { collectivesOf } from '../../topology/adapter/index.js';
import { chooseAlgorithm, type Algorithm } from '../../topology/index.js';
import { bool, parseArgs, str } from '../topology-support/args.js';
import { guarded, out } from '../topology-support/io.js';
import { loadInputs } from '../topology-support/module.js';

export const summary = 'predict each collective\'s time under every algorithm (cost model)';

const USAGE = `usage: numaccl cost FILE [--topology T] [--json]

For each ccl collective in the MLIR module FILE: its bytes, group size, the
predicted µs under ring, tree, direct, hierarchical and library, and the
cheapest. T defaults to dual-socket-6dla.
`;

const fmtUs = (us: number): string => (us >= 1000 ? us.toFixed(0) : us.toPrecision(4));

export async function main(argv: readonly string[]): Promise<number> {
  return guarded('cost', USAGE, async () => {
    if (argv.includes('--help') || argv.includes('-h')) return (out(USAGE), 0);
    const p = parseArgs(argv, { topology: { type: 'string', short: 't' }, json: { type: 'boolean' } });
    const { mod, topo } = await loadInputs(p.positional[0], str(p, 'topology'));
    const rows = collectivesOf(mod, topo).map((c) => {
      const choice = chooseAlgorithm(c.spec, topo);
      return {
        op: c.op,
        loc: c.loc,
        bytes: c.spec.bytes,
        group_size: c.spec.kind === 'permute' ? 2 : c.spec.groups[0].length,
        algorithms: choice.algorithms,
        chosen: choice.chosen.algorithm as Algorithm,
      };
    });
    if (bool(p, 'json')) {
      out(JSON.stringify({ topology: topo.name, collectives: rows }, null, 2) + '\n');
      return 0;
    }
    out(`topology ${topo.name}: ${rows.length} collective${rows.length === 1 ? '' : 's'}\n`);
    for (const r of rows) {
      const algs = Object.entries(r.algorithms).map(([a, us]) => `${a} ${fmtUs(us!)}`).join(', ');
      out(`${r.loc}: ${r.op} ${r.bytes} B, group ${r.group_size}: ${algs} µs -> ${r.chosen}\n`);
    }
    return 0;
  });
}
