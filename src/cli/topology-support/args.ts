/** A small strict argv parser for the topology commands. */

export interface FlagSpec {
  readonly type: 'string' | 'boolean' | 'strings';
  readonly short?: string;
}

export interface Parsed {
  readonly flags: Map<string, string | boolean | string[]>;
  readonly positional: string[];
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, FlagSpec>>): Parsed {
  const flags = new Map<string, string | boolean | string[]>();
  const positional: string[] = [];
  const byShort = new Map(Object.entries(spec).filter(([, s]) => s.short).map(([k, s]) => [s.short!, k]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    } else {
      const n = byShort.get(a.slice(1));
      if (!n) throw new UsageError(`unknown option '${a}'`);
      name = n;
    }
    const s = spec[name];
    if (!s) throw new UsageError(`unknown option '--${name}'`);
    if (s.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`option '--${name}' takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option '--${name}' needs a value`);
    if (s.type === 'strings') flags.set(name, [...((flags.get(name) as string[] | undefined) ?? []), value]);
    else {
      if (flags.has(name)) throw new UsageError(`option '--${name}' given twice`);
      flags.set(name, value);
    }
  }
  return { flags, positional };
}

export const str = (p: Parsed, k: string): string | undefined => p.flags.get(k) as string | undefined;
export const bool = (p: Parsed, k: string): boolean => p.flags.get(k) === true;
export const strs = (p: Parsed, k: string): string[] => (p.flags.get(k) as string[] | undefined) ?? [];
