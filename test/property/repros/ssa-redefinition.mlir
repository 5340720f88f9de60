module {
  %cst = arith.constant 0.000000e+00 : f32
  %0 = arith.maximumf %cst, %cst : f32
  "bar.a"(%0, %cst) ({
  ^bb0(%arg0: i8):
    %1 = "foo.a"(%cst, %cst) ({
    ^bb0(%arg1: i16, %arg2: i8):
      %10 = "foo.yield"(%cst, %arg0) ({
      }) : (f32, i8) -> none
    ^bb2(%16: i8, %17: i8, %18: i8):
      "bar.a"(%16, %17, %18)[^bb2] : (i8, i8, i8) -> ()
    }) : (f32, f32) -> i16
    %7:3 = "foo.yield"(%0, %cst) ({
    }) : (f32, f32) -> (f8E4M3, tensor<7x8xi64>, memref<6xcomplex<f8E4M3FN>, strided<[24], offset: ?>>)
  ^bb2(%9: i32):
    "foo.op"(%0, %9) ({
      %cst_1 = arith.constant 1.58070301E+16 : f32
      %11:2 = "bar.x.y"(%0) ({
      ^bb0(%arg2: i8):
        %15 = "foo.undef"() : () -> i8
      ^bb1:
        "bar.b"()[^bb1, ^bb1] : () -> ()
      ^bb2(%20: i8):
        %22:2 = "foo.op"(%cst_1, %cst, %20) : (f32, f32, i8) -> (f32, tensor<*xi64>)
      }) : (f32) -> (i16, memref<*xcomplex<i64>>)
    }) : (f32, i32) -> ()
  }) : (f32, f32) -> ()
}