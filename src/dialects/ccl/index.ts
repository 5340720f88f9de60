// The ccl collective dialect (DESIGN §6.1): SPMD collectives over rank groups.
import type { Dialect, OpDefinition } from '../../ir/index.js';
import { CCL_OPS, ANNOTATIONS } from './spec.js';
import { parseCclOp, printCclOp } from './syntax.js';
import { verifyCclOp } from './verify.js';

function defineOp(spec: (typeof CCL_OPS)[number]): OpDefinition {
  return {
    name: `ccl.${spec.name}`,
    summary: spec.summary,
    traits: new Set(spec.collective ? [] : ['NoMemoryEffect']),
    // Parameters are discardable attributes by design (IRDL and generic-form interop).
    inherentAttributes: new Set(),
    parse: (p, state) => parseCclOp(spec, p, state),
    print: (p, op) => printCclOp(spec, p, op),
    verify: (op, ctx) => verifyCclOp(spec, op, ctx),
  };
}

export function cclDialect(): Dialect {
  return {
    name: 'ccl',
    ops: new Map(CCL_OPS.map((s) => [`ccl.${s.name}`, defineOp(s)])),
    parseType(parser, symbol) {
      if (symbol.mnemonic !== 'future') return parser.fail(`unknown ccl type '${symbol.mnemonic}'`);
      return futureType(parser.context, parser.parseBodyType());
    },
  };
}

import { futureType } from './types.js';
export { CCL_OPS, ANNOTATIONS, futureType };
export { isFuture, futureValueType } from './types.js';
export { encodeRankMatrix, decodeRankMatrix, groupsOf, worldSizeOf } from './attributes.js';
export { emitCclIrdl } from './irdl.js';
export { REDUCTIONS, ALGORITHMS, STAGES, CCL_OP_BY_NAME, type CclOpSpec, type Reduction } from './spec.js';
