/**
 * The pass registry: passes and pipelines by argument name. Packages register
 * into the shared `passRegistry` at import time; tests and embedders can
 * build private registries.
 */
import type { OptionsSchema } from '../options/index.js';
import { closestNames } from '../source/index.js';
import { compareBytes } from '../options/index.js';
import { eraseEntry, type PassInfo, type PipelineInfo, type RegistryEntry } from './pass-info.js';

export class PassRegistry {
  readonly #entries = new Map<string, RegistryEntry>();

  /** Registers a pass or pipeline; registering a different entry under a taken name throws. */
  register<S extends OptionsSchema>(entry: PassInfo<S> | PipelineInfo<S>): void {
    const existing = this.#entries.get(entry.argument);
    if (existing && existing !== (entry as unknown)) {
      throw new Error(`pass or pipeline '${entry.argument}' registered twice`);
    }
    this.#entries.set(entry.argument, eraseEntry(entry));
  }

  /** A pipeline named `name` wins over a pass of that name, as in MLIR. */
  lookup(name: string): RegistryEntry | undefined {
    return this.#entries.get(name);
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** Registered names close to `name`, for "did you mean" notes. */
  suggest(name: string): string[] {
    return closestNames(name, this.#entries.keys());
  }

  /** Passes, sorted by argument. */
  passes(): PassInfo[] {
    return [...this.#entries.values()].filter((e): e is PassInfo => e.kind === 'pass').sort((a, b) => compareBytes(a.argument, b.argument));
  }

  /** Pipelines, sorted by argument. */
  pipelines(): PipelineInfo[] {
    return [...this.#entries.values()]
      .filter((e): e is PipelineInfo => e.kind === 'pipeline')
      .sort((a, b) => compareBytes(a.argument, b.argument));
  }

  /** A registry holding this one's entries plus later additions (for tests and tools). */
  fork(): PassRegistry {
    const r = new PassRegistry();
    for (const e of this.#entries.values()) r.register(e);
    return r;
  }
}

/** The process-wide registry that `registerPass` adds to and the CLI reads. */
export const passRegistry = new PassRegistry();

export function registerPass<S extends OptionsSchema>(info: PassInfo<S>): PassInfo<S> {
  passRegistry.register(info);
  return info;
}

export function registerPipeline<S extends OptionsSchema>(info: PipelineInfo<S>): PipelineInfo<S> {
  passRegistry.register(info);
  return info;
}
