/** `ccl-select-schedule`: annotate every collective with the cost model's algorithm and predicted time. */
import { chooseAlgorithm, ALGORITHMS, type Algorithm } from '../../topology/index.js';
import { listOption, stringOption } from '../options/index.js';
import { definePass } from '../registry/index.js';
import { isCollective, specOf } from './collective.js';
import { collectivesIn, resolveTopology } from './topology-option.js';

export const selectSchedulePass = definePass({
  argument: 'ccl-select-schedule',
  summary: 'Choose each collective\'s algorithm with the latency-bandwidth cost model',
  description:
    'For every ccl collective, prices ring, tree, direct, hierarchical and library schedules on the topology ' +
    'and sets `algorithm` (the cheapest) and `predicted_us` (its time, in microseconds).',
  options: {
    topology: stringOption('Topology: an embedded name or a JSON/hwloc path (default: module attribute ccl.topology, else dual-socket-6dla)'),
    algorithms: listOption(stringOption('Candidate algorithms (default: all of ring, tree, direct, hierarchical, library)')),
  },
  create: (o) => ({
    run(root, ctx) {
      const t = resolveTopology(root, o.topology);
      const bad = o.algorithms.filter((a) => !(ALGORITHMS as readonly string[]).includes(a));
      if (bad.length > 0) {
        ctx.emitError(root, `unknown algorithm '${bad[0]}' (expected one of ${ALGORITHMS.join(', ')})`);
        return;
      }
      const candidates = (o.algorithms.length > 0 ? o.algorithms : ALGORITHMS) as readonly Algorithm[];
      for (const op of collectivesIn(root, isCollective)) {
        const spec = specOf(op);
        if (!spec) continue;
        // Stages of a hierarchical rewrite stay within one level: price them flat.
        const allowed = op.getAttr('stage') ? candidates.filter((a) => a !== 'hierarchical') : candidates;
        const choice = chooseAlgorithm(spec, t, allowed.length > 0 ? allowed : candidates);
        op.setAttr('algorithm', op.context.stringAttr(choice.chosen.algorithm));
        op.setAttr('predicted_us', op.context.floatAttr(op.context.floatType('f64'), choice.chosen.us));
      }
    },
  }),
});
