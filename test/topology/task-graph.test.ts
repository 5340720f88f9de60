import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/dialects/index.js';
import { defaultChooser, readModuleWithIr, simTasksOf, type TaskGraphOptions } from '../../src/topology/adapter/index.js';
import { embeddedTopology, simulate, type SimTask } from '../../src/topology/index.js';

const t = embeddedTopology('dual-socket-6dla');
const G = 'groups [[0, 1, 2, 3, 4, 5]]';

function graph(body: string, args: string, options: TaskGraphOptions = {}): { tasks: SimTask[]; byLabel: (re: RegExp) => SimTask[] } {
  const text = `module attributes {ccl.world_size = 6 : i64} {\n  func.func @f(${args}) {\n${body}\n    return\n  }\n}\n`;
  const { tasks } = simTasksOf(readModuleWithIr(text, 'g.mlir', createContext({ allowUnregistered: true })), t, defaultChooser(t), options);
  return { tasks, byLabel: (re) => tasks.filter((x) => re.test(x.label ?? x.id)) };
}

const onDev0 = (tasks: readonly SimTask[]): SimTask[] => tasks.filter((x) => x.type === 'collective' || x.device === 0);

describe('task graph: views and joins', () => {
  const chunked = `
    %a = tensor.extract_slice %x[0, 0] [64, 1024] [1, 1] : tensor<128x1024xf16> to tensor<64x1024xf16>
    %b = tensor.extract_slice %x[64, 0] [64, 1024] [1, 1] : tensor<128x1024xf16> to tensor<64x1024xf16>
    %fa = ccl.all_reduce async sum %a ${G} : tensor<64x1024xf16>
    %fb = ccl.all_reduce async sum %b ${G} : tensor<64x1024xf16>
    %ra = ccl.wait %fa : !ccl.future<tensor<64x1024xf16>>
    %rb = ccl.wait %fb : !ccl.future<tensor<64x1024xf16>>
    %c = tensor.concat dim(0) %ra, %rb : (tensor<64x1024xf16>, tensor<64x1024xf16>) -> tensor<128x1024xf16>
    %s = tensor.extract_slice %c[0, 0] [64, 1024] [1, 1] : tensor<128x1024xf16> to tensor<64x1024xf16>
    %e = tosa.exp %s : (tensor<64x1024xf16>) -> tensor<64x1024xf16>`;

  it('prices slices and a concat of collective results as free, and the slice depends only on the pieces it overlaps', () => {
    const g = graph(chunked, '%x: tensor<128x1024xf16>', { order: 'dataflow' });
    expect(g.byLabel(/extract_slice|concat/)).toEqual([]);
    const colls = g.tasks.filter((x) => x.type === 'collective');
    expect(colls).toHaveLength(2);
    const exp = g.byLabel(/tosa\.exp/);
    expect(exp).toHaveLength(6);
    // Only the first chunk's all-reduce feeds the first half of the concat (with an ideal scheduler, no wait order).
    for (const e of exp) expect(e.deps).toContain(colls[0].id);
    for (const e of exp) expect(e.deps).not.toContain(colls[1].id);
  });

  it('copyJoins prices the concat as a memory copy on every device', () => {
    const g = graph(chunked, '%x: tensor<128x1024xf16>', { copyJoins: true, order: 'dataflow' });
    const cat = g.byLabel(/tensor\.concat/);
    expect(cat).toHaveLength(6);
    for (const c of cat) expect(c.type === 'compute' && c.bytes).toBe(2 * 128 * 1024 * 2);
  });

  it('a concat of compute results is still a copy', () => {
    const g = graph(`
    %e = tosa.exp %x : (tensor<64x8xf32>) -> tensor<64x8xf32>
    %c = tensor.concat dim(0) %e, %x : (tensor<64x8xf32>, tensor<64x8xf32>) -> tensor<128x8xf32>`, '%x: tensor<64x8xf32>');
    expect(g.byLabel(/tensor\.concat/)).toHaveLength(6);
  });
});

describe('task graph: issue order', () => {
  // Issue the all-reduce async, then independent compute, then wait, then use.
  const overlapped = `
    %f = ccl.all_reduce async sum %x ${G} : tensor<512x1024xf16>
    %i = tosa.exp %y : (tensor<512x1024xf16>) -> tensor<512x1024xf16>
    %r = ccl.wait %f : !ccl.future<tensor<512x1024xf16>>
    %u = tosa.add %r, %i : (tensor<512x1024xf16>, tensor<512x1024xf16>) -> tensor<512x1024xf16>`;
  // The same ops with the wait hoisted above the independent compute.
  const waitedEarly = `
    %f = ccl.all_reduce async sum %x ${G} : tensor<512x1024xf16>
    %r = ccl.wait %f : !ccl.future<tensor<512x1024xf16>>
    %i = tosa.exp %y : (tensor<512x1024xf16>) -> tensor<512x1024xf16>
    %u = tosa.add %r, %i : (tensor<512x1024xf16>, tensor<512x1024xf16>) -> tensor<512x1024xf16>`;
  const args = '%x: tensor<512x1024xf16>, %y: tensor<512x1024xf16>';
  const makespan = (body: string, order: TaskGraphOptions['order']): number => simulate(t, graph(body, args, { order }).tasks).makespan_us;

  it('in program order a ccl.wait blocks the compute after it; compute between issue and wait overlaps', () => {
    const early = graph(waitedEarly, args);
    const coll = early.tasks.find((x) => x.type === 'collective')!;
    for (const e of early.byLabel(/tosa\.exp/)) expect(e.deps).toContain(coll.id);
    const late = graph(overlapped, args);
    for (const e of late.byLabel(/tosa\.exp/)) expect(e.deps).not.toContain(coll.id);
    expect(makespan(overlapped, 'program')).toBeLessThan(makespan(waitedEarly, 'program'));
  });

  it('the dataflow order ignores where the wait sits', () => {
    expect(makespan(waitedEarly, 'dataflow')).toBeCloseTo(makespan(overlapped, 'dataflow'), 6);
    expect(makespan(overlapped, 'dataflow')).toBeCloseTo(makespan(overlapped, 'program'), 6);
  });

  it('compute runs in program order on each device', () => {
    const g = graph(overlapped, args);
    const dev0 = onDev0(g.tasks).filter((x) => x.type === 'compute');
    expect(dev0.map((x) => x.label)).toEqual(['tosa.exp', 'tosa.add']);
    expect(dev0[1].deps).toContain(dev0[0].id);
  });
});
