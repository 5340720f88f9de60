// numaccl's default example: one rank's shard of a Llama-style decoder layer with 6-way
// tensor parallelism (Megatron-style: column-parallel Q/K/V and gate/up, row-parallel output
// and down projections, each followed by a ccl.all_reduce). hidden 3072, 24 heads of 128
// (4 per rank), MLP 6144, 512 tokens in f16: each all-reduce moves 3 MiB per rank.
// Every rank runs this function on its shard; ccl.world_size is the number of ranks. (generate.mjs)
module attributes {ccl.world_size = 6 : i64} {
  func.func @decoder_layer(%x: tensor<1x512x3072xf16>, %g1: tensor<1x1x3072xf16>, %wq: tensor<1x3072x512xf16>, %wk: tensor<1x3072x512xf16>, %wv: tensor<1x3072x512xf16>, %wo: tensor<1x512x3072xf16>, %g2: tensor<1x1x3072xf16>, %wg: tensor<1x3072x1024xf16>, %wu: tensor<1x3072x1024xf16>, %wd: tensor<1x1024x3072xf16>) -> tensor<1x512x3072xf16> {
    %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf16>}> : () -> tensor<1xf16>
    %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
    %inv_h = "tosa.const"() <{values = dense<3.255208e-4> : tensor<1x1x1xf16>}> : () -> tensor<1x1x1xf16>
    %eps = "tosa.const"() <{values = dense<1.0e-05> : tensor<1x1x1xf16>}> : () -> tensor<1x1x1xf16>
    %scale = "tosa.const"() <{values = dense<8.838835e-2> : tensor<1x1x1xf16>}> : () -> tensor<1x1x1xf16>
    // Activations are [1, tokens, hidden]; weights [1, in, out] (tosa.matmul is batched rank 3).
    // RMSNorm 1
    %sq1 = tosa.mul %x, %x, %shift : (tensor<1x512x3072xf16>, tensor<1x512x3072xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    %ss1 = tosa.reduce_sum %sq1 {axis = 2 : i32} : (tensor<1x512x3072xf16>) -> tensor<1x512x1xf16>
    %ms1 = tosa.mul %ss1, %inv_h, %shift : (tensor<1x512x1xf16>, tensor<1x1x1xf16>, tensor<1xi8>) -> tensor<1x512x1xf16>
    %me1 = tosa.add %ms1, %eps : (tensor<1x512x1xf16>, tensor<1x1x1xf16>) -> tensor<1x512x1xf16>
    %rs1 = tosa.rsqrt %me1 : (tensor<1x512x1xf16>) -> tensor<1x512x1xf16>
    %nx1 = tosa.mul %x, %rs1, %shift : (tensor<1x512x3072xf16>, tensor<1x512x1xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    %n1 = tosa.mul %nx1, %g1, %shift : (tensor<1x512x3072xf16>, tensor<1x1x3072xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    // Attention: column-parallel Q/K/V projections (this rank holds 4 of 24 heads).
    %q = tosa.matmul %n1, %wq, %zp, %zp : (tensor<1x512x3072xf16>, tensor<1x3072x512xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x512xf16>
    %k = tosa.matmul %n1, %wk, %zp, %zp : (tensor<1x512x3072xf16>, tensor<1x3072x512xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x512xf16>
    %v = tosa.matmul %n1, %wv, %zp, %zp : (tensor<1x512x3072xf16>, tensor<1x3072x512xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x512xf16>
    %heads = tosa.const_shape {values = dense<[512, 4, 128]> : tensor<3xindex>} : () -> !tosa.shape<3>
    %qr = tosa.reshape %q, %heads : (tensor<1x512x512xf16>, !tosa.shape<3>) -> tensor<512x4x128xf16>
    %qh = tosa.transpose %qr {perms = array<i32: 1, 0, 2>} : (tensor<512x4x128xf16>) -> tensor<4x512x128xf16>
    %kr = tosa.reshape %k, %heads : (tensor<1x512x512xf16>, !tosa.shape<3>) -> tensor<512x4x128xf16>
    %kh = tosa.transpose %kr {perms = array<i32: 1, 0, 2>} : (tensor<512x4x128xf16>) -> tensor<4x512x128xf16>
    %vr = tosa.reshape %v, %heads : (tensor<1x512x512xf16>, !tosa.shape<3>) -> tensor<512x4x128xf16>
    %vh = tosa.transpose %vr {perms = array<i32: 1, 0, 2>} : (tensor<512x4x128xf16>) -> tensor<4x512x128xf16>
    %kt = tosa.transpose %kh {perms = array<i32: 0, 2, 1>} : (tensor<4x512x128xf16>) -> tensor<4x128x512xf16>
    %sc = tosa.matmul %qh, %kt, %zp, %zp : (tensor<4x512x128xf16>, tensor<4x128x512xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<4x512x512xf16>
    %ss = tosa.mul %sc, %scale, %shift : (tensor<4x512x512xf16>, tensor<1x1x1xf16>, tensor<1xi8>) -> tensor<4x512x512xf16>
    %mx = tosa.reduce_max %ss {axis = 2 : i32} : (tensor<4x512x512xf16>) -> tensor<4x512x1xf16>
    %sh = tosa.sub %ss, %mx : (tensor<4x512x512xf16>, tensor<4x512x1xf16>) -> tensor<4x512x512xf16>
    %ex = tosa.exp %sh : (tensor<4x512x512xf16>) -> tensor<4x512x512xf16>
    %den = tosa.reduce_sum %ex {axis = 2 : i32} : (tensor<4x512x512xf16>) -> tensor<4x512x1xf16>
    %rden = tosa.reciprocal %den : (tensor<4x512x1xf16>) -> tensor<4x512x1xf16>
    %p = tosa.mul %ex, %rden, %shift : (tensor<4x512x512xf16>, tensor<4x512x1xf16>, tensor<1xi8>) -> tensor<4x512x512xf16>
    %ctx = tosa.matmul %p, %vh, %zp, %zp : (tensor<4x512x512xf16>, tensor<4x512x128xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<4x512x128xf16>
    %ct = tosa.transpose %ctx {perms = array<i32: 1, 0, 2>} : (tensor<4x512x128xf16>) -> tensor<512x4x128xf16>
    %flat = tosa.const_shape {values = dense<[1, 512, 512]> : tensor<3xindex>} : () -> !tosa.shape<3>
    %cf = tosa.reshape %ct, %flat : (tensor<512x4x128xf16>, !tosa.shape<3>) -> tensor<1x512x512xf16>
    %o = tosa.matmul %cf, %wo, %zp, %zp : (tensor<1x512x512xf16>, tensor<1x512x3072xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x3072xf16>
    // Row-parallel output projection: partial sums meet in an all-reduce.
    %os = ccl.all_reduce sum %o groups [[0, 1, 2, 3, 4, 5]] : tensor<1x512x3072xf16>
    %h = tosa.add %x, %os : (tensor<1x512x3072xf16>, tensor<1x512x3072xf16>) -> tensor<1x512x3072xf16>
    // RMSNorm 2
    %sq2 = tosa.mul %h, %h, %shift : (tensor<1x512x3072xf16>, tensor<1x512x3072xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    %ss2 = tosa.reduce_sum %sq2 {axis = 2 : i32} : (tensor<1x512x3072xf16>) -> tensor<1x512x1xf16>
    %ms2 = tosa.mul %ss2, %inv_h, %shift : (tensor<1x512x1xf16>, tensor<1x1x1xf16>, tensor<1xi8>) -> tensor<1x512x1xf16>
    %me2 = tosa.add %ms2, %eps : (tensor<1x512x1xf16>, tensor<1x1x1xf16>) -> tensor<1x512x1xf16>
    %rs2 = tosa.rsqrt %me2 : (tensor<1x512x1xf16>) -> tensor<1x512x1xf16>
    %nx2 = tosa.mul %h, %rs2, %shift : (tensor<1x512x3072xf16>, tensor<1x512x1xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    %n2 = tosa.mul %nx2, %g2, %shift : (tensor<1x512x3072xf16>, tensor<1x1x3072xf16>, tensor<1xi8>) -> tensor<1x512x3072xf16>
    // SwiGLU MLP: column-parallel gate/up, row-parallel down.
    %gt = tosa.matmul %n2, %wg, %zp, %zp : (tensor<1x512x3072xf16>, tensor<1x3072x1024xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x1024xf16>
    %up = tosa.matmul %n2, %wu, %zp, %zp : (tensor<1x512x3072xf16>, tensor<1x3072x1024xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x1024xf16>
    %sg = tosa.sigmoid %gt : (tensor<1x512x1024xf16>) -> tensor<1x512x1024xf16>
    %silu = tosa.mul %gt, %sg, %shift : (tensor<1x512x1024xf16>, tensor<1x512x1024xf16>, tensor<1xi8>) -> tensor<1x512x1024xf16>
    %act = tosa.mul %silu, %up, %shift : (tensor<1x512x1024xf16>, tensor<1x512x1024xf16>, tensor<1xi8>) -> tensor<1x512x1024xf16>
    %dn = tosa.matmul %act, %wd, %zp, %zp : (tensor<1x512x1024xf16>, tensor<1x1024x3072xf16>, tensor<1xf16>, tensor<1xf16>) -> tensor<1x512x3072xf16>
    %ds = ccl.all_reduce sum %dn groups [[0, 1, 2, 3, 4, 5]] : tensor<1x512x3072xf16>
    %y = tosa.add %h, %ds : (tensor<1x512x3072xf16>, tensor<1x512x3072xf16>) -> tensor<1x512x3072xf16>
    return %y : tensor<1x512x3072xf16>
  }
}
