/**
 * Discrete-event simulation over the same topology and schedules as the
 * closed-form model. Transfers become flows whose rates are max-min fair
 * over the links they cross (re-solved at every event), route segments run
 * latency then data, host-staged routes store-and-forward, a stage's
 * reductions follow its transfers. Tasks start when their deps are done,
 * subject to per-device collective stream limits and one compute engine per
 * device. A collective's reductions run on that engine too (they stream the
 * device's memory like any kernel), so they queue behind compute and hold it
 * up; waiting reductions go before waiting compute tasks. With no shared link
 * and no other work it reproduces the closed form exactly.
 */
import { computeUs, routeOf } from '../cost/closed-form.js';
import type { Schedule, Transfer } from '../cost/schedule.js';
import { linkLabel, resourceKey, type Hop } from '../model/routes.js';
import { TopologyError, type Topology } from '../model/types.js';
import { maxMinRates } from './fair-share.js';
import type { LinkUsage, SimOptions, SimResult, SimTask, TimelineEvent } from './types.js';

interface Flow {
  remaining: number;
  readonly total: number;
  readonly resources: readonly string[];
  readonly done: () => void;
}
interface Timer {
  readonly end: number;
  readonly fn: () => void;
}

const devicesOf = (s: Schedule): number[] => {
  const out = new Set<number>();
  for (const st of s.stages) {
    for (const x of st.transfers) for (const e of [x.from, x.to]) if (/^dev\d+$/.test(e)) out.add(Number(e.slice(3)));
    for (const c of st.compute) out.add(c.device);
  }
  return [...out].sort((a, b) => a - b);
};

export function simulate(t: Topology, tasks: readonly SimTask[], opts: SimOptions = {}): SimResult {
  const streams = opts.streamsPerDevice ?? 2;
  const ids = new Set<string>();
  for (const task of tasks) {
    if (ids.has(task.id)) throw new TopologyError(`tasks.${task.id}`, 'duplicate task id');
    ids.add(task.id);
  }
  for (const task of tasks) for (const d of task.deps ?? []) if (!ids.has(d)) throw new TopologyError(`tasks.${task.id}.deps`, `unknown task '${d}'`);

  let now = 0;
  const timers: Timer[] = [];
  const flows: Flow[] = [];
  const finished = new Map<string, number>();
  const started = new Map<string, number>();
  const inFlight = new Map<number, number>();
  const computeBusy = new Set<number>();
  // Reductions waiting for their device's engine (served before compute tasks).
  const engineQueue = new Map<number, (() => void)[]>();
  const timeline: TimelineEvent[] = [];
  const busy = new Map<string, number>();
  const carried = new Map<string, number>();
  const intervals = new Map<string, { start: number; end: number }[]>();
  const hopOf = new Map<string, Hop>();

  const after = (dt: number, fn: () => void): void => void timers.push({ end: now + dt, fn });

  function runTransfer(x: Transfer, done: () => void): void {
    const segs = routeOf(t, x).segments;
    const step = (i: number): void => {
      if (i >= segs.length) return done();
      const seg = segs[i];
      const alpha = seg.reduce((a, h) => a + t.links[h.link].alpha_us, 0);
      after(alpha, () => {
        if (x.bytes <= 0) return step(i + 1);
        const resources = seg.map((h) => {
          const k = resourceKey(t, h);
          hopOf.set(k, h);
          return k;
        });
        flows.push({ remaining: x.bytes, total: x.bytes, resources, done: () => step(i + 1) });
      });
    };
    step(0);
  }

  function acquireEngine(device: number, fn: () => void): void {
    if (!computeBusy.has(device)) {
      computeBusy.add(device);
      return fn();
    }
    engineQueue.set(device, [...(engineQueue.get(device) ?? []), fn]);
  }

  function releaseEngine(device: number): void {
    const next = engineQueue.get(device)?.shift();
    if (next) return next(); // the engine stays busy
    computeBusy.delete(device);
    dirty = true;
  }

  function runSchedule(s: Schedule, label: string, done: () => void): void {
    const stageAt = (i: number): void => {
      if (i >= s.stages.length) return done();
      const st = s.stages[i];
      const afterTransfers = (): void => {
        const perDevice = new Map<number, number>();
        for (const c of st.compute) perDevice.set(c.device, (perDevice.get(c.device) ?? 0) + computeUs(t, c));
        const busy = [...perDevice].filter(([, us]) => us > 0);
        if (busy.length === 0) return stageAt(i + 1);
        let pending = busy.length;
        for (const [d, us] of busy) {
          acquireEngine(d, () => {
            const start = now;
            after(us, () => {
              timeline.push({ lane: `dev${d} compute`, start_us: start, end_us: now, label: `reduction: ${label}`, kind: 'compute' });
              releaseEngine(d);
              if (--pending === 0) stageAt(i + 1);
            });
          });
        }
      };
      let left = st.transfers.length;
      if (left === 0) return afterTransfers();
      for (const x of st.transfers) runTransfer(x, () => --left === 0 && afterTransfers());
    };
    if ((s.overhead_us ?? 0) > 0) after(s.overhead_us!, () => stageAt(0));
    else stageAt(0);
  }

  // Ready tasks (all deps done, not started), kept in program order.
  const depsLeft = tasks.map((x) => new Set(x.deps ?? []).size);
  const dependents = new Map<string, number[]>();
  tasks.forEach((x, i) => new Set(x.deps ?? []).forEach((d) => dependents.set(d, [...(dependents.get(d) ?? []), i])));
  let ready: number[] = tasks.map((_, i) => i).filter((i) => depsLeft[i] === 0);
  let unstarted = tasks.length;
  let dirty = true;
  const finish = (id: string): void => {
    finished.set(id, now);
    dirty = true;
    for (const j of dependents.get(id) ?? []) if (--depsLeft[j] === 0) ready.push(j);
  };

  function startReady(): void {
    if (!dirty) return;
    dirty = false;
    ready.sort((a, b) => a - b);
    const waiting: number[] = [];
    for (const i of ready) {
      const task = tasks[i];
      if (task.type === 'compute') {
        if (computeBusy.has(task.device)) {
          waiting.push(i);
          continue;
        }
        computeBusy.add(task.device);
        started.set(task.id, now);
        const start = now;
        after(computeUs(t, task), () => {
          releaseEngine(task.device);
          timeline.push({ lane: `dev${task.device} compute`, start_us: start, end_us: now, label: task.label ?? task.id, kind: 'compute' });
          finish(task.id);
        });
      } else {
        const devs = devicesOf(task.schedule);
        if (devs.some((d) => (inFlight.get(d) ?? 0) >= streams)) {
          waiting.push(i);
          continue;
        }
        devs.forEach((d) => inFlight.set(d, (inFlight.get(d) ?? 0) + 1));
        started.set(task.id, now);
        const start = now;
        runSchedule(task.schedule, task.label ?? task.id, () => {
          devs.forEach((d) => inFlight.set(d, inFlight.get(d)! - 1));
          for (const d of devs) {
            timeline.push({ lane: `dev${d} comm`, start_us: start, end_us: now, label: task.label ?? task.id, kind: 'collective' });
          }
          finish(task.id);
        });
      }
      unstarted--;
    }
    ready = waiting;
  }

  const capacity = (r: string): number => t.links[hopOf.get(r)!.link].gbps * 1e3;
  for (;;) {
    startReady();
    // Zero-delay timers first, so callbacks chain without advancing time.
    const dueNow = timers.findIndex((x) => x.end <= now);
    if (dueNow >= 0) {
      timers.splice(dueNow, 1)[0].fn();
      continue;
    }
    if (timers.length === 0 && flows.length === 0) break;
    const rates = maxMinRates(flows, capacity);
    let next = Infinity;
    for (const x of timers) next = Math.min(next, x.end);
    flows.forEach((f, i) => (next = Math.min(next, now + f.remaining / rates[i])));
    const dt = next - now;
    const used = new Set<string>();
    flows.forEach((f, i) => {
      const moved = Math.min(f.remaining, rates[i] * dt);
      f.remaining -= moved;
      for (const r of f.resources) (carried.set(r, (carried.get(r) ?? 0) + moved), used.add(r));
    });
    for (const r of used) {
      busy.set(r, (busy.get(r) ?? 0) + dt);
      const list = intervals.get(r) ?? [];
      const last = list[list.length - 1];
      if (last && Math.abs(last.end - now) < 1e-9) last.end = next;
      else list.push({ start: now, end: next });
      intervals.set(r, list);
    }
    now = next;
    // Done: drained, or so little left that finishing it would not advance the clock.
    const finishedFlows = flows.filter((f, i) => f.remaining <= 1e-9 * f.total + 1e-12 || now + f.remaining / rates[i] <= now * (1 + 1e-12));
    for (const f of finishedFlows) flows.splice(flows.indexOf(f), 1);
    const firing = timers.filter((x) => x.end <= now + 1e-12);
    for (const x of firing) timers.splice(timers.indexOf(x), 1);
    for (const f of finishedFlows) f.done();
    for (const x of firing) x.fn();
  }
  if (unstarted > 0) {
    const stuck = tasks.filter((x) => !started.has(x.id)).map((x) => x.id);
    throw new TopologyError('tasks', `tasks never became ready (dependency cycle?): ${stuck.join(', ')}`);
  }

  const makespan = now;
  const links: LinkUsage[] = [...busy.keys()].sort().map((r) => {
    const h = hopOf.get(r)!;
    const bytes = carried.get(r) ?? 0;
    return {
      link: h.link,
      resource: r,
      label: linkLabel(t, h),
      busy_us: busy.get(r)!,
      bytes,
      utilisation: makespan > 0 ? bytes / (capacity(r) * makespan) : 0,
    };
  });
  for (const [r, list] of intervals) {
    for (const iv of list) timeline.push({ lane: linkLabel(t, hopOf.get(r)!), start_us: iv.start, end_us: iv.end, label: 'busy', kind: 'link' });
  }
  return {
    makespan_us: makespan,
    tasks: tasks.map((x) => ({ id: x.id, start_us: started.get(x.id)!, end_us: finished.get(x.id)! })),
    links,
    timeline: timeline.sort((a, b) => a.lane.localeCompare(b.lane) || a.start_us - b.start_us),
  };
}

/** Simulate one schedule alone: its makespan is comparable to `scheduleUs`. */
export function simulateSchedule(t: Topology, schedule: Schedule): SimResult {
  return simulate(t, [{ id: 'schedule', type: 'collective', schedule }], { streamsPerDevice: Infinity });
}
