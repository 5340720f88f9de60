import type { Operation } from '../../ir/index.js';
import type { Tensor } from '../tensor.js';

/** Computes an op's results from its operand values (tensors; scalars are rank-0 tensors). */
export type Kernel = (op: Operation, args: readonly Tensor[]) => Tensor[];

export class InterpError extends Error {
  constructor(readonly op: Operation | undefined, message: string) {
    super(message);
    this.name = 'InterpError';
  }
}
