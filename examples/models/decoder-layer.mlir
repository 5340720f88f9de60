// A Llama-style decoder layer in TOSA (LLVM 22 syntax): RMSNorm, multi-head attention,
// SwiGLU MLP, residuals. hidden 384, 6 heads of 64, MLP 768, 8 tokens, f32. (generate.mjs)
module {
  func.func @decoder_layer(%x: tensor<1x8x384xf32>, %g1: tensor<1x1x384xf32>, %wq: tensor<1x384x384xf32>, %wk: tensor<1x384x384xf32>, %wv: tensor<1x384x384xf32>, %wo: tensor<1x384x384xf32>, %g2: tensor<1x1x384xf32>, %wg: tensor<1x384x768xf32>, %wu: tensor<1x384x768xf32>, %wd: tensor<1x768x384xf32>) -> tensor<1x8x384xf32> {
    %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
    %shift = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
    %inv_h = "tosa.const"() <{values = dense<2.604167e-3> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
    %eps = "tosa.const"() <{values = dense<1.0e-05> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
    %scale = "tosa.const"() <{values = dense<1.250000e-1> : tensor<1x1x1xf32>}> : () -> tensor<1x1x1xf32>
    // Activations are [1, tokens, hidden]; weights [1, in, out] (tosa.matmul is batched rank 3).
    // RMSNorm 1
    %sq1 = tosa.mul %x, %x, %shift : (tensor<1x8x384xf32>, tensor<1x8x384xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    %ss1 = tosa.reduce_sum %sq1 {axis = 2 : i32} : (tensor<1x8x384xf32>) -> tensor<1x8x1xf32>
    %ms1 = tosa.mul %ss1, %inv_h, %shift : (tensor<1x8x1xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1xf32>
    %me1 = tosa.add %ms1, %eps : (tensor<1x8x1xf32>, tensor<1x1x1xf32>) -> tensor<1x8x1xf32>
    %rs1 = tosa.rsqrt %me1 : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
    %nx1 = tosa.mul %x, %rs1, %shift : (tensor<1x8x384xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    %n1 = tosa.mul %nx1, %g1, %shift : (tensor<1x8x384xf32>, tensor<1x1x384xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    // Attention: column-parallel Q/K/V projections (this rank holds 6 of 6 heads).
    %q = tosa.matmul %n1, %wq, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x384xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x384xf32>
    %k = tosa.matmul %n1, %wk, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x384xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x384xf32>
    %v = tosa.matmul %n1, %wv, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x384xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x384xf32>
    %heads = tosa.const_shape {values = dense<[8, 6, 64]> : tensor<3xindex>} : () -> !tosa.shape<3>
    %qr = tosa.reshape %q, %heads : (tensor<1x8x384xf32>, !tosa.shape<3>) -> tensor<8x6x64xf32>
    %qh = tosa.transpose %qr {perms = array<i32: 1, 0, 2>} : (tensor<8x6x64xf32>) -> tensor<6x8x64xf32>
    %kr = tosa.reshape %k, %heads : (tensor<1x8x384xf32>, !tosa.shape<3>) -> tensor<8x6x64xf32>
    %kh = tosa.transpose %kr {perms = array<i32: 1, 0, 2>} : (tensor<8x6x64xf32>) -> tensor<6x8x64xf32>
    %vr = tosa.reshape %v, %heads : (tensor<1x8x384xf32>, !tosa.shape<3>) -> tensor<8x6x64xf32>
    %vh = tosa.transpose %vr {perms = array<i32: 1, 0, 2>} : (tensor<8x6x64xf32>) -> tensor<6x8x64xf32>
    %kt = tosa.transpose %kh {perms = array<i32: 0, 2, 1>} : (tensor<6x8x64xf32>) -> tensor<6x64x8xf32>
    %sc = tosa.matmul %qh, %kt, %zp, %zp : (tensor<6x8x64xf32>, tensor<6x64x8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<6x8x8xf32>
    %ss = tosa.mul %sc, %scale, %shift : (tensor<6x8x8xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<6x8x8xf32>
    %mx = tosa.reduce_max %ss {axis = 2 : i32} : (tensor<6x8x8xf32>) -> tensor<6x8x1xf32>
    %sh = tosa.sub %ss, %mx : (tensor<6x8x8xf32>, tensor<6x8x1xf32>) -> tensor<6x8x8xf32>
    %ex = tosa.exp %sh : (tensor<6x8x8xf32>) -> tensor<6x8x8xf32>
    %den = tosa.reduce_sum %ex {axis = 2 : i32} : (tensor<6x8x8xf32>) -> tensor<6x8x1xf32>
    %rden = tosa.reciprocal %den : (tensor<6x8x1xf32>) -> tensor<6x8x1xf32>
    %p = tosa.mul %ex, %rden, %shift : (tensor<6x8x8xf32>, tensor<6x8x1xf32>, tensor<1xi8>) -> tensor<6x8x8xf32>
    %ctx = tosa.matmul %p, %vh, %zp, %zp : (tensor<6x8x8xf32>, tensor<6x8x64xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<6x8x64xf32>
    %ct = tosa.transpose %ctx {perms = array<i32: 1, 0, 2>} : (tensor<6x8x64xf32>) -> tensor<8x6x64xf32>
    %flat = tosa.const_shape {values = dense<[1, 8, 384]> : tensor<3xindex>} : () -> !tosa.shape<3>
    %cf = tosa.reshape %ct, %flat : (tensor<8x6x64xf32>, !tosa.shape<3>) -> tensor<1x8x384xf32>
    %o = tosa.matmul %cf, %wo, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x384xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x384xf32>
    %h = tosa.add %x, %o : (tensor<1x8x384xf32>, tensor<1x8x384xf32>) -> tensor<1x8x384xf32>
    // RMSNorm 2
    %sq2 = tosa.mul %h, %h, %shift : (tensor<1x8x384xf32>, tensor<1x8x384xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    %ss2 = tosa.reduce_sum %sq2 {axis = 2 : i32} : (tensor<1x8x384xf32>) -> tensor<1x8x1xf32>
    %ms2 = tosa.mul %ss2, %inv_h, %shift : (tensor<1x8x1xf32>, tensor<1x1x1xf32>, tensor<1xi8>) -> tensor<1x8x1xf32>
    %me2 = tosa.add %ms2, %eps : (tensor<1x8x1xf32>, tensor<1x1x1xf32>) -> tensor<1x8x1xf32>
    %rs2 = tosa.rsqrt %me2 : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
    %nx2 = tosa.mul %h, %rs2, %shift : (tensor<1x8x384xf32>, tensor<1x8x1xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    %n2 = tosa.mul %nx2, %g2, %shift : (tensor<1x8x384xf32>, tensor<1x1x384xf32>, tensor<1xi8>) -> tensor<1x8x384xf32>
    // SwiGLU MLP: column-parallel gate/up, row-parallel down.
    %gt = tosa.matmul %n2, %wg, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x768xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x768xf32>
    %up = tosa.matmul %n2, %wu, %zp, %zp : (tensor<1x8x384xf32>, tensor<1x384x768xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x768xf32>
    %sg = tosa.sigmoid %gt : (tensor<1x8x768xf32>) -> tensor<1x8x768xf32>
    %silu = tosa.mul %gt, %sg, %shift : (tensor<1x8x768xf32>, tensor<1x8x768xf32>, tensor<1xi8>) -> tensor<1x8x768xf32>
    %act = tosa.mul %silu, %up, %shift : (tensor<1x8x768xf32>, tensor<1x8x768xf32>, tensor<1xi8>) -> tensor<1x8x768xf32>
    %dn = tosa.matmul %act, %wd, %zp, %zp : (tensor<1x8x768xf32>, tensor<1x768x384xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x384xf32>
    %y = tosa.add %h, %dn : (tensor<1x8x384xf32>, tensor<1x8x384xf32>) -> tensor<1x8x384xf32>
    return %y : tensor<1x8x384xf32>
  }
}
