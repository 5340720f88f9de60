/**
 * Translates a TableGen predicate record tree (CPred / And / Or / Not /
 * SubstLeaves / Concat) into the predicate AST, recognising the Concat +
 * SubstLeaves idioms ODS uses for element types, array elements and tuples.
 */
import { and, not, or, type Pred } from '../../src/ir/ods/predicate.ts';
import { translateCPred } from '../../src/ir/ods/cpred.ts';
import { type Records, type Rec, refs, str, ref } from './records.ts';

type Wrap = (p: Pred) => Pred;

/** Concat prefix/suffix pairs that bind a projected subject, with the SubstLeaves replacement they expect. */
const CONCATS: readonly { prefix: string; suffix: string; replacement: string; wrap: Wrap }[] = [
  {
    prefix: '[](::mlir::Type elementType) { return ',
    suffix: '; }(::llvm::cast<::mlir::ShapedType>($_self).getElementType())',
    replacement: 'elementType',
    wrap: (p) => ({ kind: 'elementType', pred: p }),
  },
  {
    prefix: '::llvm::all_of(::llvm::cast<::mlir::ArrayAttr>($_self), [&](::mlir::Attribute attr) { return attr && (',
    suffix: '); })',
    replacement: 'attr',
    wrap: (p) => ({ kind: 'allArrayElements', pred: p }),
  },
  {
    prefix: '::llvm::all_of(getFlattenedTypes(::llvm::cast<::mlir::TupleType>($_self)), [](::mlir::Type t) { return t && (',
    suffix: '); })',
    replacement: 't',
    wrap: (p) => ({ kind: 'allTupleElements', pred: p }),
  },
];

/** SubstLeaves replacements that project `$_self` on their own (no Concat around them). */
const SUBSTS: Readonly<Record<string, Wrap>> = {
  '::llvm::cast<::mlir::TypeAttr>($_self).getValue()': (p) => ({ kind: 'typeAttrValue', pred: p }),
};

export class PredTranslator {
  private readonly records: Records;
  private readonly memo = new Map<string, Pred>();
  constructor(records: Records) {
    this.records = records;
  }

  translate(name: string): Pred {
    const cached = this.memo.get(name);
    if (cached) return cached;
    const p = this.build(this.records.get(name));
    this.memo.set(name, p);
    return p;
  }

  private build(r: Rec): Pred {
    const sc = r['!superclasses'];
    if (sc.includes('CPred')) return translateCPred(str(r, 'predExpr') ?? '');
    if (!sc.includes('CombinedPred')) return { kind: 'unknown', cpp: `<${r['!name']}>` };
    const kind = ref(r, 'kind');
    const children = refs(r, 'children').map((c) => this.translate(c));
    switch (kind) {
      case 'PredCombinerAnd':
        return and(children);
      case 'PredCombinerOr':
        return or(children);
      case 'PredCombinerNot':
        return not(children[0]);
      case 'PredCombinerSubstLeaves': {
        const pattern = str(r, 'pattern');
        const replacement = str(r, 'replacement') ?? '';
        const wrap = SUBSTS[replacement];
        if (pattern === '$_self' && wrap) return wrap(children[0]);
        const valueMatch = /^\$(\w+)\.getType\(\)$/.exec(replacement);
        if (pattern === '$_self' && valueMatch) return { kind: 'valueType', value: valueMatch[1], pred: children[0] };
        // Identity-like substitutions (elementType/attr/t) are bound by the enclosing Concat.
        return children[0];
      }
      case 'PredCombinerConcat': {
        const prefix = str(r, 'prefix');
        const suffix = str(r, 'suffix');
        const known = CONCATS.find((c) => c.prefix === prefix && c.suffix === suffix);
        const childName = refs(r, 'children')[0];
        const child = this.records.get(childName);
        const replacement = str(child, 'replacement');
        if (known && replacement === known.replacement) return known.wrap(children[0]);
        return { kind: 'unknown', cpp: `${prefix}<${childName}>${suffix}` };
      }
      default:
        return { kind: 'unknown', cpp: `<${r['!name']}>` };
    }
  }
}
