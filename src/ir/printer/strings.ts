/** MLIR's escaping: printable ASCII except `"` and `\` as is; other bytes as `\XX`. */
export function escapeString(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    if (byte === 0x22 || byte === 0x5c) out += '\\' + String.fromCharCode(byte);
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += '\\' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function quoteString(value: string): string {
  return `"${escapeString(value)}"`;
}

const BARE_ID = /^[a-zA-Z_][a-zA-Z0-9_$.]*$/;
// MLIR prints a symbol bare only when it is a bare identifier (no '-').
const SYMBOL_ID = /^[a-zA-Z_][a-zA-Z0-9_$.]*$/;

export function isBareIdentifier(name: string): boolean {
  return BARE_ID.test(name);
}

/** `@name`, or `@"..."` when the name is not an identifier. */
export function printSymbol(name: string): string {
  return SYMBOL_ID.test(name) ? `@${name}` : `@${quoteString(name)}`;
}

/** Attribute dictionary keys: bare when possible, quoted otherwise. */
export function printAttrName(name: string): string {
  return isBareIdentifier(name) ? name : quoteString(name);
}
