/**
 * The NUMA passes never change what a program computes: random SPMD programs
 * (elementwise and matmul TOSA ops plus every ccl collective, i32 and f32) ×
 * random topologies (1–4 NUMA nodes, 1–8 devices each) × random sequences of
 * the five passes. Integers must match exactly, floats within 1e-5 relative.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, parse, print, verify } from '../../../src/index.js';
import { PassManager } from '../../../src/passes/index.js';
import { interpret, compareResults } from '../../../src/interp/index.js';
import { arbTopologyParams, topologyFromParams } from '../../../src/testing/topology/index.js';
import { arbSpmdProgram } from '../../../src/testing/spmd/index.js';
import { worldSize, type Topology } from '../../../src/topology/index.js';

const dir = mkdtempSync(join(tmpdir(), 'numaccl-topo-'));
const files = new Map<Topology, string>();
function topologyFile(t: Topology): string {
  let f = files.get(t);
  if (!f) {
    f = join(dir, `t${files.size}.json`);
    writeFileSync(f, JSON.stringify(t));
    files.set(t, f);
  }
  return f;
}

const arbPass = fc.oneof(
  { arbitrary: fc.constantFrom('true', 'true', 'false').map((force) => `ccl-hierarchicalize{force=${force}}`), weight: 3 },
  fc.constantFrom(2, 3).map((n) => `ccl-chunk{chunks=${n}}`),
  fc.constant('ccl-select-schedule'),
  fc.integer({ min: 1, max: 3 }).map((n) => `ccl-overlap{max-in-flight=${n}}`),
  fc.constantFrom('auto', 'bind', 'interleave', 'preferred').map((p) => `numa-placement{policy=${p}}`),
);

/** Passes that price or place things take the topology file. */
const withTopology = (pass: string, file: string): string => {
  if (pass === 'ccl-select-schedule') return `ccl-select-schedule{topology=${file}}`;
  return /^(ccl-hierarchicalize|numa-placement)\{/.test(pass) ? pass.replace('{', `{topology=${file} `) : pass;
};

/** Random topologies, half of them with equally populated nodes (where hierarchical rewrites apply). */
const arbTopo = arbTopologyParams({ maxNodes: 4, maxDevicesPerNode: 8 })
  .chain((p) => fc.oneof(fc.constant(p), fc.constant({ ...p, nodes: p.nodes.map((n) => ({ ...n, devices: p.nodes[0].devices })) })))
  .map(topologyFromParams);

const arbCase = arbTopo.chain((t) => {
  const R = worldSize(t);
  const byNode = t.numa_nodes.map((n) => t.devices.filter((d) => d.numa_node === n.id).map((d) => d.id));
  return fc.record({
    topology: fc.constant(t),
    program: arbSpmdProgram({ worldSize: R, nodeGroups: byNode, maxSteps: 6 }),
    passes: fc.array(arbPass, { minLength: 1, maxLength: 5 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });
});

describe('NUMA passes preserve program meaning', () => {
  it('on 300 random programs × topologies × pass sequences (interpreter results equal)', () => {
    // The property must not pass vacuously: count the cases the passes really rewrote.
    const rewrote = { any: 0, staged: 0, chunked: 0, async: 0 };
    fc.assert(
      fc.property(arbCase, ({ topology, program, passes, seed }) => {
        const file = topologyFile(topology);
        const pipeline = `builtin.module(${passes.map((p) => withTopology(p, file)).join(',')})`;
        const ctx = createContext();
        const before = parse(ctx, program).module;
        expect(verify(before)).toEqual([]);
        const after = parse(ctx, program).module;
        const result = PassManager.parse(pipeline).run(after);
        if (!result.ok) throw new Error(`${pipeline} failed: ${result.diagnostics.map((d) => d.message).join('; ')}`);
        const diags = verify(after);
        if (diags.length > 0) throw new Error(`invalid IR after ${pipeline}: ${diags[0].message}\n${print(after)}`);
        const text = print(after);
        if (text !== print(before)) rewrote.any++;
        if (text.includes('stage = "inter"')) rewrote.staged++;
        if (text.includes('chunk = 1')) rewrote.chunked++;
        if (text.includes('ccl.wait')) rewrote.async++;
        const a = interpret(before, { seed });
        const b = interpret(after, { seed });
        const cmp = compareResults(a, b, 1e-5, 1e-5);
        if (!cmp.equal) throw new Error(`${pipeline} changed results: ${cmp.difference}`);
      }),
      { numRuns: 300 },
    );
    // Typical counts are ~240 / ~17 / ~75 / ~95; the floors leave room for the random seed.
    expect(rewrote.any).toBeGreaterThan(150);
    expect(rewrote.staged).toBeGreaterThanOrEqual(4);
    expect(rewrote.chunked).toBeGreaterThan(30);
    expect(rewrote.async).toBeGreaterThan(40);
    console.log(`NUMA pass property: ${JSON.stringify(rewrote)} of 300 cases rewritten`);
  });
});
