/**
 * Arbitraries of broken MLIR text, for robustness tests of anything that reads
 * it: token-level mutations of valid text (delete, insert, swap, duplicate,
 * truncate, replace a byte), soups of MLIR tokens, and random bytes.
 */
import fc from 'fast-check';

/** MLIR-ish tokens, split so that whitespace is kept as its own token. */
const TOKEN = /"(?:[^"\\\n]|\\.)*"?|[%^@#!][\w$.\-]*|0x[0-9a-fA-F]+|-?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|[a-zA-Z_][\w$.]*|->|::|\{-#|#-\}|\s+|./gsu;

/** Split MLIR text into tokens (whitespace runs are tokens too, so joining gives the text back). */
export function tokenizeMlir(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Tokens that are likely to derail a parser in interesting places. */
export const MLIR_TOKEN_VOCABULARY = [
  '(', ')', '{', '}', '[', ']', '<', '>', ',', ':', '=', '->', '::', '?', '*', 'x', '+', '-',
  '%0', '%arg0', '%1#2', '^bb0', '^bb1', '@f', '@"q"', '#map', '!t', '#foo.a<', '!foo.t<',
  'i32', 'f32', 'index', 'tensor<', 'memref<', 'vector<', 'tuple<', 'complex<', 'dense<', 'array<i64:',
  'affine_map<', 'affine_set<', 'loc(', 'unknown', 'callsite(', 'fused[', 'at', 'to', 'strided<[',
  '"', '"\\', '"foo.op"', 'module', 'func.func', 'arith.addi', 'return', 'true', '0x1F', '1.5e+', '0', '-1',
  '{-#', '#-}', 'dialect_resources', 'distinct[', '\n', ' ', '// -----', '//',
] as const;

export type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly token: string }
  | { readonly kind: 'swap'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'replaceChar'; readonly at: number; readonly char: string }
  /** Whole lines: these keep the syntax and break structure (terminators, dominance, symbols). */
  | { readonly kind: 'deleteLine'; readonly at: number }
  | { readonly kind: 'swapLines'; readonly at: number; readonly distance: number }
  /** Point one SSA use at another value (breaks dominance or types). */
  | { readonly kind: 'renameValue'; readonly at: number; readonly to: number };

/** One mutation; positions are resolved modulo the text's token (or character) count. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...MLIR_TOKEN_VOCABULARY) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('replaceChar' as const), at: fc.nat(), char: fc.oneof(fc.constantFrom('"', '\\', '\0', '\u00e9', '}', '%'), fc.string({ minLength: 1, maxLength: 1 })) }),
    weight: 1,
  },
);

/** Mutations that keep every token well-formed and mostly break semantics instead. */
export const structuralMutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), distance: fc.integer({ min: 1, max: 4 }) }),
  { arbitrary: fc.record({ kind: fc.constant('renameValue' as const), at: fc.nat(), to: fc.nat() }), weight: 2 },
);

function mutateLines(text: string, m: Extract<Mutation, { kind: 'deleteLine' | 'swapLines' }>): string {
  const lines = text.split('\n');
  if (lines.length < 2) return text;
  const i = m.at % lines.length;
  if (m.kind === 'deleteLine') lines.splice(i, 1);
  else {
    const j = (i + m.distance) % lines.length;
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines.join('\n');
}

function renameValue(text: string, m: Extract<Mutation, { kind: 'renameValue' }>): string {
  const uses = [...text.matchAll(/%[\w$.\-]+(#\d+)?/g)];
  if (uses.length < 2) return text;
  const use = uses[m.at % uses.length];
  const other = uses[m.to % uses.length][0];
  return text.slice(0, use.index) + other + text.slice(use.index + use[0].length);
}

/** Apply `mutations` in order to `text`. Token mutations skip whitespace tokens. */
export function mutateText(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    if (m.kind === 'deleteLine' || m.kind === 'swapLines') {
      out = mutateLines(out, m);
      continue;
    }
    if (m.kind === 'renameValue') {
      out = renameValue(out, m);
      continue;
    }
    if (m.kind === 'replaceChar' || m.kind === 'truncate') {
      if (out.length === 0) continue;
      const at = m.at % out.length;
      out = m.kind === 'truncate' ? out.slice(0, at) : out.slice(0, at) + m.char + out.slice(at + 1);
      continue;
    }
    const tokens = tokenizeMlir(out);
    const solid = tokens.flatMap((t, i) => (/^\s+$/.test(t) ? [] : [i]));
    if (solid.length === 0) {
      if (m.kind === 'insert') out = m.token + out;
      continue;
    }
    const i = solid[m.at % solid.length];
    switch (m.kind) {
      case 'delete':
        tokens.splice(i, 1);
        break;
      case 'insert':
        tokens.splice(i, 0, m.token);
        break;
      case 'duplicate':
        tokens.splice(i, 0, tokens[i]);
        break;
      case 'swap': {
        const j = solid[(m.at + 1) % solid.length];
        [tokens[i], tokens[j]] = [tokens[j], tokens[i]];
        break;
      }
    }
    out = tokens.join('');
  }
  return out;
}

/** `text` with 1–`max` random mutations applied (token-level by default). */
export function mutatedTextArbitrary(text: fc.Arbitrary<string>, max = 2, mutations: fc.Arbitrary<Mutation> = mutationArbitrary): fc.Arbitrary<string> {
  return fc.tuple(text, fc.array(mutations, { minLength: 1, maxLength: max })).map(([t, ms]) => mutateText(t, ms));
}

/** Random sequences of MLIR tokens joined by spaces or newlines. */
export const mlirTokenSoupArbitrary: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...MLIR_TOKEN_VOCABULARY), fc.constantFrom(' ', '', '\n')), { maxLength: 40 })
  .map((parts) => parts.map(([t, s]) => t + s).join(''));

/** Random bytes decoded as UTF-8 (with replacement characters) or Latin-1. */
export const randomSourceArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }).map((b) => new TextDecoder().decode(b)),
  fc.uint8Array({ maxLength: 256 }).map((b) => String.fromCharCode(...b)),
  fc.string({ unit: 'binary', maxLength: 128 }),
);
