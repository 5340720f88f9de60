import { ArgsError, parseArgs } from '../util/args.js';

export interface OptOptions {
  input: string;
  output: string;
  allowUnregistered: boolean;
  printGeneric: boolean;
  printDebugInfo: boolean;
  splitInputFile: boolean;
  verifyDiagnostics: boolean;
  noImplicitModule: boolean;
  verifyEach: boolean;
  emitIrdl: boolean;
  help: boolean;
  version: boolean;
  /** Flags numaccl-opt does not handle itself (pass flags, pipelines, instrumentation). */
  passFlags: { name: string; value: string | true }[];
}

const BOOLEAN = new Map<string, keyof OptOptions>([
  ['allow-unregistered-dialect', 'allowUnregistered'],
  ['mlir-print-op-generic', 'printGeneric'],
  ['mlir-print-debuginfo', 'printDebugInfo'],
  ['split-input-file', 'splitInputFile'],
  ['verify-diagnostics', 'verifyDiagnostics'],
  ['no-implicit-module', 'noImplicitModule'],
  ['verify-each', 'verifyEach'],
  ['emit-irdl', 'emitIrdl'],
  ['help', 'help'],
  ['h', 'help'],
  ['version', 'version'],
]);

const VALUE_FLAGS = new Set(['o']);

/** The flags numaccl-opt itself takes (the pass side reports any other as unknown). */
export const TOOL_FLAGS: ReadonlySet<string> = new Set(['o', ...BOOLEAN.keys()]);
export const TOOL_VALUE_FLAGS: ReadonlySet<string> = VALUE_FLAGS;

function asBool(name: string, v: string | true): boolean {
  if (v === true || v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ArgsError(`invalid value '${v}' for boolean option '--${name}'`);
}

export function parseOptOptions(argv: readonly string[]): OptOptions {
  const args = parseArgs(argv, VALUE_FLAGS);
  const o: OptOptions = {
    input: '-',
    output: '-',
    allowUnregistered: false,
    printGeneric: false,
    printDebugInfo: false,
    splitInputFile: false,
    verifyDiagnostics: false,
    noImplicitModule: false,
    verifyEach: true,
    emitIrdl: false,
    help: false,
    version: false,
    passFlags: [],
  };
  if (args.positional.length > 1) throw new ArgsError(`too many positional arguments: ${args.positional.join(' ')}`);
  if (args.positional.length === 1) o.input = args.positional[0];
  for (const { name, value } of args.ordered) {
    const key = BOOLEAN.get(name);
    if (key) (o as unknown as Record<string, boolean>)[key] = asBool(name, value);
    else if (name === 'o') o.output = String(value);
    else o.passFlags.push({ name, value });
  }
  return o;
}
