/** Deeply nested MLIR inputs, one per construct that nests. */
const R = (s: string, n: number): string => s.repeat(n);

/** Each construct nested `n` deep, inside an otherwise valid module. */
export const DEEP_CONSTRUCTS: Readonly<Record<string, (n: number) => string>> = {
  'op regions': (n) => R('"foo.op"() ({\n', n) + R('}) : () -> ()\n', n),
  'builtin.module': (n) => R('module {\n', n) + R('}\n', n),
  'array attribute': (n) => `"foo.op"() {a = ${R('[', n)}${R(']', n)}} : () -> ()\n`,
  'dictionary attribute': (n) => `"foo.op"() {a = ${R('{a = ', n)}1${R('}', n)}} : () -> ()\n`,
  'tuple type': (n) => `"foo.op"() : () -> ${R('tuple<', n)}i32${R('>', n)}\n`,
  'function type': (n) => `"foo.op"() : () -> (${R('() -> (', n)}i32${R(')', n)})\n`,
  'memref element type': (n) => `"foo.op"() : () -> ${R('memref<', n)}f32${R('>', n)}\n`,
  'dense literal': (n) => `"foo.op"() {a = dense<${R('[', n)}1${R(']', n)}> : tensor<${R('1x', n)}i32>} : () -> ()\n`,
  'affine parentheses': (n) => `"foo.op"() {a = affine_map<(d0) -> (${R('(', n)}d0${R(')', n)})>} : () -> ()\n`,
  'callsite location': (n) => `"foo.op"() : () -> () loc(${R('callsite(', n)}"f":1:1${R(' at "f":1:1)', n)})\n`,
  'fused location': (n) => `"foo.op"() : () -> () loc(${R('fused[', n)}unknown${R(']', n)})\n`,
  'dialect type body': (n) => `"foo.op"() : () -> !foo.x<${R('<', n)}${R('>', n)}>\n`,
};

