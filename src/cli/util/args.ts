/** An mlir-opt style command line: `--flag`, `--flag=value`, `-o FILE`, positional inputs. */
export interface ParsedArgs {
  readonly flags: Map<string, string | true>;
  readonly positional: string[];
  /** Flags in the order given, for options whose order matters (pass flags). */
  readonly ordered: { name: string; value: string | true }[];
}

export class ArgsError extends Error {}

/** `valueFlags` take the next argument as value when not given with `=`. */
export function parseArgs(argv: readonly string[], valueFlags: ReadonlySet<string>): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const ordered: { name: string; value: string | true }[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const body = a.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    let value: string | true = eq >= 0 ? body.slice(eq + 1) : true;
    if (value === true && valueFlags.has(name)) {
      if (i + 1 >= argv.length) throw new ArgsError(`option '${a}' requires a value`);
      value = argv[++i];
    }
    flags.set(name, value);
    ordered.push({ name, value });
  }
  return { flags, positional, ordered };
}
