import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embeddedTopologyPath, parseTopologyText, TopologyError } from '../../src/topology/index.js';
import { readCsv, readNcclTests, readOsu, SampleFormatError } from '../../src/topology/index.js';

const fx = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const inputs = {
  json: readFileSync(embeddedTopologyPath('dual-socket-8gpu-pcie'), 'utf8'),
  hwloc: fx('hwloc-2socket-4gpu.xml'),
  numactl: fx('numactl-hardware-4node.txt'),
  smi: fx('nvidia-smi-topo-8gpu.txt'),
};

/** Cut, duplicate or replace a slice of the text. */
const mutate = (text: string): fc.Arbitrary<string> =>
  fc
    .record({
      at: fc.nat({ max: text.length }),
      len: fc.nat({ max: 40 }),
      insert: fc.constantFrom('', '<', '>', '"', '{', '}', ',', '\t', '\n', 'X', '-1', 'NaN', '99999999999', 'node 7 cpus: 1-', '<object>'),
    })
    .map(({ at, len, insert }) => text.slice(0, at) + insert + text.slice(at + len));

describe('malformed input never crashes', () => {
  for (const [name, text] of Object.entries(inputs)) {
    it(`${name}: mutated files parse or fail with a TopologyError`, () => {
      fc.assert(
        fc.property(mutate(text), (m) => {
          try {
            parseTopologyText(m, `${name}.txt`);
          } catch (e) {
            expect(e).toBeInstanceOf(TopologyError);
            expect((e as Error).message).toMatch(/\S/);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
  it('benchmark logs: mutated logs parse or fail with a SampleFormatError', () => {
    const logs: [string, (t: string) => unknown][] = [
      [fx('osu_latency.txt'), (t) => readOsu(t)],
      [fx('nccl-tests-all_reduce_perf.txt'), (t) => readNcclTests(t)],
      [fx('samples.csv'), (t) => readCsv(t)],
    ];
    for (const [text, read] of logs) {
      fc.assert(
        fc.property(mutate(text), (m) => {
          try {
            read(m);
          } catch (e) {
            expect(e).toBeInstanceOf(SampleFormatError);
          }
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('module reader robustness', () => {
  it('mutated generic-form modules read or fail with a located ModuleReadError', async () => {
    const { readGenericModule, collectivesOf, ModuleReadError } = await import('../../src/topology/adapter/index.js');
    const { embeddedTopology } = await import('../../src/topology/index.js');
    const t = embeddedTopology('dual-socket-6dla');
    const text = fx('modules/two-allreduce.mlir');
    fc.assert(
      fc.property(mutate(text), (m) => {
        try {
          collectivesOf(readGenericModule(m, 'm.mlir'), t);
        } catch (e) {
          if (e instanceof ModuleReadError) expect((e as Error).message).toMatch(/^(m\.mlir:\d+:\d+|module): error: /);
          else expect(e).toBeInstanceOf(TopologyError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
