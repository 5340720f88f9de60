/**
 * Test-only stub descriptors for upstream MLIR passes, read from the real
 * `mlir-opt-22`: names, summaries, option names, types and help from
 * `--list-passes`; option defaults and op anchors from `--dump-pass-pipeline`
 * with every pass given as an individual flag (implicit nesting shows each
 * op-anchored pass inside its op's nest; a second run on a top-level
 * `func.func` reveals the passes restricted to `builtin.module`). Options that `--list-passes` shows
 * but the dump omits are lists (MLIR prints lists only when they differ from
 * their default). Passes with struct-valued options are left out.
 */
import { spawnSync } from 'node:child_process';
import {
  bigIntOption,
  boolOption,
  enumOption,
  floatOption,
  intOption,
  listOption,
  parseScalar,
  splitOptionString,
  stringOption,
  type OptionSpec,
  type ScalarType,
  type ScalarValue,
} from '../../../src/passes/options/index.js';
import { definePass, PassRegistry, type ToolOptions } from '../../../src/passes/registry/index.js';

export const MLIR_OPT = 'mlir-opt-22';

type AnySpec = OptionSpec<ScalarValue> | OptionSpec<readonly ScalarValue[]>;

interface HelpOption {
  name: string;
  value: string;
  description: string;
  choices: { name: string; description: string }[];
}

interface HelpPass {
  name: string;
  summary: string;
  options: HelpOption[];
}

export function runMlirOpt(args: readonly string[], input?: string): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(MLIR_OPT, args, { encoding: 'utf8', input: input ?? '', maxBuffer: 64 << 20 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Parses `mlir-opt --list-passes` (passes, options, enum choices, continuation lines). */
export function parseListPasses(text: string): HelpPass[] {
  const passes: HelpPass[] = [];
  let append: ((more: string) => void) | undefined;
  for (const line of text.split('\n')) {
    if (line === 'Passes:' || line === '') continue;
    let m = /^ {2}--(\S+?)\s*- {3}(.*)$/.exec(line);
    if (m) {
      const pass: HelpPass = { name: m[1], summary: m[2], options: [] };
      passes.push(pass);
      append = (more) => (pass.summary += more);
      continue;
    }
    m = /^ {4}(--?)([^\s=]+)(?:[= ]<([^>]+(?:>[^>]*)?)>)?\s+- (.*)$/.exec(line);
    if (m) {
      const opt: HelpOption = { name: m[2], value: m[3] ?? '', description: m[4], choices: [] };
      passes[passes.length - 1].options.push(opt);
      append = (more) => (opt.description += more);
      continue;
    }
    m = /^ {4}=(\S*)(?:\s+- {3}(.*))?$/.exec(line);
    if (m) {
      const p = passes[passes.length - 1];
      const choice = { name: m[1], description: m[2] ?? '' };
      p.options[p.options.length - 1].choices.push(choice);
      append = (more) => (choice.description += more);
      continue;
    }
    if (/^\s{8,}\S/.test(line) && append) {
      append('\n' + line.trimStart());
      continue;
    }
    throw new Error(`unrecognised --list-passes line: ${JSON.stringify(line)}`);
  }
  return passes;
}

/** Pass name → {anchor, option text} from a pretty `--dump-pass-pipeline`. */
export function parseDump(text: string): Map<string, { anchor?: string; options: string }> {
  const out = new Map<string, { anchor?: string; options: string }>();
  const stack: string[] = [];
  for (const raw of text.split('\n').slice(1)) {
    const line = raw.trim().replace(/,$/, '');
    if (line === '') continue;
    if (line.endsWith('(') && !line.includes('{')) {
      stack.push(line.slice(0, -1));
      continue;
    }
    if (line === ')') {
      stack.pop();
      continue;
    }
    const brace = line.indexOf('{');
    const name = brace < 0 ? line : line.slice(0, brace);
    const options = brace < 0 ? '' : line.slice(brace + 1, -1);
    out.set(name, { ...(stack.length > 1 ? { anchor: stack[stack.length - 1] } : {}), options });
  }
  return out;
}

function scalarSpec(opt: HelpOption, defaultText: string | undefined): AnySpec | undefined {
  const d = (type: ScalarType): ScalarValue | undefined => {
    if (defaultText === undefined) return undefined;
    const r = parseScalar(type, defaultText);
    if (!r.ok) throw new Error(`cannot read default ${defaultText} of ${opt.name}`);
    return r.value;
  };
  const list = defaultText === undefined;
  let spec: AnySpec;
  switch (opt.value) {
    case '':
      spec = boolOption(opt.description, (d({ kind: 'bool' }) as boolean | undefined) ?? false);
      break;
    case 'int':
    case 'uint':
      spec = intOption(opt.description, (d({ kind: 'integer', flavor: opt.value }) as number | undefined) ?? 0, opt.value);
      break;
    case 'long':
    case 'ulong':
      spec = bigIntOption(opt.description, (d({ kind: 'integer', flavor: opt.value, exact: true }) as bigint | undefined) ?? 0n, opt.value);
      break;
    case 'number':
      spec = floatOption(opt.description, (d({ kind: 'float', flavor: 'double' }) as number | undefined) ?? 0);
      break;
    case 'string':
      spec = stringOption(opt.description, (d({ kind: 'string' }) as string | undefined) ?? '');
      break;
    case 'value': {
      if (!opt.choices.length) return undefined;
      const choices = Object.fromEntries(opt.choices.map((c) => [c.name, c.description]));
      const type: ScalarType = { kind: 'enum', choices: opt.choices };
      // A default outside the choices (MLIR prints it as nothing) is kept verbatim.
      if (defaultText !== undefined && !parseScalar(type, defaultText).ok) {
        spec = { type, list: false, description: opt.description, default: defaultText };
        break;
      }
      const def = (d(type) as string | undefined) ?? opt.choices[0].name;
      spec = enumOption(opt.description, choices, def);
      break;
    }
    default:
      return undefined;
  }
  return list ? (listOption(spec as OptionSpec<ScalarValue>) as AnySpec) : spec;
}

export interface UpstreamPasses {
  readonly registry: PassRegistry;
  readonly listPassesText: string;
  /** Passes whose options could all be described (the rest are not registered). */
  readonly names: readonly string[];
}

let cached: UpstreamPasses | undefined;

/** Builds (once per process) the stub registry of upstream passes. */
export function upstreamPasses(): UpstreamPasses {
  if (cached) return cached;
  const listText = runMlirOpt(['--list-passes']).stdout;
  const help = parseListPasses(listText);
  const dumpRun = runMlirOpt(['--dump-pass-pipeline', ...help.map((p) => `--${p.name}`), '/dev/null', '-o', '/dev/null']);
  const dump = parseDump(dumpRun.stderr.slice(dumpRun.stderr.indexOf('Pass Manager with')));
  // On a top-level func.func, passes restricted to builtin.module show up nested in builtin.module(...).
  const funcRun = runMlirOpt(
    ['--no-implicit-module', '--dump-pass-pipeline', ...help.map((p) => `--${p.name}`), '-', '-o', '/dev/null'],
    'func.func @f() {\n  return\n}\n',
  );
  const onFunc = parseDump(funcRun.stderr.slice(funcRun.stderr.indexOf('Pass Manager with')));
  const registry = new PassRegistry();
  const names: string[] = [];
  for (const p of help) {
    const first = dump.get(p.name);
    if (!first) continue;
    const d = first.anchor === undefined && onFunc.get(p.name)?.anchor === 'builtin.module' ? { ...first, anchor: 'builtin.module' } : first;
    const defaults = new Map(splitOptionString(d.options).map((e) => [e.key.text, e.value?.text ?? '']));
    const options: Record<string, AnySpec> = {};
    let ok = true;
    for (const o of p.options) {
      const spec = scalarSpec(o, defaults.get(o.name));
      // mlir-opt crashes printing an enum whose default is not a choice; leave such passes out of random pipelines.
      const oddEnum = spec?.type.kind === 'enum' && !spec.type.choices.some((c) => c.name === spec.default);
      if (!spec || oddEnum) ok = false;
      if (spec) options[o.name] = spec;
    }
    registry.register(definePass({ argument: p.name, summary: p.summary, options, ...(d.anchor ? { anchor: d.anchor } : {}) }));
    if (ok) names.push(p.name);
  }
  cached = { registry, listPassesText: listText, names };
  return cached;
}

/** mlir-opt-22's own (non-pass) options from its `--help`, for classifying command-line flags. */
export function mlirOptToolOptions(): ToolOptions {
  const flags = new Set<string>(['p']);
  const withValue = new Set<string>(['p']);
  const bare = new Set<string>();
  for (const line of runMlirOpt(['--help-hidden']).stdout.split('\n')) {
    const m = /^ {2}--?([^\s=[<]+)(=<|\[=<| <)?/.exec(line);
    if (!m) continue;
    flags.add(m[1]);
    if (m[2] === '=<' || m[2] === ' <') withValue.add(m[1]);
    else bare.add(m[1]);
  }
  // An option listed both bare and with `=<value>` takes its value optionally (never the next argument).
  for (const b of bare) withValue.delete(b);
  return { flags, withValue };
}
