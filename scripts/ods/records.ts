/**
 * Access to `llvm-tblgen --dump-json` output: a flat map of record name →
 * fields, plus `!instanceof` (class name → record names).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LLVM_INCLUDE = '/usr/lib/llvm-22/include';
export const TBLGEN = '/usr/lib/llvm-22/bin/llvm-tblgen';

/** A `{ def, kind, printable }` reference as tblgen dumps it. */
export interface DefRef {
  readonly def: string;
  readonly kind: 'def';
  readonly printable: string;
}

/** A dag value, e.g. `(ins I32:$a, F32:$b)`. */
export interface Dag {
  readonly kind: 'dag';
  readonly operator: DefRef;
  readonly args: readonly [unknown, string | null][];
  readonly printable: string;
}

/** A record: arbitrary fields plus the bookkeeping ones. */
export type Rec = Record<string, unknown> & {
  readonly '!name': string;
  readonly '!superclasses': readonly string[];
  readonly '!anonymous': boolean;
};

export class Records {
  readonly all: Record<string, unknown>;
  constructor(json: Record<string, unknown>) {
    this.all = json;
  }
  get(name: string): Rec {
    const r = this.all[name];
    if (!r || typeof r !== 'object') throw new Error(`tblgen record '${name}' not found`);
    return r as Rec;
  }
  has(name: string): boolean {
    return typeof this.all[name] === 'object' && this.all[name] !== null && !name.startsWith('!');
  }
  instancesOf(cls: string): string[] {
    const idx = this.all['!instanceof'] as Record<string, string[]>;
    return idx[cls] ?? [];
  }
}

export function isA(r: Rec, cls: string): boolean {
  return r['!superclasses'].includes(cls);
}

export function str(r: Rec, field: string): string | null {
  const v = r[field];
  return typeof v === 'string' ? v : null;
}

export function num(r: Rec, field: string): number | null {
  const v = r[field];
  return typeof v === 'number' ? v : null;
}

export function bool(r: Rec, field: string): boolean {
  return r[field] === 1 || r[field] === true;
}

export function ref(r: Rec, field: string): string | null {
  const v = r[field] as DefRef | null | undefined;
  return v && typeof v === 'object' && 'def' in v ? v.def : null;
}

export function refs(r: Rec, field: string): string[] {
  const v = r[field];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is DefRef => !!x && typeof x === 'object' && 'def' in x).map((x) => x.def);
}

export function dag(r: Rec, field: string): Dag | null {
  const v = r[field] as Dag | null | undefined;
  return v && typeof v === 'object' && v.kind === 'dag' ? v : null;
}

/** The def name of a dag argument (`{def: ...}`), or null for non-def arguments. */
export function argDef(arg: unknown): string | null {
  return arg && typeof arg === 'object' && 'def' in arg ? String((arg as DefRef).def) : null;
}

/** Runs tblgen over the given `.td` files (relative to the include dir) and loads the records. */
export function loadRecords(tdFiles: readonly string[]): Records {
  const dir = mkdtempSync(join(tmpdir(), 'gen-ods-'));
  try {
    const main = join(dir, 'all.td');
    writeFileSync(main, tdFiles.map((f) => `include "${f}"`).join('\n') + '\n');
    let out: string;
    try {
      out = execFileSync(TBLGEN, ['--dump-json', '-I', LLVM_INCLUDE, main], {
        maxBuffer: 1 << 30,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const stderr = String((e as { stderr?: string }).stderr ?? '').trim();
      throw new Error(`llvm-tblgen failed on ${tdFiles.join(', ')}${stderr ? `:\n${stderr}` : ''}`);
    }
    return new Records(JSON.parse(out) as Record<string, unknown>);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
