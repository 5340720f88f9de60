/** A minimal XML reader: enough for hwloc's topology files (elements and attributes). */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  readonly text: string;
  readonly line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** Parse XML text; throws an Error naming `source:line` on malformed input. */
export function parseXml(text: string, source: string): XmlElement {
  const lineAt = (pos: number): number => {
    let n = 1;
    for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', line: 1 };
  const stack: { el: XmlElement; texts: string[] }[] = [{ el: root, texts: [] }];
  const tagRe = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(text)) !== null) {
    const between = text.slice(last, m.index);
    if (between.includes('<')) throw new Error(`${source}:${lineAt(last + between.indexOf('<'))}: malformed XML tag`);
    stack[stack.length - 1].texts.push(between);
    last = tagRe.lastIndex;
    if (m[2] === undefined) continue; // comment, declaration, doctype
    const [, close, name, attrText, selfClose] = m;
    if (close) {
      const top = stack.pop();
      if (!top || top.el === root || top.el.name !== name) {
        throw new Error(`${source}:${lineAt(m.index)}: unexpected </${name}>${top && top.el !== root ? ` (open element is <${top.el.name}>)` : ''}`);
      }
      (top.el as { text: string }).text = unescape(top.texts.join('').trim());
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = unescape(a[2] ?? a[3] ?? '');
    const el: XmlElement = { name, attrs, children: [], text: '', line: lineAt(m.index) };
    stack[stack.length - 1].el.children.push(el);
    if (!selfClose) stack.push({ el, texts: [] });
  }
  const rest = text.slice(last);
  if (rest.includes('<')) throw new Error(`${source}:${lineAt(last + rest.indexOf('<'))}: malformed XML tag`);
  if (stack.length > 1) {
    const open = stack[stack.length - 1].el;
    throw new Error(`${source}:${open.line}: <${open.name}> is never closed`);
  }
  return root;
}
