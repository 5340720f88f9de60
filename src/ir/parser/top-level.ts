import type { Context } from '../core/context.js';
import type { Attribute } from '../attributes/attribute.js';
import type { Type } from '../types/type.js';
import { Operation, emptyState } from '../core/operation.js';
import { Region } from '../core/region.js';
import { Block } from '../core/block.js';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { Kind } from '../syntax/token-stream.js';
import { decodeString, ParseError, ParserState, type ResourceSection } from './state.js';
import { SourceFile } from './source.js';
import { parseAttribute } from './attributes.js';
import { parseType } from './types.js';
import { OperationParser } from './operations.js';

export interface ParseOptions {
  /** Name used in locations and diagnostics (default `-`). */
  fileName?: string;
  /** Require exactly one top-level op instead of wrapping in an implicit module. */
  noImplicitModule?: boolean;
  /** Parse only `text[start, end)` (split-input chunks keep whole-file line numbers). */
  start?: number;
  end?: number;
}

export interface ParseResult {
  readonly module: Operation;
  /** `{-# dialect_resources #-}` blobs, by dialect then key. */
  readonly resources: ResourceSection;
  readonly externalResources: ResourceSection;
  /** Alias definitions (`#name = ...`, `!name = ...`) from the source. */
  readonly aliases: { readonly attributes: ReadonlyMap<string, Attribute>; readonly types: ReadonlyMap<string, Type> };
  /** Warnings and remarks emitted while parsing. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parse MLIR text into a module; throws DiagnosticError on malformed input. */
export function parseSource(
  context: Context,
  text: string,
  options: ParseOptions = {},
  printType?: (t: Type) => string,
  printAttribute?: (a: Attribute) => string,
): ParseResult {
  const file = new SourceFile(options.fileName ?? '-', text);
  const p = new ParserState(context, file, options.start ?? 0, options.end ?? text.length);
  p.printType = printType;
  p.printAttribute = printAttribute;
  try {
    return parseTopLevel(p, options);
  } catch (e) {
    throw toDiagnosticError(e, file);
  }
}

export function toDiagnosticError(e: unknown, file: SourceFile): DiagnosticError {
  if (e instanceof DiagnosticError) return e;
  if (e instanceof ParseError) {
    const toDiag = (err: ParseError): Diagnostic => ({
      severity: 'error',
      message: err.message,
      position: { file: file.name, ...file.position(err.offset) },
      notes: err.notes.map((n) => ({ severity: 'note' as const, message: n.message, position: { file: file.name, ...file.position(n.offset) }, notes: [] })),
    });
    return new DiagnosticError([...e.earlier.map(toDiag), toDiag(e)]);
  }
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new DiagnosticError([{ severity: 'error', message: 'input nesting is too deep to parse', notes: [] }]);
  }
  throw e;
}

function parseTopLevel(p: ParserState, options: ParseOptions): ParseResult {
  const ctx = p.context;
  const ops = new OperationParser(p);
  const topBlock = new Block();
  const topRegion = new Region();
  topRegion.appendBlock(topBlock);
  ops.ssa.pushRegion(true);
  for (;;) {
    const t = p.peek();
    if (t.kind === Kind.EOF) break;
    // As in MLIR, `#name` and `!name` at the top level always start alias definitions.
    if (t.kind === Kind.HashId) {
      parseAliasDefinition(p, 'attribute');
      continue;
    }
    if (t.kind === Kind.BangId) {
      parseAliasDefinition(p, 'type');
      continue;
    }
    if (t.kind === Kind.MetaBegin) {
      parseFileMetadata(p);
      continue;
    }
    ops.parseOperation(topBlock);
  }
  ops.ssa.popRegion(true);
  ops.deferredLocations.resolve(p, topBlock);

  const first = topBlock.firstOp;
  let module: Operation;
  if (options.noImplicitModule) {
    if (!first || topBlock.numOperations !== 1) {
      throw new ParseError(0, 'source must contain a single top-level operation, found: ' + topBlock.numOperations);
    }
    first.remove();
    module = first;
  } else if (first && topBlock.numOperations === 1 && first.name === 'builtin.module') {
    first.remove();
    module = first;
  } else {
    const state = emptyState('builtin.module', ctx.fileLineColLoc(p.file.name, 0, 0));
    const region = new Region();
    const body = region.appendBlock(new Block());
    for (const op of [...topBlock.operations]) {
      op.remove();
      body.append(op);
    }
    state.regions.push(region);
    module = Operation.create(ctx, state);
  }
  return {
    module,
    resources: p.dialectResources,
    externalResources: p.externalResources,
    aliases: { attributes: p.attributeAliases, types: p.typeAliases },
    diagnostics: p.diagnostics,
  };
}

function parseAliasDefinition(p: ParserState, kind: 'attribute' | 'type'): void {
  const t = p.next();
  const name = t.text.slice(1);
  if (name.includes('.')) p.fail(`${kind} names with a '.' are reserved for dialect-defined names`, t.offset);
  const table = kind === 'attribute' ? p.attributeAliases : p.typeAliases;
  if (table.has(name)) p.fail(`redefinition of ${kind} alias id '${name}'`, t.offset);
  p.expect('=', `expected '=' in ${kind} alias definition`);
  if (kind === 'attribute') p.attributeAliases.set(name, parseAttribute(p));
  else p.typeAliases.set(name, parseType(p));
}

/** `{-# dialect_resources: { d: { key: "0x..." } }, external_resources: {...} #-}`. */
function parseFileMetadata(p: ParserState): void {
  p.next();
  if (p.isKind(Kind.MetaEnd)) {
    p.next();
    return;
  }
  p.commaList(() => {
    const t = p.peek();
    if (t.kind !== Kind.BareId) p.fail('expected identifier key in file metadata dictionary');
    p.next();
    p.expect(':', "expected ':'");
    if (t.text === 'dialect_resources') parseResourceSection(p, p.dialectResources, true);
    else if (t.text === 'external_resources') parseResourceSection(p, p.externalResources, false);
    else p.fail(`unknown key '${t.text}' in file metadata dictionary`, t.offset);
  });
  if (!p.isKind(Kind.MetaEnd)) p.fail("expected '#-}' to end file metadata");
  p.next();
}

/**
 * Dialects whose resources mlir-opt-22 parses as blobs: builtin, and the test
 * dialect (registered in mlir-opt-22 for its resource handler, though its ops are not).
 */
const BLOB_RESOURCE_DIALECTS = new Set(['builtin', 'test']);

function parseResourceSection(p: ParserState, into: ResourceSection, dialectResources: boolean): void {
  p.delimitedList('{', '}', () => {
    const owner = p.peek();
    if (owner.kind !== Kind.BareId) p.fail('expected identifier key for \'resource\' entry');
    p.next();
    // MLIR reads the ':' before it looks the dialect up.
    p.expect(':', "expected ':'");
    const blobs = dialectResources && BLOB_RESOURCE_DIALECTS.has(owner.text);
    if (dialectResources && !blobs && !p.context.isRegisteredDialect(owner.text)) {
      p.fail(`dialect '${owner.text}' is unknown`, owner.offset);
    }
    const entries = into.get(owner.text) ?? new Map<string, string>();
    into.set(owner.text, entries);
    p.delimitedList('{', '}', () => {
      const key = p.peek();
      if (key.kind !== Kind.BareId && key.kind !== Kind.String) p.fail(`expected identifier key for '${dialectResources ? 'resource' : 'external_resources'}' entry`);
      p.next();
      const k = key.kind === Kind.String ? decodeString(key.text) : key.text;
      p.expect(':', "expected ':'");
      const v = p.peek();
      if (blobs) {
        const problem = v.kind === Kind.String ? blobProblem(v.text) : 'not-hex';
        if (problem === 'not-hex') p.fail(`expected hex string blob for key '${k}'`, v.offset);
        if (problem === 'short') p.fail(`expected hex string blob for key '${k}' to encode alignment in first 4 bytes`, v.offset);
        if (problem !== undefined) {
          p.fail(`expected hex string blob for key '${k}' to encode alignment in first 4 bytes, but got non-power-of-2 value: ${problem}`, v.offset);
        }
      }
      // Values: a blob string, a bool, or a nested dictionary (kept verbatim).
      if (v.kind === Kind.String) {
        p.next();
        if (dialectResources && !v.text.startsWith('"0x')) p.fail('expected hex string blob for key \'' + k + '\'', v.offset);
        entries.set(k, v.text);
      } else if (v.kind === Kind.BareId && (v.text === 'true' || v.text === 'false')) {
        p.next();
        entries.set(k, v.text);
      } else if (v.text === '{') {
        const start = v.offset;
        skipBalanced(p);
        entries.set(k, p.source.slice(start, p.peek().offset).trimEnd());
      } else {
        p.fail('expected a resource value');
      }
    });
  });
}

/**
 * What is wrong with a blob string token (MLIR's parseAsBlob): not a `"0x…"`
 * hex string, shorter than its 4-byte alignment prefix, or (the returned
 * number) an alignment that is not a power of two; undefined when fine.
 */
function blobProblem(token: string): 'not-hex' | 'short' | number | undefined {
  const body = token.slice(1, -1);
  if (!/^0x([0-9a-fA-F]{2})*$/.test(body)) return 'not-hex';
  if (body.length < 2 + 8) return 'short';
  const bytes = body.slice(2, 10).match(/../g)!.map((h) => parseInt(h, 16));
  const align = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
  return align !== 0 && (align & (align - 1)) !== 0 ? align : undefined;
}

function skipBalanced(p: ParserState): void {
  let depth = 0;
  do {
    const t = p.next();
    if (t.kind === Kind.EOF) p.fail('unexpected end of file in resource value');
    if (t.text === '{' || t.text === '[' || t.text === '(') depth++;
    else if (t.text === '}' || t.text === ']' || t.text === ')') depth--;
  } while (depth > 0);
}

