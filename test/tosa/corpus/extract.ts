// A small, self-contained extractor of TOSA ops from MLIR test files, good
// enough for the simple generic and custom forms in the upstream corpus. It is
// a test fixture, not a parser: the real one lives in src/ir.
import type { AbstractType, AttrValue, DenseValue, OpView, RegionView } from '../../../src/dialects/tosa/semantics/index.js';
import { parseType, isTensor } from '../../../src/dialects/tosa/semantics/index.js';
import { parseAttrValue, splitTopLevel, matchClose } from './attr-text.js';

export interface Chunk {
  readonly index: number;
  /** 1-based line of the chunk's first line in the file. */
  readonly firstLine: number;
  readonly text: string;
}

/** Splits like MANIFEST.tsv: on lines that are exactly `// -----`. */
export function splitChunks(text: string): Chunk[] {
  const lines = text.split('\n');
  const chunks: Chunk[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || lines[i] === '// -----') {
      chunks.push({ index: chunks.length, firstLine: start + 1, text: lines.slice(start, i).join('\n') });
      start = i + 1;
    }
  }
  return chunks;
}

export interface ExtractedOp {
  readonly view: OpView;
  /** 1-based line (within the file) where the op's statement starts. */
  readonly line: number;
  readonly text: string;
}

interface ValueInfo {
  type: AbstractType;
  constant?: readonly number[];
  definingOp?: string;
}

const stripComment = (line: string): string => {
  let inStr = false;
  for (let i = 0; i < line.length - 1; i++) {
    if (line[i] === '"' && line[i - 1] !== '\\') inStr = !inStr;
    if (!inStr && line[i] === '/' && line[i + 1] === '/') return line.slice(0, i);
  }
  return line;
};

const STATEMENT_START = /^(%|"?tosa\.|func\.func|return|}|\^bb|"?func\.|module|[a-z_]+\.[a-z_]+)/;

/** Groups physical lines into statements (continuation lines start with ':' , '->', '(' etc.). */
function statements(chunk: Chunk): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = chunk.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const t = stripComment(lines[i]!).trim();
    if (t === '') continue;
    if (STATEMENT_START.test(t) || out.length === 0) out.push({ line: chunk.firstLine + i, text: t });
    else out[out.length - 1]!.text += ' ' + t;
  }
  return out;
}

function parseFunctionalType(text: string): { ins: AbstractType[]; outs: AbstractType[] } | undefined {
  const s = text.trim();
  if (!s.startsWith('(')) {
    // `type($x)`-style single type, used by e.g. yield / variable_read.
    return { ins: [], outs: splitTopLevel(s, ',').map(parseType) };
  }
  const close = matchClose(s, 0);
  if (close < 0) return undefined;
  const ins = splitTopLevel(s.slice(1, close), ',').filter((x) => x.trim() !== '').map(parseType);
  let rest = s.slice(close + 1).trim();
  if (!rest.startsWith('->')) return { ins, outs: [] };
  rest = rest.slice(2).trim();
  if (rest.startsWith('(')) {
    const c2 = matchClose(rest, 0);
    return { ins, outs: splitTopLevel(rest.slice(1, c2), ',').filter((x) => x.trim() !== '').map(parseType) };
  }
  return { ins, outs: [parseType(rest.replace(/\s*\{\s*$/, ''))] };
}

function parseAttrDict(body: string): Record<string, AttrValue> {
  const attrs: Record<string, AttrValue> = {};
  for (const entry of splitTopLevel(body, ',')) {
    const eq = entry.indexOf('=');
    const name = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    if (!name) continue;
    attrs[name] = eq < 0 ? true : parseAttrValue(entry.slice(eq + 1).trim());
  }
  return attrs;
}

interface ParsedStatement {
  results: string[];
  name: string;
  operands: string[];
  attrs: Record<string, AttrValue>;
  ins: AbstractType[];
  outs: AbstractType[];
}

/** Parses `%r = tosa.x %a, %b {attrs} : (T, T) -> T` and `%r = "tosa.x"(%a) <{..}> {..} : (T) -> T`. */
export function parseStatement(text: string): ParsedStatement | undefined {
  const m = /^(?:((?:%[\w.$-]+(?::\d+)?\s*,\s*)*%[\w.$-]+(?::\d+)?)\s*=\s*)?("?)(tosa\.\w+)\2\s*/.exec(text);
  if (!m) return undefined;
  const results: string[] = [];
  for (const r of (m[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const multi = /^(%[\w.$-]+):(\d+)$/.exec(r);
    if (multi) for (let k = 0; k < Number(multi[2]); k++) results.push(`${multi[1]}#${k}`);
    else results.push(r);
  }
  const name = m[3]!;
  let rest = text.slice(m[0].length);
  let operands: string[] = [];
  const attrs: Record<string, AttrValue> = {};
  if (m[2] === '"') {
    if (!rest.startsWith('(')) return undefined;
    const c = matchClose(rest, 0);
    operands = splitTopLevel(rest.slice(1, c), ',').map((x) => x.trim()).filter(Boolean);
    rest = rest.slice(c + 1).trim();
    if (rest.startsWith('<{')) {
      const c2 = matchClose(rest, 1);
      Object.assign(attrs, parseAttrDict(rest.slice(2, c2)));
      rest = rest.slice(c2 + 2).trim();
    }
  } else {
    const sym = /^(@[\w.$-]+)\s*,?\s*/.exec(rest);
    if (sym) {
      attrs['name'] = sym[1]!;
      rest = rest.slice(sym[0].length);
    }
    const ops = /^((?:%[\w.$#-]+\s*,\s*)*%[\w.$#-]+)\s*/.exec(rest);
    if (ops) {
      operands = ops[1]!.split(',').map((x) => x.trim());
      rest = rest.slice(ops[0].length);
    }
  }
  if (rest.startsWith('{')) {
    const c = matchClose(rest, 0);
    Object.assign(attrs, parseAttrDict(rest.slice(1, c)));
    rest = rest.slice(c + 1).trim();
  }
  if (!rest.startsWith(':')) return { results, name, operands, attrs, ins: [], outs: [] };
  const ft = parseFunctionalType(rest.slice(1));
  if (!ft) return undefined;
  return { results, name, operands, attrs, ins: ft.ins, outs: ft.outs };
}

function parseArgs(sig: string, env: Map<string, ValueInfo>): void {
  for (const a of splitTopLevel(sig, ',')) {
    const m = /^\s*(%[\w.$-]+)\s*:\s*(.+?)\s*(\{.*\})?\s*$/.exec(a);
    if (m) env.set(m[1]!, { type: parseType(m[2]!) });
  }
}

/** Ops with regions or symbol operands that this fixture does not model. */
const UNMODELLED = new Set(['tosa.cond_if', 'tosa.while_loop', 'tosa.variable', 'tosa.custom']);

/** Extracts every TOSA op of a chunk with operand types, constants and defining ops resolved. */
export function extractOps(chunk: Chunk): ExtractedOp[] {
  const env = new Map<string, ValueInfo>();
  const variables = new Map<string, string>();
  const ops: ExtractedOp[] = [];
  for (const st of statements(chunk)) {
    const fn = /^func\.func\s+(?:private\s+)?@[\w.$-]+\s*\(/.exec(st.text);
    if (fn) {
      const open = fn[0].length - 1;
      parseArgs(st.text.slice(open + 1, matchClose(st.text, open)), env);
      continue;
    }
    const bb = /^\^bb\d+\s*\((.*)\)\s*:?\s*$/.exec(st.text);
    if (bb) {
      parseArgs(bb[1]!, env);
      continue;
    }
    const varDecl = /^tosa\.variable\s+(@[\w.$-]+)\s*(?:=\s*.*?)?:\s*(tensor<[^>]*>)/.exec(st.text);
    if (varDecl) variables.set(varDecl[1]!, varDecl[2]!);
    const p = parseStatement(st.text);
    if (!p) continue;
    const types = p.operands.map((o) => env.get(o)?.type);
    const operandTypes: AbstractType[] = p.ins.length === p.operands.length ? p.ins : (types.filter(Boolean) as AbstractType[]);
    if (p.name === 'tosa.variable_write' && p.outs.length === 1 && p.ins.length === 0) operandTypes.splice(0, operandTypes.length, ...p.outs);
    const resultTypes = p.name === 'tosa.variable_write' || p.name === 'tosa.yield' ? [] : p.outs;
    const attrs: Record<string, AttrValue> = { ...p.attrs };
    const varType = typeof attrs['name'] === 'string' ? variables.get(attrs['name']) : undefined;
    if (varType) attrs['variable_type'] = { kind: 'type', type: varType };
    const view: OpView = {
      name: p.name,
      operands: operandTypes,
      results: resultTypes,
      attrs,
      constants: p.operands.map((o) => env.get(o)?.constant),
      definingOps: p.operands.map((o) => env.get(o)?.definingOp),
    };
    p.results.forEach((r, i) => {
      const info: ValueInfo = { type: resultTypes[i] ?? { kind: 'other', text: '?' }, definingOp: p.name };
      const values = p.attrs['values'] as DenseValue | undefined;
      if ((p.name === 'tosa.const' || p.name === 'tosa.const_shape') && values && typeof values === 'object' && 'kind' in values && values.kind === 'dense')
        info.constant = values.values;
      env.set(r, info);
      if (r.includes('#')) env.set(r.replace(/#(\d+)$/, '#$1'), info);
    });
    if (UNMODELLED.has(p.name)) continue;
    ops.push({ view, line: st.line, text: st.text });
  }
  return ops;
}

export type { RegionView };
export const isTensorType = isTensor;
