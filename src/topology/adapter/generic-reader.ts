/**
 * Fallback reader for MLIR's generic op form, one op per line:
 *   %1 = "ccl.all_reduce"(%0) {groups = dense<[[0, 1]]> : tensor<1x2xi64>, reduction = "sum"} : (tensor<8xf32>) -> tensor<8xf32>
 * and the module attribute `ccl.world_size = N : i64`. It was the stand-in
 * while src/ir was being written; `readModule` now uses the IR parser when
 * given a dialect context (the CLI always passes one) and falls back to this
 * only for callers without one, since src/topology may not import src/dialects.
 */
import { ModuleReadError, type AttrValue, type ModuleInfo, type OpInfo } from './ops.js';

/** Split on top-level commas, respecting (), [], {}, <> and strings. */
export function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      cur += c;
      if (c === '\\') cur += s[++i] ?? '';
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c) && !(c === '>' && s[i - 1] === '-')) depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

/** Index just past the bracket that closes the one at `start`. */
function closing(s: string, start: number): number {
  const open = s[start];
  const close = open === '{' ? '}' : open === '(' ? ')' : open === '[' ? ']' : '>';
  let depth = 0;
  let inStr = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === open) depth++;
    else if (c === close && !(close === '>' && s[i - 1] === '-')) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

export function parseAttrValue(text: string): AttrValue {
  const t = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^"((?:[^"\\]|\\.)*)"$/.exec(t))) return { kind: 'string', value: m[1].replace(/\\(.)/g, '$1') };
  if ((m = /^(-?\d+)\s*(?::\s*(?:i\d+|index|si\d+|ui\d+))?$/.exec(t))) return { kind: 'int', value: Number(m[1]) };
  if ((m = /^(-?\d+\.\d*(?:e[+-]?\d+)?)\s*(?::\s*(?:f\d+|bf16))?$/i.exec(t))) return { kind: 'float', value: Number(m[1]) };
  if (t === 'unit') return { kind: 'unit' };
  if (/^(true|false)$/.test(t)) return { kind: 'int', value: t === 'true' ? 1 : 0 };
  if ((m = /^(dense|array)</.exec(t))) {
    const end = closing(t, m[1].length);
    let body = end > 0 ? t.slice(m[1].length + 1, end - 1).trim() : '';
    body = body.replace(/^(?:i\d+|f\d+)\s*:\s*/, '');
    try {
      if (body.startsWith('[')) return { kind: 'dense', value: JSON.parse(body) as unknown };
      const flat = JSON.parse(`[${body}]`) as unknown[];
      return { kind: 'dense', value: m[1] === 'dense' && flat.length === 1 ? flat[0] : flat };
    } catch {
      return { kind: 'other', text: t };
    }
  }
  return { kind: 'other', text: t };
}

function parseAttrDict(text: string): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  for (const entry of splitTop(text.slice(1, -1))) {
    const eq = entry.indexOf('=');
    if (eq < 0) {
      out.set(entry.trim().replace(/^"|"$/g, ''), { kind: 'unit' });
      continue;
    }
    out.set(entry.slice(0, eq).trim().replace(/^"|"$/g, ''), parseAttrValue(entry.slice(eq + 1)));
  }
  return out;
}

const OP_START = /^(\s*)(?:(%[\w.$-]+(?::\d+)?(?:\s*,\s*%[\w.$-]+(?::\d+)?)*)\s*=\s*)?"([\w.$-]+)"\s*\(/;

export function readGenericModule(text: string, file: string): ModuleInfo {
  const ops: OpInfo[] = [];
  const lines = text.split(/\r?\n/);
  const world = /ccl\.world_size\s*=\s*(\d+)/.exec(text);
  lines.forEach((line, i) => {
    const where = (col: number): string => `${file}:${i + 1}:${col}`;
    const noComment = line.replace(/\/\/.*$/, '');
    if (/^\s*%[\w.$-]+\s*=\s*ccl\.\w+/.test(noComment) || /^\s*ccl\.\w+\s/.test(noComment)) {
      throw new ModuleReadError(`${where(noComment.search(/ccl\./) + 1)}: error: only the generic form ("ccl.op"(...)) is read until the IR parser is available`);
    }
    const m = OP_START.exec(noComment);
    if (!m) return;
    const col = m[1].length + 1;
    const name = m[3];
    const results = m[2] ? splitTop(m[2]).flatMap((r) => {
      const pack = /^(%[\w.$-]+):(\d+)$/.exec(r);
      return pack ? Array.from({ length: Number(pack[2]) }, (_, k) => `${pack[1]}#${k}`) : [r];
    }) : [];
    let pos = m[0].length - 1;
    const endOperands = closing(noComment, pos);
    if (endOperands < 0) throw new ModuleReadError(`${where(pos + 1)}: error: unbalanced '(' in operand list`);
    const operands = splitTop(noComment.slice(pos + 1, endOperands - 1)).filter(Boolean);
    pos = endOperands;
    const skipWs = (): void => {
      while (/\s/.test(noComment[pos] ?? '')) pos++;
    };
    skipWs();
    if (noComment.startsWith('<{', pos)) {
      pos = closing(noComment, pos);
      skipWs();
    }
    if (noComment[pos] === '(') return; // op with regions: not a ccl op, nothing to price
    let attrs = new Map<string, AttrValue>();
    if (noComment[pos] === '{') {
      const end = closing(noComment, pos);
      if (end < 0) throw new ModuleReadError(`${where(pos + 1)}: error: unbalanced '{' in attribute dictionary`);
      attrs = parseAttrDict(noComment.slice(pos, end));
      pos = end;
      skipWs();
    }
    if (noComment[pos] !== ':') throw new ModuleReadError(`${where(pos + 1)}: error: expected ':' and a function type after '${name}'`);
    const fnType = noComment.slice(pos + 1).replace(/\sloc\(.*\)\s*$/, '').trim();
    const arrow = /^\((.*)\)\s*->\s*(.*)$/.exec(fnType);
    if (!arrow) throw new ModuleReadError(`${where(pos + 1)}: error: expected a function type '(...) -> ...', got '${fnType}'`);
    const res = arrow[2].trim();
    const resultTypes = res.startsWith('(') && res.endsWith(')') ? splitTop(res.slice(1, -1)) : [res];
    ops.push({ name, results, operands, attrs, operandTypes: splitTop(arrow[1]), resultTypes, loc: where(col) });
  });
  return { ...(world ? { worldSize: Number(world[1]) } : {}), ops };
}
