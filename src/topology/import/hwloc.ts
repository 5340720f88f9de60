/**
 * Import hwloc 2 XML (`lstopo --of xml`): NUMA nodes with their CPUs and
 * memory, accelerators (PCI class 0302/1200/0b40, or VGA with a CoProc OS
 * device), PCIe switches (PCI-to-PCI bridges above accelerators), link speeds
 * (`pci_link_speed`, GB/s) and socket links from the NUMA distance matrix.
 */
import { formatCpuList } from '../model/cpulist.js';
import { TopologyError, type Device, type Link, type NumaNode, type PcieSwitch, type Topology } from '../model/types.js';
import { validateTopology } from '../model/validate.js';
import { DEFAULTS, DEFAULT_NOTE, defaultDevice, socketLinks } from './defaults.js';
import { parseXml, type XmlElement } from './xml.js';

/** hwloc bitmaps: comma-separated 32-bit hex words, most significant first. */
export function parseHwlocBitmap(s: string): number[] {
  const out: number[] = [];
  const words = s.split(',').reverse();
  words.forEach((w, wi) => {
    const hex = w.trim().replace(/^0x/i, '');
    if (!/^[0-9a-f]*$/i.test(hex)) throw new Error(`bad hwloc bitmap '${s}'`);
    const v = parseInt(hex || '0', 16);
    for (let b = 0; b < 32; b++) if (v & (2 ** b)) out.push(wi * 32 + b);
  });
  return out;
}

const ACCEL_CLASSES = ['0302', '1200', '0b40'];

interface Walk {
  el: XmlElement;
  parents: XmlElement[];
}

function* walk(el: XmlElement, parents: XmlElement[] = []): Generator<Walk> {
  for (const c of el.children) {
    if (c.name !== 'object') continue;
    yield { el: c, parents };
    yield* walk(c, [...parents, c]);
  }
}

function isAccelerator(el: XmlElement): boolean {
  const cls = (el.attrs.pci_type ?? '').slice(0, 4).toLowerCase();
  if (ACCEL_CLASSES.includes(cls)) return true;
  // A VGA device counts only if a compute runtime exposes it (osdev_type 5 = CoProc).
  return cls === '0300' && el.children.some((c) => c.name === 'object' && c.attrs.type === 'OSDev' && c.attrs.osdev_type === '5');
}

export function importHwlocXml(text: string, source = 'hwloc.xml'): Topology {
  let doc: XmlElement;
  try {
    doc = parseXml(text, source);
  } catch (e) {
    throw new TopologyError('', (e as Error).message);
  }
  const top = doc.children.find((c) => c.name === 'topology');
  if (!top) throw new TopologyError('', `${source}: not an hwloc topology (no <topology> element)`);
  const all = [...walk(top)];
  const bitmap = (el: XmlElement, attr: string, fallback: string): number[] => {
    try {
      return parseHwlocBitmap(el.attrs[attr] ?? fallback);
    } catch {
      throw new TopologyError('', `${source}:${el.line}: bad ${attr} bitmap '${el.attrs[attr]}'`);
    }
  };
  const machine = all.find((w) => w.el.attrs.type === 'Machine');
  if (!machine) throw new TopologyError('', `${source}: no Machine object`);

  const numaEls = all.filter((w) => w.el.attrs.type === 'NUMANode');
  const numa_nodes: NumaNode[] = numaEls.map(({ el }) => {
    const id = Number(el.attrs.os_index);
    if (!Number.isInteger(id)) throw new TopologyError('', `${source}:${el.line}: NUMANode without a valid os_index`);
    return {
      id,
      cpus: formatCpuList(bitmap(el, 'cpuset', '0x0')),
      memory_gib: Number(el.attrs.local_memory ?? 0) / 2 ** 30,
      dram_gbps: DEFAULTS.dram_gbps,
    };
  });
  if (numa_nodes.length === 0) {
    // hwloc 1.x or a non-NUMA machine: one node holding every CPU.
    numa_nodes.push({ id: 0, cpus: formatCpuList(bitmap(machine.el, 'cpuset', '0x1')), memory_gib: 0, dram_gbps: DEFAULTS.dram_gbps });
  }
  const nodeIds = numa_nodes.map((n) => n.id);
  const numaOf = (parents: readonly XmlElement[]): number => {
    for (let i = parents.length - 1; i >= 0; i--) {
      const ns = parents[i].attrs.nodeset;
      if (ns) {
        const first = bitmap(parents[i], 'nodeset', '0x0').find((n) => nodeIds.includes(n));
        if (first !== undefined) return first;
      }
    }
    return nodeIds[0];
  };

  const devices: Device[] = [];
  const switches: PcieSwitch[] = [];
  const links: Link[] = [];
  const switchIds = new Map<XmlElement, string>();
  const gbpsOf = (el: XmlElement): number => {
    const v = Number(el.attrs.pci_link_speed);
    return Number.isFinite(v) && v > 0 ? v : DEFAULTS.pcie_gbps;
  };
  for (const { el, parents } of all) {
    if (el.attrs.type !== 'PCIDev' || !isAccelerator(el)) continue;
    const id = devices.length;
    const node = numaOf(parents);
    const os = el.children.find((c) => c.attrs.type === 'OSDev' && (c.attrs.osdev_type === '5' || c.attrs.osdev_type === '1'));
    const memKiB = Number(
      os?.children.find((i) => i.name === 'info' && /GlobalMemorySize$/.test(i.attrs.name ?? ''))?.attrs.value ?? NaN,
    );
    const dev = defaultDevice(id, node, os?.attrs.name ?? el.attrs.pci_busid);
    devices.push(Number.isFinite(memKiB) ? { ...dev, memory_gib: memKiB / 2 ** 20 } : dev);
    // The PCIe switch is the outermost PCI-to-PCI bridge above the device.
    const bridge = parents.find((p) => p.attrs.type === 'Bridge' && p.attrs.bridge_type?.startsWith('1-'));
    const gbps = gbpsOf(el);
    if (!bridge) {
      links.push({ a: `dev${id}`, b: `numa${node}`, kind: 'pcie', alpha_us: DEFAULTS.pcie_alpha_us, gbps, duplex: true });
      continue;
    }
    let sw = switchIds.get(bridge);
    if (!sw) {
      sw = `sw${switchIds.size}`;
      switchIds.set(bridge, sw);
      switches.push({ id: sw, numa_node: node });
      links.push({ a: sw, b: `numa${node}`, kind: 'pcie', alpha_us: DEFAULTS.pcie_alpha_us / 2, gbps: gbpsOf(bridge), duplex: true });
    }
    links.push({ a: `dev${id}`, b: sw, kind: 'pcie', alpha_us: DEFAULTS.pcie_alpha_us / 2, gbps, duplex: true });
  }

  links.push(...socketLinks(nodeIds, distances(top, nodeIds), socketKind(all)));
  const name = machine.el.children.find((c) => c.name === 'info' && c.attrs.name === 'HostName')?.attrs.value ?? 'hwloc-import';
  return validateTopology({
    name,
    description: `imported from hwloc XML (${source})`,
    numa_nodes,
    devices,
    switches,
    links,
    p2p: { max_class: 'PHB' },
    sources: { import: DEFAULT_NOTE },
  });
}

function socketKind(all: readonly Walk[]): 'upi' | 'infinity-fabric' {
  const vendor = all.flatMap((w) => w.el.children).find((c) => c.name === 'info' && c.attrs.name === 'CPUVendor')?.attrs.value;
  return vendor === 'AuthenticAMD' ? 'infinity-fabric' : 'upi';
}

/** hwloc 2 `<distances2>` over NUMA nodes, reordered to `nodeIds`. */
function distances(top: XmlElement, nodeIds: readonly number[]): number[][] | undefined {
  const d = top.children.find((c) => (c.name === 'distances2' || c.name === 'distances2hetero') && c.attrs.type === 'NUMANode');
  if (!d) return undefined;
  const n = Number(d.attrs.nbobjs);
  const idx = d.children.filter((c) => c.name === 'indexes').flatMap((c) => c.text.split(/\s+/).filter(Boolean).map(Number));
  const vals = d.children.filter((c) => c.name === 'u64values').flatMap((c) => c.text.split(/\s+/).filter(Boolean).map(Number));
  if (!(n > 0) || idx.length !== n || vals.length !== n * n) return undefined;
  return nodeIds.map((a) => nodeIds.map((b) => vals[idx.indexOf(a) * n + idx.indexOf(b)] ?? 0));
}
