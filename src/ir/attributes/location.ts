import { Attribute } from './attribute.js';

export type LocationKind = 'unknown' | 'file' | 'name' | 'callsite' | 'fused' | 'opaque_alias';

/** Locations are attributes, as in MLIR. */
export abstract class Location extends Attribute {
  readonly kind = 'location' as const;
  abstract readonly locKind: LocationKind;
}

export class UnknownLoc extends Location {
  readonly locKind = 'unknown' as const;
}

/** `"file":line:col` or the MLIR 22 range form `"file":l:c to l2:c2`. */
export class FileLineColLoc extends Location {
  readonly locKind = 'file' as const;
  constructor(
    id: number,
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly endLine: number | undefined,
    readonly endCol: number | undefined,
  ) {
    super(id);
  }
}

export class NameLoc extends Location {
  readonly locKind = 'name' as const;
  constructor(id: number, readonly name: string, readonly child: Location | undefined) {
    super(id);
  }
}

export class CallSiteLoc extends Location {
  readonly locKind = 'callsite' as const;
  constructor(id: number, readonly callee: Location, readonly caller: Location) {
    super(id);
  }
}

export class FusedLoc extends Location {
  readonly locKind = 'fused' as const;
  constructor(id: number, readonly locations: readonly Location[], readonly metadata: Attribute | undefined) {
    super(id);
  }
}

/** First file:line:col inside a location, for diagnostics. */
export function fileLineColOf(loc: Location): FileLineColLoc | undefined {
  switch (loc.locKind) {
    case 'file':
      return loc as FileLineColLoc;
    case 'name':
      return (loc as NameLoc).child ? fileLineColOf((loc as NameLoc).child!) : undefined;
    case 'callsite':
      return fileLineColOf((loc as CallSiteLoc).callee);
    case 'fused':
      for (const l of (loc as FusedLoc).locations) {
        const f = fileLineColOf(l);
        if (f) return f;
      }
      return undefined;
    default:
      return undefined;
  }
}
