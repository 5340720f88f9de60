/**
 * fast-check arbitraries of SPMD programs with ccl collectives over a given
 * world size: elementwise and matmul TOSA ops on `tensor<1xRx6xE>` values and
 * every ccl collective over random valid groups. For property-testing passes
 * that must preserve what a program computes (see numaccl's interpreter).
 */
import fc from 'fast-check';

export type SpmdElement = 'i32' | 'f32';

export interface SpmdProgramOptions {
  /** Number of ranks R (ccl.world_size). */
  readonly worldSize: number;
  /** Ranks per NUMA node, when known: used for node-aligned groups (must partition [0, R)). */
  readonly nodeGroups?: readonly (readonly number[])[];
  readonly element?: SpmdElement;
  readonly maxSteps?: number;
}

type Groups = number[][];

type Step =
  | { kind: 'binary'; op: 'add' | 'sub' | 'maximum' | 'mul'; a: number; b: number }
  | { kind: 'matmul'; a: number }
  | { kind: 'all_reduce'; a: number; red: string; groups: Groups }
  | { kind: 'rs_ag'; a: number; red: string; groups: Groups }
  | { kind: 'all_to_all'; a: number; groups: Groups }
  | { kind: 'broadcast'; a: number; root: number; groups: Groups }
  | { kind: 'reduce'; a: number; red: string; root: number; groups: Groups }
  | { kind: 'permute'; a: number; pairs: [number, number][] };

/** Equal-sized groups partitioning [0, R): flat, node-aligned, contiguous or strided. */
export function arbPartition(R: number, nodeGroups?: readonly (readonly number[])[]): fc.Arbitrary<Groups> {
  const divisors = Array.from({ length: R }, (_, i) => i + 1).filter((k) => R % k === 0);
  const options: fc.Arbitrary<Groups>[] = [
    fc.constant([Array.from({ length: R }, (_, r) => r)]),
    fc.constantFrom(...divisors).map((k) => Array.from({ length: R / k }, (_, g) => Array.from({ length: k }, (_, i) => g * k + i))),
    fc.constantFrom(...divisors).map((k) => {
      const n = R / k;
      return Array.from({ length: n }, (_, g) => Array.from({ length: k }, (_, i) => g + i * n));
    }),
  ];
  const equal = nodeGroups && nodeGroups.length > 0 && nodeGroups.every((g) => g.length === nodeGroups[0].length);
  if (equal) options.push(fc.constant(nodeGroups!.map((g) => [...g])));
  return fc.oneof(...options);
}

function arbStep(R: number, nodeGroups: SpmdProgramOptions['nodeGroups'], pool: number, element: SpmdElement): fc.Arbitrary<Step> {
  const v = fc.integer({ min: 0, max: pool - 1 });
  const red = element === 'i32' ? fc.constantFrom('sum', 'max', 'min', 'prod') : fc.constantFrom('sum', 'max', 'min');
  const groups = arbPartition(R, nodeGroups);
  return fc.oneof(
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom('add' as const, 'sub' as const, 'maximum' as const, 'mul' as const), a: v, b: v }),
    fc.record({ kind: fc.constant('matmul' as const), a: v }),
    fc.record({ kind: fc.constant('all_reduce' as const), a: v, red, groups }),
    fc.record({ kind: fc.constant('rs_ag' as const), a: v, red: fc.constant('sum'), groups }),
    fc.record({ kind: fc.constant('all_to_all' as const), a: v, groups }),
    groups.chain((g) => fc.record({ kind: fc.constant('broadcast' as const), a: v, root: fc.integer({ min: 0, max: g[0].length - 1 }), groups: fc.constant(g) })),
    groups.chain((g) => fc.record({ kind: fc.constant('reduce' as const), a: v, red, root: fc.integer({ min: 0, max: g[0].length - 1 }), groups: fc.constant(g) })),
    fc
      .shuffledSubarray(Array.from({ length: R }, (_, r) => r))
      .chain((srcs) => fc.shuffledSubarray(Array.from({ length: R }, (_, r) => r), { minLength: srcs.length, maxLength: srcs.length }).map((dsts) => srcs.map((s, i) => [s, dsts[i]] as [number, number])))
      .map((pairs) => ({ kind: 'permute' as const, a: 0, pairs })),
  );
}

const mat = (g: readonly (readonly number[])[]): string => `[${g.map((x) => `[${x.join(', ')}]`).join(', ')}]`;

/** The MLIR text of a program (custom syntax of tosa and ccl). */
export function renderSpmdProgram(R: number, element: SpmdElement, steps: readonly Step[]): string {
  const T = `tensor<1x${R}x6x${element}>`;
  const W = `tensor<1x6x6x${element}>`;
  const zero = element === 'i32' ? '0' : '0.0';
  const lines: string[] = [];
  const pool = ['%a0', '%a1'];
  let n = 0;
  const fresh = (): string => `%v${n++}`;
  const pick = (i: number): string => pool[i % pool.length];
  lines.push(`    %zp = "tosa.const"() <{values = dense<${zero}> : tensor<1x${element}>}> : () -> tensor<1x${element}>`);
  lines.push(`    %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>`);
  for (const s of steps) {
    const r = fresh();
    switch (s.kind) {
      case 'binary':
        if (s.op === 'mul') lines.push(`    ${r} = tosa.mul ${pick(s.a)}, ${pick(s.b)}, %shift : (${T}, ${T}, tensor<1xi8>) -> ${T}`);
        else lines.push(`    ${r} = tosa.${s.op} ${pick(s.a)}, ${pick(s.b)} : (${T}, ${T}) -> ${T}`);
        break;
      case 'matmul':
        lines.push(`    ${r} = tosa.matmul ${pick(s.a)}, %w, %zp, %zp : (${T}, ${W}, tensor<1x${element}>, tensor<1x${element}>) -> ${T}`);
        break;
      case 'all_reduce':
        lines.push(`    ${r} = ccl.all_reduce ${s.red} ${pick(s.a)} groups ${mat(s.groups)} : ${T}`);
        break;
      case 'rs_ag': {
        const k = s.groups[0].length;
        const shard = `tensor<1x${R / k}x6x${element}>`;
        const mid = fresh();
        lines.push(`    ${mid} = ccl.reduce_scatter ${s.red} ${pick(s.a)} dim 1 groups ${mat(s.groups)} : ${T} -> ${shard}`);
        lines.push(`    ${r} = ccl.all_gather ${mid} dim 1 groups ${mat(s.groups)} : ${shard} -> ${T}`);
        break;
      }
      case 'all_to_all':
        lines.push(`    ${r} = ccl.all_to_all ${pick(s.a)} split 1 concat 1 groups ${mat(s.groups)} : ${T} -> ${T}`);
        break;
      case 'broadcast':
        lines.push(`    ${r} = ccl.broadcast ${pick(s.a)} root ${s.root} groups ${mat(s.groups)} : ${T}`);
        break;
      case 'reduce':
        lines.push(`    ${r} = ccl.reduce ${s.red} ${pick(s.a)} root ${s.root} groups ${mat(s.groups)} : ${T}`);
        break;
      case 'permute':
        if (s.pairs.length === 0) lines.push(`    ${r} = tosa.add ${pick(s.a)}, ${pick(s.a)} : (${T}, ${T}) -> ${T}`);
        else lines.push(`    ${r} = ccl.permute ${pick(s.a)} pairs ${mat(s.pairs)} : ${T}`);
        break;
    }
    pool.push(r);
  }
  const last = pool[pool.length - 1];
  const other = pool[Math.max(0, pool.length - 2)];
  return [
    `module attributes {ccl.world_size = ${R} : i64} {`,
    `  func.func @main(%a0: ${T}, %a1: ${T}, %w: ${W}) -> (${T}, ${T}) {`,
    ...lines,
    `    return ${last}, ${other} : ${T}, ${T}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Random valid SPMD programs over `worldSize` ranks (text). */
export function arbSpmdProgram(o: SpmdProgramOptions): fc.Arbitrary<string> {
  const R = o.worldSize;
  const maxSteps = o.maxSteps ?? 8;
  const element = o.element ? fc.constant(o.element) : fc.constantFrom<SpmdElement>('i32', 'f32');
  return element.chain((e) =>
    fc.integer({ min: 1, max: maxSteps }).chain((count) => {
      const steps: fc.Arbitrary<Step>[] = Array.from({ length: count }, (_, i) => arbStep(R, o.nodeGroups, i + 2, e));
      return fc.tuple(...steps).map((s) => renderSpmdProgram(R, e, s));
    }),
  );
}
