/**
 * Random small modules for differential tests: functions over arith ops in
 * custom and generic form, unregistered ops, deliberate type mistakes and
 * random one-character mutations, so that valid and invalid inputs (parse
 * errors, verifier errors, notes) all occur.
 */
import fc from 'fast-check';

const INT_TYPES = ['i1', 'i8', 'i32', 'i64', 'index'] as const;
const FLOAT_TYPES = ['f16', 'f32', 'f64'] as const;
const TYPES = [...INT_TYPES, ...FLOAT_TYPES, 'tensor<4xf32>', 'vector<2xi32>'] as const;
type Ty = (typeof TYPES)[number];

const isInt = (t: string): boolean => (INT_TYPES as readonly string[]).includes(t);
const isFloat = (t: string): boolean => (FLOAT_TYPES as readonly string[]).includes(t);

const OP_KINDS = ['const', 'binary', 'generic', 'cmp', 'unregistered'] as const;

interface OpSpec {
  readonly kind: (typeof OP_KINDS)[number];
  readonly a: number;
  readonly b: number;
  readonly type: Ty;
  readonly value: number;
  readonly lie: boolean; // state a wrong type on purpose
}

const opArb: fc.Arbitrary<OpSpec> = fc.record({
  kind: fc.constantFrom(...OP_KINDS),
  a: fc.nat(20),
  b: fc.nat(20),
  type: fc.constantFrom(...TYPES),
  value: fc.integer({ min: -300, max: 300 }),
  lie: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
});

interface Value {
  readonly name: string;
  readonly type: string;
}

function renderOp(op: OpSpec, values: Value[], index: number): string {
  const name = `%v${index}`;
  const pick = (n: number): Value | undefined => (values.length === 0 ? undefined : values[n % values.length]);
  const a = pick(op.a);
  // Usually an operand of a's type, so that most modules verify; `lie` breaks that on purpose.
  const sameType = a ? values.filter((v) => v.type === a.type) : [];
  const b = op.lie ? pick(op.b) : sameType.length > 0 ? sameType[op.b % sameType.length] : undefined;
  const push = (type: string): void => void values.push({ name, type });
  switch (op.kind) {
    case 'const': {
      const t = op.type.startsWith('tensor') || op.type.startsWith('vector') ? 'i32' : op.type;
      const literal = isFloat(t) ? `${op.value}.5` : t === 'i1' ? (op.value > 0 ? 'true' : 'false') : String(op.value);
      const stated = op.lie ? 'f32' : t;
      push(stated);
      return `    ${name} = arith.constant ${literal} : ${stated}`;
    }
    case 'binary': {
      if (!a || !b) return `    // no operands yet`;
      const float = isFloat(a.type) || a.type.endsWith('f32>');
      const mnemonic = float ? 'arith.addf' : op.value % 2 ? 'arith.muli' : 'arith.addi';
      const t = op.lie ? b.type : a.type;
      push(t);
      return `    ${name} = ${mnemonic} ${a.name}, ${b.name} : ${t}`;
    }
    case 'generic': {
      if (!a) return '    // no operands yet';
      const t = op.lie ? op.type : a.type;
      push(t);
      return `    ${name} = "arith.subi"(${a.name}, ${a.name}) : (${a.type}, ${a.type}) -> ${t}`;
    }
    case 'cmp': {
      if (!a || !b || !isInt(a.type)) return `    // no integer operands`;
      push('i1');
      return `    ${name} = arith.cmpi slt, ${a.name}, ${b.name} : ${a.type}`;
    }
    case 'unregistered': {
      const operands = a ? [a] : [];
      push(op.type);
      return `    ${name} = "mydialect.op${op.value & 3}"(${operands.map((v) => v.name).join(', ')}) {n = ${op.value} : i64, s = "${'\u00e9'.repeat(op.value & 3)}"} : (${operands.map((v) => v.type).join(', ')}) -> ${op.type}`;
    }
  }
}

interface FuncSpec {
  readonly args: readonly Ty[];
  readonly ops: readonly OpSpec[];
  readonly ret: number;
  readonly retLie: boolean;
}

const funcArb: fc.Arbitrary<FuncSpec> = fc.record({
  args: fc.array(fc.constantFrom(...TYPES), { maxLength: 3 }),
  ops: fc.array(opArb, { maxLength: 10 }),
  ret: fc.nat(20),
  retLie: fc.integer({ min: 0, max: 7 }).map((x) => x === 0),
});

function renderFunc(f: FuncSpec, i: number): string {
  const values: Value[] = f.args.map((t, k) => ({ name: `%arg${k}`, type: t }));
  const args = f.args.map((t, k) => `%arg${k}: ${t}`).join(', ');
  const body = f.ops.map((op, k) => renderOp(op, values, k));
  const ret = values.length > 0 ? values[f.ret % values.length] : undefined;
  const resultType = ret ? (f.retLie ? 'i64' : ret.type) : undefined;
  body.push(ret ? `    return ${ret.name} : ${ret.type}` : '    return');
  return [`  func.func @f${i}(${args})${resultType ? ` -> ${resultType}` : ''} {`, ...body, '  }'].join('\n');
}

/** Optionally delete or insert one character somewhere. */
const mutationArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({ at: fc.nat(), insert: fc.option(fc.constantFrom('(', ')', '{', '}', '%', ':', ',', '=', '<', '"', 'x', '\n')) }),
  },
);

export const randomModuleArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(funcArb, { minLength: 1, maxLength: 3 }), mutationArb)
  .map(([funcs, mutation]) => {
    let text = ['module {', ...funcs.map(renderFunc), '}', ''].join('\n');
    if (mutation) {
      const at = mutation.at % (text.length + 1);
      text = mutation.insert === null ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + mutation.insert + text.slice(at);
    }
    return text;
  });

/**
 * "Fragment soup": random sequences of MLIR-ish pieces, including tabs, CRLF,
 * non-ASCII, NUL, unterminated strings and file metadata, for the lexer and
 * parser error paths (and for how mlir-opt shows such lines).
 */
export const fragmentSoupArb: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'func.func @f(', '%a', ': i32', ')', '{', '}', 'return', '"x.y"()', ' : () -> ()', '\t', '\n', '\r\n',
      '\u00e9', '#map = ', 'affine_map<(d0) -> (d0)>', 'loc("f":1:2)', 'dense<[1, 2]>', 'tensor<2xi32>', '"',
      '\\', '{-#', '#-}', '\u0000', '// c\n', '// tail', '^bb0:', 'arith.constant 1 : i32', '// -----\n',
    ),
    { maxLength: 25 },
  )
  .map((pieces) => pieces.join(''));
