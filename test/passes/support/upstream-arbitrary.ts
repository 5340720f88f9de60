/**
 * fast-check generators of valid pipelines over the upstream stub registry:
 * each pass sits where its anchor allows it (op-anchored passes inside a
 * nest of their op, or inside `any`), with random option values written in
 * the various spellings LLVM accepts.
 */
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OptionSpec, ScalarType, ScalarValue } from '../../../src/passes/options/index.js';
import type { PlainElement, PlainEntry, PlainPipeline } from '../../../src/passes/pipeline/index.js';
import type { PassInfo, PassRegistry } from '../../../src/passes/registry/index.js';

type AnySpec = OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]>;

const RANGES = { int: [-(2n ** 31n), 2n ** 31n - 1n], long: [-(2n ** 63n), 2n ** 63n - 1n], uint: [0n, 2n ** 32n - 1n], ulong: [0n, 2n ** 64n - 1n] } as const;

/**
 * Where generated file names point: mlir-opt runs the pipelines it dumps, and
 * passes such as `snapshot-op-locations{filename=...}` write that file, which
 * must not land in the test's working directory (the repository).
 */
const SCRATCH = join(tmpdir(), 'numaccl-pipeline-files');
mkdirSync(SCRATCH, { recursive: true });

function scalarText(type: ScalarType, inList: boolean, isFileName = false): fc.Arbitrary<string> {
  switch (type.kind) {
    case 'bool':
      return fc.constantFrom('true', 'false', '1', '0', 'TRUE', 'False');
    case 'integer': {
      const [lo, hi] = RANGES[type.flavor];
      return fc.oneof(
        fc.bigInt({ min: lo, max: hi }).map(String),
        fc.bigInt({ min: 0n, max: hi }).map((v) => `0x${v.toString(16)}`),
        fc.integer({ min: 0, max: 100 }).map(String),
      );
    }
    case 'float':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => String(v)),
        fc.constantFrom('0.5', '1e-3', '-2.25', '3', 'inf'),
      );
    case 'string':
      return fc
        .stringMatching(/^[a-z0-9_./ -]{0,8}$/)
        .map((s) => s.trim())
        .map((s) => (isFileName && s !== '' ? `${SCRATCH}/${s.replace(/\//g, '_')}` : s))
        .map((s) => (s.includes(' ') ? (inList ? `{${s}}` : `"${s}"`) : s));
    case 'enum':
      return fc.constantFrom(...type.choices.map((c) => c.name));
  }
}

function entryFor(name: string, spec: AnySpec): fc.Arbitrary<PlainEntry> {
  if (spec.list) {
    return fc.array(scalarText(spec.type, true), { maxLength: 3 }).map((els) => ({ key: name, value: els.join(',') }));
  }
  if (spec.type.kind === 'bool') {
    return fc.oneof(fc.constant({ key: name }), scalarText(spec.type, false).map((v) => ({ key: name, value: v })));
  }
  return scalarText(spec.type, false, name === 'filename').map((v) => ({ key: name, value: v }));
}

function passArb(info: PassInfo): fc.Arbitrary<PlainElement> {
  const names = Object.keys(info.options);
  if (!names.length) return fc.constant({ kind: 'pass', name: info.argument });
  return fc
    .subarray(names, { maxLength: Math.min(3, names.length) })
    .chain((chosen) => (chosen.length ? fc.tuple(...chosen.map((n) => entryFor(n, info.options[n]))) : fc.constant([] as PlainEntry[])))
    .chain((entries) => fc.boolean().map((braces) => (entries.length || braces ? { kind: 'pass' as const, name: info.argument, options: entries } : { kind: 'pass' as const, name: info.argument })));
}

/** Random valid `builtin.module(...)` pipelines over `names` in `registry`. */
export function upstreamPipeline(registry: PassRegistry, names: readonly string[]): fc.Arbitrary<PlainPipeline> {
  const infos = names.map((n) => registry.lookup(n)).filter((e): e is PassInfo => e?.kind === 'pass');
  const anyPass = fc.constantFrom(...infos).chain(passArb);
  const unanchored = infos.filter((p) => p.anchor === undefined || p.anchor === 'builtin.module');
  const topPass = fc.constantFrom(...unanchored).chain(passArb);
  const anchored = infos.filter((p) => p.anchor !== undefined);
  const nest: fc.Arbitrary<PlainElement> = fc.constantFrom(...anchored).chain((first) => {
    const same = infos.filter((p) => p.anchor === first.anchor);
    return fc
      .array(fc.constantFrom(...same).chain(passArb), { minLength: 0, maxLength: 2 })
      .chain((more) => passArb(first).map((head) => ({ kind: 'nest' as const, anchor: first.anchor ?? '', elements: [head, ...more] })));
  });
  const anyNest: fc.Arbitrary<PlainElement> = fc
    .array(anyPass, { minLength: 1, maxLength: 3 })
    .map((elements) => ({ kind: 'nest' as const, anchor: 'any', elements }));
  return fc.record({
    anchor: fc.constant('builtin.module'),
    elements: fc.array(fc.oneof(topPass, nest, anyNest), { maxLength: 4 }),
  });
}
