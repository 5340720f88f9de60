#!/usr/bin/env node
// Generates the example models (run: node examples/models/generate.mjs).
// A Llama-style decoder layer in TOSA (LLVM 22 syntax): RMSNorm, multi-head
// attention, SwiGLU MLP, residuals; with tp > 1, one rank's shard of the
// Megatron-style tensor-parallel split (column-parallel Q/K/V and gate/up,
// row-parallel output and down projections, each followed by ccl.all_reduce).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function layer({ hidden: H, heads, headDim: hd, mlp: F, tokens: T, tp, elem: f }) {
  const lh = heads / tp, lq = lh * hd, lf = F / tp;
  if (!Number.isInteger(lh) || !Number.isInteger(lf)) throw new Error('heads and mlp must divide by tp');
  const X = `tensor<1x${T}x${H}x${f}>`;
  const t = (...d) => `tensor<${d.join('x')}x${f}>`;
  const L = [];
  const a = (s) => L.push(s);
  const mm = (r, x, w, xt, wt, rt) => a(`    ${r} = tosa.matmul ${x}, ${w}, %zp, %zp : (${xt}, ${wt}, tensor<1x${f}>, tensor<1x${f}>) -> ${rt}`);
  const args = [`%x: ${X}`, `%g1: ${t(1, 1, H)}`, `%wq: ${t(1, H, lq)}`, `%wk: ${t(1, H, lq)}`, `%wv: ${t(1, H, lq)}`, `%wo: ${t(1, lq, H)}`,
    `%g2: ${t(1, 1, H)}`, `%wg: ${t(1, H, lf)}`, `%wu: ${t(1, H, lf)}`, `%wd: ${t(1, lf, H)}`];
  a(`  func.func @decoder_layer(${args.join(', ')}) -> ${X} {`);
  a(`    %zp = "tosa.const"() <{values = dense<0.0> : tensor<1x${f}>}> : () -> tensor<1x${f}>`);
  a(`    %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>`);
  a(`    %inv_h = "tosa.const"() <{values = dense<${(1 / H).toExponential(6)}> : ${t(1, 1, 1)}}> : () -> ${t(1, 1, 1)}`);
  a(`    %eps = "tosa.const"() <{values = dense<1.0e-05> : ${t(1, 1, 1)}}> : () -> ${t(1, 1, 1)}`);
  a(`    %scale = "tosa.const"() <{values = dense<${(1 / Math.sqrt(hd)).toExponential(6)}> : ${t(1, 1, 1)}}> : () -> ${t(1, 1, 1)}`);
  const rms = (i, src, g) => {
    const R = t(1, T, 1);
    a(`    // RMSNorm ${i}`);
    a(`    %sq${i} = tosa.mul ${src}, ${src}, %shift : (${X}, ${X}, tensor<1xi8>) -> ${X}`);
    a(`    %ss${i} = tosa.reduce_sum %sq${i} {axis = 2 : i32} : (${X}) -> ${R}`);
    a(`    %ms${i} = tosa.mul %ss${i}, %inv_h, %shift : (${R}, ${t(1, 1, 1)}, tensor<1xi8>) -> ${R}`);
    a(`    %me${i} = tosa.add %ms${i}, %eps : (${R}, ${t(1, 1, 1)}) -> ${R}`);
    a(`    %rs${i} = tosa.rsqrt %me${i} : (${R}) -> ${R}`);
    a(`    %nx${i} = tosa.mul ${src}, %rs${i}, %shift : (${X}, ${R}, tensor<1xi8>) -> ${X}`);
    a(`    %n${i} = tosa.mul %nx${i}, ${g}, %shift : (${X}, ${t(1, 1, H)}, tensor<1xi8>) -> ${X}`);
  };
  a('    // Activations are [1, tokens, hidden]; weights [1, in, out] (tosa.matmul is batched rank 3).');
  rms(1, '%x', '%g1');
  a(`    // Attention: column-parallel Q/K/V projections (this rank holds ${lh} of ${heads} heads).`);
  for (const [n, w] of [['q', '%wq'], ['k', '%wk'], ['v', '%wv']]) mm(`%${n}`, '%n1', w, X, t(1, H, lq), t(1, T, lq));
  a(`    %heads = tosa.const_shape {values = dense<[${T}, ${lh}, ${hd}]> : tensor<3xindex>} : () -> !tosa.shape<3>`);
  for (const n of 'qkv') {
    a(`    %${n}r = tosa.reshape %${n}, %heads : (${t(1, T, lq)}, !tosa.shape<3>) -> ${t(T, lh, hd)}`);
    a(`    %${n}h = tosa.transpose %${n}r {perms = array<i32: 1, 0, 2>} : (${t(T, lh, hd)}) -> ${t(lh, T, hd)}`);
  }
  a(`    %kt = tosa.transpose %kh {perms = array<i32: 0, 2, 1>} : (${t(lh, T, hd)}) -> ${t(lh, hd, T)}`);
  mm('%sc', '%qh', '%kt', t(lh, T, hd), t(lh, hd, T), t(lh, T, T));
  const S = t(lh, T, T), M = t(lh, T, 1);
  a(`    %ss = tosa.mul %sc, %scale, %shift : (${S}, ${t(1, 1, 1)}, tensor<1xi8>) -> ${S}`);
  a(`    %mx = tosa.reduce_max %ss {axis = 2 : i32} : (${S}) -> ${M}`);
  a(`    %sh = tosa.sub %ss, %mx : (${S}, ${M}) -> ${S}`);
  a(`    %ex = tosa.exp %sh : (${S}) -> ${S}`);
  a(`    %den = tosa.reduce_sum %ex {axis = 2 : i32} : (${S}) -> ${M}`);
  a(`    %rden = tosa.reciprocal %den : (${M}) -> ${M}`);
  a(`    %p = tosa.mul %ex, %rden, %shift : (${S}, ${M}, tensor<1xi8>) -> ${S}`);
  mm('%ctx', '%p', '%vh', S, t(lh, T, hd), t(lh, T, hd));
  a(`    %ct = tosa.transpose %ctx {perms = array<i32: 1, 0, 2>} : (${t(lh, T, hd)}) -> ${t(T, lh, hd)}`);
  a(`    %flat = tosa.const_shape {values = dense<[1, ${T}, ${lq}]> : tensor<3xindex>} : () -> !tosa.shape<3>`);
  a(`    %cf = tosa.reshape %ct, %flat : (${t(T, lh, hd)}, !tosa.shape<3>) -> ${t(1, T, lq)}`);
  mm('%o', '%cf', '%wo', t(1, T, lq), t(1, lq, H), X);
  const group = `[[${Array.from({ length: tp }, (_, r) => r).join(', ')}]]`;
  let os = '%o';
  if (tp > 1) {
    a('    // Row-parallel output projection: partial sums meet in an all-reduce.');
    a(`    %os = ccl.all_reduce sum %o groups ${group} : ${X}`);
    os = '%os';
  }
  a(`    %h = tosa.add %x, ${os} : (${X}, ${X}) -> ${X}`);
  rms(2, '%h', '%g2');
  a('    // SwiGLU MLP: column-parallel gate/up, row-parallel down.');
  mm('%gt', '%n2', '%wg', X, t(1, H, lf), t(1, T, lf));
  mm('%up', '%n2', '%wu', X, t(1, H, lf), t(1, T, lf));
  const G = t(1, T, lf);
  a(`    %sg = tosa.sigmoid %gt : (${G}) -> ${G}`);
  a(`    %silu = tosa.mul %gt, %sg, %shift : (${G}, ${G}, tensor<1xi8>) -> ${G}`);
  a(`    %act = tosa.mul %silu, %up, %shift : (${G}, ${G}, tensor<1xi8>) -> ${G}`);
  mm('%dn', '%act', '%wd', G, t(1, lf, H), X);
  let ds = '%dn';
  if (tp > 1) {
    a(`    %ds = ccl.all_reduce sum %dn groups ${group} : ${X}`);
    ds = '%ds';
  }
  a(`    %y = tosa.add %h, ${ds} : (${X}, ${X}) -> ${X}`);
  a(`    return %y : ${X}`);
  a('  }');
  return L.join('\n');
}

const here = dirname(fileURLToPath(import.meta.url));
const write = (name, header, attrs, cfg) =>
  writeFileSync(join(here, name), `${header.map((l) => `// ${l}`).join('\n')}\nmodule${attrs} {\n${layer(cfg)}\n}\n`);

const small = { hidden: 384, heads: 6, headDim: 64, mlp: 768, tokens: 8, elem: 'f32' };
write('decoder-layer.mlir', ['A Llama-style decoder layer in TOSA (LLVM 22 syntax): RMSNorm, multi-head attention,', 'SwiGLU MLP, residuals. hidden 384, 6 heads of 64, MLP 768, 8 tokens, f32. (generate.mjs)'], '', { ...small, tp: 1 });
write('tp-decoder-layer-tiny.mlir', ['decoder-layer.mlir split 6 ways for tensor parallelism, small enough to interpret', '(tests run it on 6 ranks). (generate.mjs)'], ' attributes {ccl.world_size = 6 : i64}', { ...small, tp: 6 });
write(
  'tp-decoder-layer.mlir',
  [
    "numaccl's default example: one rank's shard of a Llama-style decoder layer with 6-way",
    'tensor parallelism (Megatron-style: column-parallel Q/K/V and gate/up, row-parallel output',
    'and down projections, each followed by a ccl.all_reduce). hidden 3072, 24 heads of 128',
    '(4 per rank), MLP 6144, 512 tokens in f16: each all-reduce moves 3 MiB per rank.',
    'Every rank runs this function on its shard; ccl.world_size is the number of ranks. (generate.mjs)',
  ],
  ' attributes {ccl.world_size = 6 : i64}',
  { hidden: 3072, heads: 24, headDim: 128, mlp: 6144, tokens: 512, tp: 6, elem: 'f16' },
);
