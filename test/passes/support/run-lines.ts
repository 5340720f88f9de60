/**
 * `// RUN:` lines of the upstream corpus: continuation lines joined, split
 * into shell words and `|` stages, and the `mlir-opt` stages' arguments.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = '/work/shared/corpus/mlir-upstream/mlir';

export function mlirFiles(dir = CORPUS): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...mlirFiles(p));
    else if (name.endsWith('.mlir')) out.push(p);
  }
  return out;
}

/** The RUN commands of a file, continuation backslashes joined. */
export function runCommands(text: string): string[] {
  const cmds: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    const m = /^\s*\/\/\s*RUN:(.*)$/.exec(line);
    if (!m) continue;
    const body = m[1].trimEnd();
    if (body.endsWith('\\')) cur += body.slice(0, -1) + ' ';
    else {
      cmds.push(cur + body);
      cur = '';
    }
  }
  return cmds;
}

/** POSIX-ish word splitting with single/double quotes; `|` becomes its own word. */
export function shellWords(cmd: string): string[] {
  const words: string[] = [];
  let cur: string | undefined;
  for (let i = 0; i < cmd.length; ++i) {
    const c = cmd[i];
    if (c === "'" || c === '"') {
      const close = cmd.indexOf(c, i + 1);
      const end = close < 0 ? cmd.length : close;
      cur = (cur ?? '') + cmd.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < cmd.length) {
      cur = (cur ?? '') + cmd[++i];
    } else if (c === ' ' || c === '\t') {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
    } else if (c === '|') {
      if (cur !== undefined) words.push(cur);
      cur = undefined;
      words.push('|');
    } else cur = (cur ?? '') + c;
  }
  if (cur !== undefined) words.push(cur);
  return words;
}

export interface MlirOptInvocation {
  readonly file: string;
  readonly args: readonly string[];
}

/** Every `mlir-opt` stage in the corpus, with its arguments (the `%s` input and redirections dropped). */
export function mlirOptInvocations(): MlirOptInvocation[] {
  const out: MlirOptInvocation[] = [];
  for (const file of mlirFiles()) {
    for (const cmd of runCommands(readFileSync(file, 'utf8'))) {
      const words = shellWords(cmd);
      let stage: string[] = [];
      const stages: string[][] = [stage];
      for (const w of words) {
        if (w === '|') stages.push((stage = []));
        else stage.push(w);
      }
      for (const s of stages) {
        if (s[0] !== 'mlir-opt') continue;
        const args = s.slice(1).filter((a) => a !== '%s' && !a.startsWith('2>') && !a.startsWith('<') && !a.startsWith('>'));
        out.push({ file: file.slice(CORPUS.length + 1), args });
      }
    }
  }
  return out;
}
