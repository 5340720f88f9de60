module {
  func.func @"with space"(%arg0: tensor<*x!foo.t>) {
    "foo.op"() ({
    }) : () -> ()
    return
  }
  func.func @a(%arg0: f16) {
    return
  }
}
