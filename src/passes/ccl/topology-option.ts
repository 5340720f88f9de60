import { DiagnosticError, type Operation, type StringAttr } from '../../ir/index.js';
import { DEFAULT_TOPOLOGY, loadTopology, TopologyError, type Topology } from '../../topology/index.js';
import { diagnosticAt } from '../manager/index.js';

/**
 * The topology a pass uses: its `topology` option (an embedded name or a
 * JSON/hwloc path), else the module attribute `ccl.topology`, else the
 * embedded default (dual-socket-6dla).
 */
export function resolveTopology(op: Operation, option: string): Topology {
  let name = option;
  if (!name) {
    for (let p: Operation | null = op; p && !name; p = p.parentOp) {
      const a = p.getAttr('ccl.topology');
      if (a?.kind === 'string') name = (a as StringAttr).value;
    }
  }
  try {
    return loadTopology(name || DEFAULT_TOPOLOGY);
  } catch (e) {
    if (e instanceof TopologyError) throw new DiagnosticError([diagnosticAt(op, 'error', `cannot load topology '${name}': ${e.message}`)]);
    throw e;
  }
}

/** All collectives nested in `root`, in program order. */
export function collectivesIn(root: Operation, pred: (op: Operation) => boolean): Operation[] {
  const out: Operation[] = [];
  root.walk((op) => {
    if (op !== root && pred(op)) out.push(op);
  }, 'pre');
  return out;
}
