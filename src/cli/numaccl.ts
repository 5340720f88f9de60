#!/usr/bin/env node
// `numaccl <command> ...`: each command lives in ./commands/<command>.js and
// exports `main(argv): Promise<number>`; there is no central registry to edit.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CommandModule {
  readonly summary: string;
  main(argv: readonly string[]): Promise<number>;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');

function listCommands(): string[] {
  if (!existsSync(commandsDir)) return [];
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<CommandModule | undefined> {
  if (!/^[a-z][a-z0-9-]*$/.test(name) || !listCommands().includes(name)) return undefined;
  return (await import(join(commandsDir, `${name}.js`))) as CommandModule;
}

async function usage(): Promise<string> {
  const lines = ['usage: numaccl <command> [options]', '', 'commands:'];
  for (const name of listCommands()) {
    const mod = await load(name);
    lines.push(`  ${name.padEnd(12)} ${mod?.summary ?? ''}`);
  }
  lines.push('', "Run 'numaccl <command> --help' for a command's options.");
  return lines.join('\n') + '\n';
}

async function run(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version') {
    process.stdout.write('numaccl 0.1.0\n');
    return 0;
  }
  const mod = await load(name);
  if (!mod) {
    process.stderr.write(`numaccl: unknown command '${name}'\n` + (await usage()));
    return 1;
  }
  return mod.main(rest);
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last line of defence: never a stack trace for the user.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`numaccl: internal error: ${message}\n`);
    process.exitCode = 1;
  },
);
