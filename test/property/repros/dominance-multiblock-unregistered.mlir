module {
  func.func private @b(%arg0: i1, %arg1: tensor<*xi32>, %arg2: f8E4M3FN) -> tensor<1x1xi1, "a b"> {
    %0 = arith.constant 0.0 : f64
    "bar.op"(%arg2, %0) ({
      %4:3 = "bar.frob"() ({
        %7 = arith.ori %6, %6 : i119
        %6 = arith.constant 0 : i119
        %10 = "foo.undef"() : () -> vector<[3]x5xbf16>
      ^bb1(%11: i1, %12: complex<i8>, %13: vector<[3]x5xbf16>):
        "foo.frob"(%arg0, %12, %13, %arg0, %12, %13) [^bb1, ^bb1] : (i1, complex<i8>, vector<[3]x5xbf16>, i1, complex<i8>, vector<[3]x5xbf16>) -> ()
      }) {bba.a = -4989180929681671523 : index} : () -> (complex<f8E3M4>, memref<4x5x?xi32>, i100)
    }) {a = @z, a__ = array<i8: -128, -63>, y0a0a0 = array<i8>} : (f8E4M3FN, f64) -> ()
  ^bb1(%21: tensor<1xf32, #foo.t>, %22: tensor<1x?xi1>, %23: memref<8x3x1xvector<5xf8E4M3>>):
    "foo.op"(%21, %22, %23) [^bb2, ^bb1] : (tensor<1xf32, #foo.t>, tensor<1x?xi1>, memref<8x3x1xvector<5xf8E4M3>>) -> ()
  ^bb2:
    %30 = "foo.undef"() : () -> tensor<1x1xi1, "a b">
  }
  %0:2 = "foo.a"() ({
    "foo.op"() [^bb1] : () -> ()
  ^bb1:
    "foo.end"() : () -> ()
  ^bb2(%9: () -> (), %10: memref<*xindex, "host">):
    "foo.a"(%9, %10) [^bb1, ^bb2] : (() -> (), memref<*xindex, "host">) -> ()
  }, {
    "foo.end"() : () -> ()
  ^bb1:
    "bar.x.y"() [^bb1, ^bb1] : () -> ()
  }) {z = [affine_set<(d0)[s0, s1] : (d0 + d0 + (d0 + s1) + (d0 + s0) * 3 >= 0)>, []]} : () -> (memref<ui32, affine_map<() -> (4)>>, vector<3xindex>)
}