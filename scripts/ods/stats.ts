/**
 * Prints a summary of the committed ODS data: ops per dialect, declarative vs
 * custom syntax, the custom-syntax ops, `custom<...>` directives, and how many
 * constraints translated fully. Run: `node scripts/ods/stats.ts`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countUnknown } from '../../src/ir/ods/predicate.ts';
import type { OdsDialect } from '../../src/ir/ods/schema.ts';
import { DIALECTS, exportName } from '../gen-ods.ts';

const root = join(import.meta.dirname, '..', '..');
const customDirectives = new Map<string, string[]>();
for (const { name } of DIALECTS) {
  const file = pathToFileURL(join(root, 'src', 'dialects', name, 'ods', 'generated.ts')).href;
  const d = (await import(file))[exportName(name)] as OdsDialect;
  const declarative = d.ops.filter((o) => o.assemblyFormat);
  const custom = d.ops.filter((o) => !o.assemblyFormat && o.hasCustomAssemblyFormat);
  const generic = d.ops.filter((o) => !o.assemblyFormat && !o.hasCustomAssemblyFormat);
  const cs = Object.values(d.constraints);
  const translated = cs.filter((c) => countUnknown(c.pred) === 0).length;
  const predTraits = d.ops.flatMap((o) => o.traits.filter((t) => t.kind === 'pred'));
  const predTraitsTranslated = predTraits.filter((t) => t.kind === 'pred' && countUnknown(t.pred) === 0).length;
  console.log(
    `${name}: ${d.ops.length} ops (${declarative.length} declarative, ${custom.length} custom, ${generic.length} generic-only); ` +
      `constraints ${translated}/${cs.length} fully translated; op-level PredOpTraits ${predTraitsTranslated}/${predTraits.length}`,
  );
  if (custom.length) console.log(`  custom syntax: ${custom.map((o) => o.name).join(', ')}`);
  if (generic.length) console.log(`  generic only: ${generic.map((o) => o.name).join(', ')}`);
  for (const o of declarative)
    for (const m of o.assemblyFormat!.matchAll(/custom<(\w+)>/g)) {
      const list = customDirectives.get(m[1]) ?? [];
      if (!list.includes(o.name)) list.push(o.name);
      customDirectives.set(m[1], list);
    }
}
for (const [name, ops] of customDirectives) console.log(`custom<${name}>: ${ops.join(', ')}`);
