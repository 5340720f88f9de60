/**
 * Makes generated IR objects show as MLIR text in fast-check's reports, so a
 * shrunk counterexample reads `tensor<?x4xf32>` instead of a dump of fields.
 */
import fc from 'fast-check';

/**
 * Attach fast-check's `toStringMethod` (a non-enumerable symbol property, so
 * nothing else sees it) to `value` and return it. Types and attributes are
 * uniqued and immutable, so tagging them once is enough.
 */
export function printable<T extends object>(value: T, show: (v: T) => string): T {
  if (!Object.prototype.hasOwnProperty.call(value, fc.toStringMethod)) {
    Object.defineProperty(value, fc.toStringMethod, { value: () => show(value), enumerable: false, configurable: true });
  }
  return value;
}

/** `arb.map(v => printable(v, show))`. */
export function printableArb<T extends object>(arb: fc.Arbitrary<T>, show: (v: T) => string): fc.Arbitrary<T> {
  return arb.map((v) => printable(v, show));
}
