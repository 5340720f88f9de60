// The simulator honours each rank's program order on random straight-line SPMD programs:
// compute in order on one engine per device, async collectives issued where they stand,
// ccl.wait holding back what follows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { defaultChooser, readModuleWithIr, simTasksOf } from '../../src/topology/adapter/index.js';
import { embeddedTopology, simulate } from '../../src/topology/index.js';

const t = embeddedTopology('dual-socket-6dla');
const T = 'tensor<64x256xf16>';
const G = 'groups [[0, 1, 2, 3, 4, 5]]';

type Step = { readonly kind: 'exp' | 'add' | 'issue' | 'wait' | 'sync'; readonly a: number; readonly b: number };

/** Render steps as MLIR; every future is waited exactly once (leftovers at the end). */
function program(steps: readonly Step[]): string {
  const values = ['%x'];
  const futures: string[] = [];
  const lines: string[] = [];
  let n = 0;
  const pick = (k: number): string => values[k % values.length];
  const wait = (k: number): void => {
    const [f] = futures.splice(k % futures.length, 1);
    lines.push(`    %v${n} = ccl.wait ${f} : !ccl.future<${T}>`);
    values.push(`%v${n++}`);
  };
  for (const s of steps) {
    if (s.kind === 'exp') lines.push(`    %v${n} = tosa.exp ${pick(s.a)} : (${T}) -> ${T}`);
    else if (s.kind === 'add') lines.push(`    %v${n} = tosa.add ${pick(s.a)}, ${pick(s.b)} : (${T}, ${T}) -> ${T}`);
    else if (s.kind === 'sync') lines.push(`    %v${n} = ccl.all_reduce sum ${pick(s.a)} ${G} : ${T}`);
    else if (s.kind === 'issue') {
      lines.push(`    %f${n} = ccl.all_reduce async sum ${pick(s.a)} ${G} : ${T}`);
      futures.push(`%f${n++}`);
      continue;
    } else {
      if (futures.length > 0) wait(s.a);
      continue;
    }
    values.push(`%v${n++}`);
  }
  while (futures.length > 0) wait(0);
  return `module attributes {ccl.world_size = 6 : i64} {\n  func.func @f(%x: ${T}) {\n${lines.join('\n')}\n    return\n  }\n}\n`;
}

const steps = fc.array(
  fc.record({ kind: fc.constantFrom('exp', 'add', 'issue', 'wait', 'sync'), a: fc.nat({ max: 20 }), b: fc.nat({ max: 20 }) }),
  { minLength: 1, maxLength: 14 },
);

describe('simulated program order (random SPMD programs)', () => {
  it('compute runs in program order without overlap, collectives start where issued, waits block what follows', () => {
    const ctx = createContext({ allowUnregistered: true });
    fc.assert(
      fc.property(steps, (s) => {
        const mod = readModuleWithIr(program(s), 'p.mlir', ctx);
        const { tasks } = simTasksOf(mod, t, defaultChooser(t));
        const r = simulate(t, tasks);
        const at = new Map(r.tasks.map((x) => [x.id, x]));
        const index = (id: string): number => Number(/^op(\d+)/.exec(id)![1]);
        const eps = 1e-6;
        const compute = tasks.filter((x) => x.type === 'compute');
        const colls = tasks.filter((x) => x.type === 'collective');
        // One engine per device, in program order.
        for (let d = 0; d < 6; d++) {
          const mine = compute.filter((x) => x.device === d).sort((a, b) => index(a.id) - index(b.id));
          for (let i = 1; i < mine.length; i++) expect(at.get(mine[i].id)!.start_us).toBeGreaterThanOrEqual(at.get(mine[i - 1].id)!.end_us - eps);
        }
        // A collective is issued after the compute before it in program order.
        for (const c of colls) {
          for (const x of compute) if (index(x.id) < index(c.id)) expect(at.get(c.id)!.start_us).toBeGreaterThanOrEqual(at.get(x.id)!.end_us - eps);
        }
        // Everything after a ccl.wait (or a synchronous collective) starts after that collective ends.
        mod.ops.forEach((op, i) => {
          let waitedOn: string | undefined;
          if (op.name === 'ccl.wait') waitedOn = colls.find((c) => mod.ops[index(c.id)].results.includes(op.operands[0]))?.id;
          else if (op.name === 'ccl.all_reduce' && !op.attrs.has('async')) waitedOn = `op${i}`;
          if (!waitedOn) return;
          for (const x of tasks) if (index(x.id) > i) expect(at.get(x.id)!.start_us).toBeGreaterThanOrEqual(at.get(waitedOn)!.end_us - eps);
        });
      }),
      { numRuns: 200 },
    );
  });
});
