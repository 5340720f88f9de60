/**
 * Binds an attribute/type def's assembly format to its parameters, as MLIR's
 * AttrOrTypeFormatGen checks them: `$x` must name a parameter, and every
 * parameter must be covered by a variable, `params` or `struct(params)`.
 */
import type { OdsAttrOrTypeDef } from '../../ods/index.js';
import type { FormatElement } from './ast.js';
import { walkFormat } from './walk.js';

export interface BoundDefFormat {
  readonly elements: readonly FormatElement[];
  /** Parameter name → index in `def.parameters`. */
  readonly parameters: Readonly<Record<string, number>>;
}

export class DefFormatBindError extends Error {
  constructor(def: string, message: string) {
    super(`${def}: ${message}`);
    this.name = 'DefFormatBindError';
  }
}

export function bindDefFormat(def: OdsAttrOrTypeDef, elements: readonly FormatElement[]): BoundDefFormat {
  const parameters: Record<string, number> = {};
  let all = false;
  walkFormat(elements, (e) => {
    if (e.kind === 'params') all = true;
    if (e.kind !== 'variable') return;
    const index = def.parameters.findIndex((p) => p.name === e.name);
    if (index < 0) throw new DefFormatBindError(def.def, `'${e.name}' is not a parameter`);
    parameters[e.name] = index;
  });
  if (all) def.parameters.forEach((p, i) => (parameters[p.name] = i));
  for (const p of def.parameters)
    if (!(p.name in parameters)) throw new DefFormatBindError(def.def, `format is missing reference to parameter: ${p.name}`);
  return { elements, parameters };
}
