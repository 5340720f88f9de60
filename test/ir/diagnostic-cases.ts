/** Inputs with the first error mlir-opt-22 reports for them (line, optional column, message). */
export interface DiagnosticCase {
  readonly name: string;
  readonly input: string;
  readonly line: number;
  readonly col?: number;
  readonly message: string;
}

export const DIAGNOSTIC_CASES: readonly DiagnosticCase[] = [
  {
    name: 'ops in a block are verified before its missing terminator',
    input: 'func.func @f(%a: f32) {\n  %0 = arith.addi %a, %a : f32\n}\n',
    line: 2,
    col: 8,
    message: "'arith.addi' op operand #0 must be signless-integer-like, but got 'f32'",
  },
  {
    name: 'a missing token is reported past the last token, skipping blank lines and comments',
    input: 'func.func @f() {\n  %c0 = arith.constant // no value\n\n  // a comment line\n  %x = arith.constant 1 : i32\n  return\n}\n',
    line: 2,
    col: 23,
    message: 'expected attribute value',
  },
  {
    name: 'a wrong token on the same line points just past the previous token',
    input: 'func.func @f(%a: i32) {\n  "foo.op"(%a) : (i32)   i32\n  return\n}\n',
    line: 2,
    col: 23,
    message: "expected '->' in function type",
  },
  {
    name: 'missing token at the end of the input',
    input: '#attr = dense_resource<resource>\n\n',
    line: 1,
    col: 33,
    message: "expected ':'",
  },
  {
    name: "resource sections read the ':' before looking the dialect up",
    input: '{-#\n  dialect_resources: {\n    entry "value"\n  }\n#-}\n',
    line: 3,
    col: 10,
    message: "expected ':'",
  },
  {
    name: 'builtin resource values must be hex string blobs',
    input: '{-#\n  dialect_resources: {\n    builtin: {\n      blob: true\n    }\n  }\n#-}\n',
    line: 4,
    col: 13,
    message: "expected hex string blob for key 'blob'",
  },
  {
    name: 'resource blobs need their 4-byte alignment prefix',
    input: '{-#\n  dialect_resources: {\n    builtin: {\n      blob: "0x0800"\n    }\n  }\n#-}\n',
    line: 4,
    col: 13,
    message: "expected hex string blob for key 'blob' to encode alignment in first 4 bytes",
  },
  {
    name: 'resource blob alignment must be a power of two',
    input: '{-#\n  dialect_resources: {\n    builtin: {\n      blob: "0x03000000FF"\n    }\n  }\n#-}\n',
    line: 4,
    col: 13,
    message: "expected hex string blob for key 'blob' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3",
  },
  {
    name: 'an op location alias that is never defined',
    input: 'func.func @f() {\n  return loc(#nowhere)\n}\n',
    line: 2,
    col: 14,
    message: 'operation location alias was never defined',
  },
  {
    name: 'an op location alias defined later that is not a location',
    input: 'func.func @f() {\n  return loc(#later)\n}\n#later = true\n',
    line: 2,
    col: 14,
    message: "expected location, but found 'true'",
  },
  {
    name: "callsite locations need 'at'",
    input: 'func.func @f() {\n  return loc(callsite(unknown unknown))\n}\n',
    line: 2,
    col: 30,
    message: "expected 'at' in callsite location",
  },
  {
    name: 'sparse values must be 1-d',
    input: '"foo.op"() {bar = sparse<[[0, 0, 0]], [[-2.0]]> : vector<1x1x1xf16>} : () -> ()\n',
    line: 1,
    col: 19,
    message: 'expected 1-d tensor for sparse element values',
  },
  {
    name: 'sparse indices must lie inside the shape',
    input: '"foo.op"() {bar = sparse<[[0, 1], [2, 0]], [1, 2]> : tensor<2x2xi16>} : () -> ()\n',
    line: 1,
    col: 19,
    message: "sparse index #1 is not contained within the value shape, with index=[2, 0], and type='tensor<2x2xi16>'",
  },
  {
    name: 'sparse index and value counts must agree',
    input: '"foo.op"() {bar = sparse<[[0, 1], [1, 0]], [1, 2, 3]> : tensor<2x2xi16>} : () -> ()\n',
    line: 1,
    col: 19,
    message: 'expected shape ([2, 2]); inferred shape of indices literal ([2, 2]); inferred shape of values literal ([3])',
  },
  {
    name: 'a written type feeding a TypesMatchWith is checked against its constraint at parse time',
    input: 'func.func @f(%a: f32) {\n  %r = arith.cmpi eq, %a, %a : f32\n  return\n}\n',
    line: 2,
    col: 8,
    message: "custom op 'arith.cmpi' 'lhs' must be signless-integer-like, but got 'f32'",
  },
  {
    name: 'the parse-time constraint check comes before the missing terminator',
    input: 'func.func @f(%i: () -> ()) {\n  %c = arith.cmpi eq, %i, %i : () -> ()\n',
    line: 2,
    col: 8,
    message: "custom op 'arith.cmpi' 'lhs' must be signless-integer-like, but got '() -> ()'",
  },
  {
    name: 'from_elements needs a static result shape before it derives element types',
    input: 'func.func @f(%v: f32) {\n  %0 = tensor.from_elements %v : tensor<?xf32>\n  return\n}\n',
    line: 2,
    col: 8,
    message: "custom op 'tensor.from_elements' 'result' must be statically shaped tensor of any type values, but got 'tensor<?xf32>'",
  },
  {
    name: 'a type of the wrong C++ class is rejected where it is written',
    input: 'func.func @f(%v: f32) {\n  tensor.splat %v : memref<8xf32>\n  return\n}\n',
    line: 2,
    col: 21,
    message: "custom op 'tensor.splat' invalid kind of type specified: expected builtin.tensor, but found 'memref<8xf32>'",
  },
  {
    name: 'unranked tensor where a ranked one is parsed',
    input: 'func.func @f(%v: i32) {\n  %0 = tensor.from_elements %v : tensor<*xi32>\n  return\n}\n',
    line: 2,
    col: 34,
    message: "custom op 'tensor.from_elements' invalid kind of type specified: expected builtin.tensor, but found 'tensor<*xi32>'",
  },
  {
    name: 'fewer operands than derived types',
    input: 'func.func @f(%v: f32) {\n  %0 = tensor.from_elements %v : tensor<2xf32>\n  return\n}\n',
    line: 2,
    col: 29,
    message: "custom op 'tensor.from_elements' number of operands and types do not match: got 1 operands and 2 types",
  },
  {
    name: 'more operands than derived types',
    input: 'func.func @f(%v: f32) {\n  %0 = tensor.from_elements %v, %v : tensor<f32>\n  return\n}\n',
    line: 2,
    col: 29,
    message: "custom op 'tensor.from_elements' number of operands and types do not match: got 2 operands and 1 types",
  },
  {
    name: 'an enum position holding something other than a keyword',
    input: 'func.func @f(%v: i32) {\n  %0 = arith.cmpi 3, %v, %v : i32\n  return\n}\n',
    line: 2,
    col: 19,
    message:
      "custom op 'arith.cmpi' expected string or keyword containing one of the following enum values for attribute 'predicate' [eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge]",
  },
  {
    name: 'an enum written as an unknown string',
    input: 'func.func @f(%v: i32) {\n  %0 = arith.cmpi "foo", %v, %v : i32\n  return\n}\n',
    line: 2,
    col: 19,
    message: 'custom op \'arith.cmpi\' invalid predicate attribute specification: "foo"',
  },
];
