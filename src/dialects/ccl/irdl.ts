// IRDL export of the ccl dialect, generated from spec.ts (no hand-written IRDL):
// `mlir-opt-22 --irdl-file=ccl.irdl.mlir` then verifies generic-form ccl ops for real.
// IRDL ops cannot have properties, which is why ccl keeps its parameters as
// discardable attributes; optional annotations are not listed (IRDL checks the
// attributes it names and leaves other discardable attributes alone).
import { CCL_OPS, type CclAttrKind, type CclOpSpec } from './spec.js';

const BASE: Record<Exclude<CclAttrKind, 'unit'>, string> = {
  groups: '#builtin.dense_int_or_fp_elements',
  pairs: '#builtin.dense_int_or_fp_elements',
  reduction: '#builtin.string',
  enum: '#builtin.string',
  i64: '#builtin.integer',
  f64: '#builtin.float',
};

function opBody(spec: CclOpSpec): string[] {
  const lines: string[] = [];
  const v = (name: string, def: string): string => {
    lines.push(`    %${name} = ${def}`);
    return `%${name}`;
  };
  if (spec.name === 'wait') {
    const value = v('value', 'irdl.any');
    const future = v('future', `irdl.parametric @ccl::@future<${value}>`);
    lines.push(`    irdl.operands(future: ${future})`, `    irdl.results(value: ${value})`);
    return lines;
  }
  const input = v('input', 'irdl.base "!builtin.tensor"');
  let result = input;
  if (spec.result !== 'same') result = v('output', 'irdl.base "!builtin.tensor"');
  const future = v('in_flight', `irdl.parametric @ccl::@future<${result}>`);
  const either = v('result', `irdl.any_of(${result}, ${future})`);
  const attrs = spec.attributes.filter((a) => a.required && a.kind !== 'unit');
  const attrVars = attrs.map((a) => `"${a.name}" = ${v(`${a.name}_attr`, `irdl.base "${BASE[a.kind as Exclude<CclAttrKind, 'unit'>]}"`)}`);
  lines.push(`    irdl.operands(input: ${input})`, `    irdl.results(output: ${either})`);
  if (attrVars.length > 0) lines.push(`    irdl.attributes {${attrVars.join(', ')}}`);
  return lines;
}

/** The `irdl.dialect @ccl` module text. */
export function emitCclIrdl(): string {
  const out = ['module {', '  irdl.dialect @ccl {', '    irdl.type @future {', '      %0 = irdl.any', '      irdl.parameters(value: %0)', '    }'];
  for (const spec of CCL_OPS) {
    out.push(`    irdl.operation @${spec.name} {`);
    out.push(...opBody(spec).map((l) => `  ${l}`));
    out.push('    }');
  }
  out.push('  }', '}');
  return out.join('\n') + '\n';
}
