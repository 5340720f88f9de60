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
];
