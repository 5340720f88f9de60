/**
 * Which corpus chunks numaccl can be held to: those whose ops in custom
 * (pretty) syntax all belong to dialects numaccl registers. Ops of any dialect
 * written in generic form (`"x.y"(...)`) are in scope, and so are other
 * dialects' types and attributes (`!d.t<...>`, `#d.a<...>`), which numaccl
 * keeps verbatim. A chunk that uses another dialect's custom op syntax
 * (`test.foo`, `scf.for`, `linalg.generic`, ...) is out of scope, with the
 * reason recorded so the report lists it rather than dropping it.
 */

/** Dialects numaccl registers now; later issues add tosa, mpi, shard, ccl. */
export const REGISTERED_DIALECTS: readonly string[] = ['builtin', 'func', 'arith', 'tensor'];

export interface ScopeVerdict {
  readonly inScope: boolean;
  /** For out-of-scope chunks: why, e.g. "custom syntax of scf (scf.for, scf.yield)". */
  readonly reason?: string;
  /** Foreign dialects whose custom ops the chunk uses, with example op names. */
  readonly foreignOps: ReadonlyMap<string, readonly string[]>;
}

/**
 * Classify one chunk. An op in custom form is a bare dotted name at the start
 * of a statement: at the start of a line or after `%results =`, and not an
 * attribute-dictionary key (those are followed by `=`, `,` or `}`).
 */
export function classifyScope(
  text: string,
  dialects: readonly string[] = REGISTERED_DIALECTS,
  kind: 'valid' | 'invalid-expected' | 'rejected' = 'valid',
): ScopeVerdict {
  const known = new Set(dialects);
  const foreign = new Map<string, string[]>();
  // Expected diagnostics that come from MLIR's own `test` dialect (its verifiers and parsers,
  // which numaccl does not implement): the message names a test op/type/attribute, or the
  // line the expectation points at uses one.
  if (kind === 'invalid-expected') {
    const use = foreignDialectExpectation(text);
    if (use) {
      const dialect = use.slice(0, use.indexOf('.'));
      foreign.set(dialect, [use]);
      return { inScope: false, reason: `expects diagnostics from the ${dialect === 'test' ? "MLIR test" : dialect} dialect's verifier or parser (${use})`, foreignOps: foreign };
    }
  }
  const code = maskCommentsAndStrings(text);
  const statement =
    /(^|\n)[ \t]*(?:(?:%[\w$.\-#]+(?::\d+)?[ \t]*,[ \t]*)*%[\w$.\-#]+(?::\d+)?[ \t]*=[ \t]*)?([A-Za-z_][\w$]*)\.([A-Za-z_][\w$.]*)(?=([^\n]*))/g;
  for (const m of code.matchAll(statement)) {
    const [, , dialect, rest, after] = m;
    if (/^[ \t]*[=,}]/.test(after)) continue; // an attribute key in a dictionary
    if (known.has(dialect)) continue;
    const ops = foreign.get(dialect) ?? [];
    const name = `${dialect}.${rest}`;
    if (!ops.includes(name)) ops.push(name);
    foreign.set(dialect, ops);
  }
  if (foreign.size === 0) return { inScope: true, foreignOps: foreign };
  const reason = [...foreign.entries()]
    .map(([d, ops]) => `custom syntax of ${d} (${ops.slice(0, 3).join(', ')}${ops.length > 3 ? ', …' : ''})`)
    .join('; ');
  return { inScope: false, reason, foreignOps: foreign };
}

/** Replace `//` comments and string literal contents with spaces, keeping offsets and newlines. */
export function maskCommentsAndStrings(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += '"' + ' '.repeat(Math.max(0, Math.min(j, text.length) - i - 1)) + (j < text.length ? text[j] : '');
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < text.length && text[j] !== '\n') j++;
      out += ' '.repeat(j - i);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const TEST_USE = /['"#!]test\.[\w.$]+|(?:^|[\s=(])test\.[a-z_][\w.$]*/;

/** Upstream dialects numaccl does not implement: their generic ops' verifier errors are theirs. */
const UPSTREAM_UNREGISTERED = /"(affine|scf|cf|llvm|memref|vector|gpu|linalg|spirv|math|complex|index|sparse_tensor|bufferization|transform|emitc|nvvm|rocdl|amdgpu|omp|acc|ml_program|quant|ub|pdl|irdl|async|dlti|ptr|x86vector|arm_neon|arm_sme|arm_sve|mesh)\.[\w.$]+"/;

/** The test-dialect entity an expected diagnostic depends on, if any. */
export function foreignDialectExpectation(text: string): string | undefined {
  const lines = text.split('\n');
  const isExpectation = (l: string): boolean => /\/\/\s*expected-(error|warning|note|remark)/.test(l);
  for (let i = 0; i < lines.length; i++) {
    const m = /expected-(?:error|warning|note|remark)(?:-re)?\s*(@[^\s{]*)?\s*\{\{(.*)\}\}/.exec(lines[i]);
    if (!m) continue;
    const named = TEST_USE.exec(m[2]);
    if (named) return named[0].replace(/^[^t]*/, '');
    const at = m[1] ?? '';
    let target = i;
    const rel = /^@([+-])(\d+)$/.exec(at);
    if (rel) target = i + (rel[1] === '+' ? 1 : -1) * Number(rel[2]);
    else if (at === '@below') for (target = i + 1; target < lines.length && isExpectation(lines[target]); target++);
    else if (at === '@above') for (target = i - 1; target > 0 && isExpectation(lines[target]); target--);
    const code = (lines[target] ?? '').replace(/\/\/.*$/, '');
    const used = TEST_USE.exec(code) ?? UPSTREAM_UNREGISTERED.exec(code);
    if (used) return used[0].replace(/^[^a-z]*/, '').replace(/"$/, '');
  }
  return undefined;
}
