import { Type, printType, type Context, type DialectType } from '../../ir/index.js';

/** `!ccl.future<T>`: a collective's result still in flight. */
export function futureType(ctx: Context, value: Type): DialectType {
  return ctx.dialectType('ccl', 'future', printType(value), [value]);
}

export function isFuture(t: Type): t is DialectType {
  return t.kind === 'dialect' && (t as DialectType).dialect === 'ccl' && (t as DialectType).mnemonic === 'future';
}

/** The `T` of `!ccl.future<T>`. */
export function futureValueType(t: Type): Type | undefined {
  if (!isFuture(t)) return undefined;
  const p = t.params[0];
  return p instanceof Type ? p : undefined;
}
