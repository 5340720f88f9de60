/** Inputs and outputs of the discrete-event simulator. */
import type { Schedule } from '../cost/schedule.js';

export interface SimCollectiveTask {
  readonly id: string;
  readonly type: 'collective';
  readonly schedule: Schedule;
  /** Tasks that must finish first. */
  readonly deps?: readonly string[];
  /** Launched asynchronously (only a label here: the deps carry the ordering). */
  readonly async?: boolean;
  readonly label?: string;
}

export interface SimComputeTask {
  readonly id: string;
  readonly type: 'compute';
  readonly device: number;
  readonly flops: number;
  readonly bytes: number;
  readonly deps?: readonly string[];
  readonly label?: string;
}

export type SimTask = SimCollectiveTask | SimComputeTask;

export interface SimOptions {
  /** Collectives in flight per device at once (default 2). */
  readonly streamsPerDevice?: number;
}

export interface TimelineEvent {
  readonly lane: string;
  readonly start_us: number;
  readonly end_us: number;
  readonly label: string;
  readonly kind: 'collective' | 'compute' | 'link';
}

export interface LinkUsage {
  readonly link: number;
  readonly resource: string;
  readonly label: string;
  readonly busy_us: number;
  readonly bytes: number;
  /** bytes / (capacity × makespan) */
  readonly utilisation: number;
}

export interface SimResult {
  readonly makespan_us: number;
  readonly tasks: readonly { readonly id: string; readonly start_us: number; readonly end_us: number }[];
  readonly links: readonly LinkUsage[];
  readonly timeline: readonly TimelineEvent[];
}
