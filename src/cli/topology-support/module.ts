/** Load a module file and a topology for `cost` and `simulate`. */
import { readFileSync } from 'node:fs';
import { readModule, type ModuleInfo } from '../../topology/adapter/index.js';
import { DEFAULT_TOPOLOGY, loadTopology, type Topology } from '../../topology/index.js';
import type { Context } from '../../ir/index.js';
import { UsageError } from './args.js';

/** A context with numaccl's dialects (unregistered ops allowed), if they load. */
async function dialectContext(): Promise<Context | undefined> {
  try {
    const d = await import('../../dialects/index.js');
    return d.createContext({ allowUnregistered: true });
  } catch {
    return undefined; // fall back to the generic-form reader
  }
}

export async function loadInputs(file: string | undefined, topology: string | undefined): Promise<{ mod: ModuleInfo; topo: Topology }> {
  if (!file) throw new UsageError('missing input FILE');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const topo = loadTopology(topology ?? DEFAULT_TOPOLOGY);
  return { mod: readModule(text, file, await dialectContext()), topo };
}
