/**
 * What importers assume when the source format does not say. Every value is
 * recorded in the imported topology's `sources` so a user sees what to fix.
 */
import type { Device, Link, LinkKind } from '../model/types.js';

export const DEFAULTS = {
  dram_gbps: 100,
  pcie_gbps: 12, // NCCL topo.h PCI_BW (Gen3 x16)
  pcie_alpha_us: 1.0,
  socket_gbps: 20.8, // one UPI link, 10.4 GT/s x 2 B per direction
  socket_alpha_us: 0.5,
  nvlink_gbps_per_link: 20, // NCCL topo.h SM80_NVLINK_BW
  nvlink_alpha_us: 0.6,
  device: { memory_gib: 16, mem_gbps: 900, tflops: 100, dma_engines: 2, max_dma_bytes: 1 << 30, dma_align: 256 },
} as const;

export const DEFAULT_NOTE =
  'imported: values absent from the source use numaccl defaults (docs/topology.md#import-defaults); calibrate or edit them';

export function defaultDevice(id: number, numa_node: number, name?: string): Device {
  return { id, ...(name ? { name } : {}), numa_node, ...DEFAULTS.device };
}

/**
 * Socket links from a SLIT distance matrix: each node is linked to its
 * nearest neighbours (smallest off-diagonal distance in its row), which
 * keeps two-hop pairs two hops apart.
 */
export function socketLinks(ids: readonly number[], dist: readonly (readonly number[])[] | undefined, kind: LinkKind): Link[] {
  const links: Link[] = [];
  const mk = (a: number, b: number): Link => ({
    a: `numa${ids[a]}`, b: `numa${ids[b]}`, kind, alpha_us: DEFAULTS.socket_alpha_us, gbps: DEFAULTS.socket_gbps, duplex: true,
  });
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const row = dist?.[i];
    let best = Infinity;
    if (row) for (let j = 0; j < ids.length; j++) if (j !== i) best = Math.min(best, row[j]);
    for (let j = 0; j < ids.length; j++) {
      if (j === i) continue;
      const near = !row || row[j] <= best;
      const key = `${Math.min(i, j)}-${Math.max(i, j)}`;
      if (near && !seen.has(key)) (seen.add(key), links.push(mk(Math.min(i, j), Math.max(i, j))));
    }
  }
  // Nearest-neighbour links can leave islands; join them by their closest pair.
  const comp = ids.map((_, i) => i);
  const find = (x: number): number => (comp[x] === x ? x : (comp[x] = find(comp[x])));
  for (const l of links) comp[find(ids.indexOf(Number(l.a.slice(4))))] = find(ids.indexOf(Number(l.b.slice(4))));
  for (;;) {
    let pick: [number, number] | undefined;
    let best = Infinity;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (find(i) !== find(j) && (dist?.[i]?.[j] ?? 0) < best) (best = dist?.[i]?.[j] ?? 0), (pick = [i, j]);
    if (!pick) break;
    links.push(mk(pick[0], pick[1]));
    comp[find(pick[0])] = find(pick[1]);
  }
  return links;
}
