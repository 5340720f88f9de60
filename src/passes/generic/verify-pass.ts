/** `verify`: runs the IR verifier on the op it is given and fails with its diagnostics. */
import { DiagnosticError, verify } from '../../ir/index.js';
import { definePass } from '../registry/index.js';

export const verifyPass = definePass({
  argument: 'verify',
  summary: 'Verify the IR',
  description: 'Runs the verifier (structure, dominance, op constraints) and fails on the first invalid op it reports.',
  displayName: 'Verifier',
  create: () => ({
    run(op) {
      const errors = verify(op).filter((d) => d.severity === 'error');
      if (errors.length) throw new DiagnosticError(errors);
    },
  }),
});
