/**
 * Core bugs the property tests found and the owner of src/ir has been told
 * about. A failing case is excused only when it actually fails AND matches
 * one of these, so fixing the bug never breaks a test; each excusal is counted
 * and printed, so the entries can be deleted once the count stays at 0.
 */
export interface KnownGap {
  readonly id: string;
  readonly description: string;
  /** Does the printed input contain the construct? */
  readonly matches: (text: string) => boolean;
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    id: 'zero-dim-hex-lexing',
    description:
      "a dimension list with a 0 followed by `x` and a hex digit (`memref<0x0xi1>`, `tensor<8x0xcomplex<..>>`) is lexed as a hex integer; MLIR's lexer splits it",
    matches: (t) => /[<x]0x[0-9a-fA-F]/.test(t),
  },
  {
    id: 'f64-hex-float-untyped',
    description:
      'an f64 FloatAttr whose value prints in hex (inf, NaN) is printed without `: f64`, so it parses back as an integer attribute (MLIR prints `0x7FF0000000000000 : f64`)',
    matches: (t) => /0x7FF[0-9A-F]{13}(?! : f64)|0xFFF[0-9A-F]{13}(?! : f64)/.test(t),
  },
];

export class GapCounter {
  private readonly counts = new Map<string, number>();
  /** The gap that excuses a failure on `text`, if any (and count it). */
  excuse(text: string): KnownGap | undefined {
    const gap = KNOWN_GAPS.find((g) => g.matches(text));
    if (gap) this.counts.set(gap.id, (this.counts.get(gap.id) ?? 0) + 1);
    return gap;
  }
  report(label: string): string {
    const parts = KNOWN_GAPS.map((g) => `${g.id}=${this.counts.get(g.id) ?? 0}`);
    return `${label}: failures excused by known core gaps: ${parts.join(', ')}`;
  }
}
