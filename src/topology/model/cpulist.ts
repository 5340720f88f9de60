/** Linux cpulist strings ("0-23,48-71") to sorted CPU numbers and back. */

export function parseCpuList(text: string, field = 'cpus'): number[] {
  const out = new Set<number>();
  const trimmed = text.trim();
  if (trimmed === '') return [];
  for (const part of trimmed.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?(?::(\d+))?$/.exec(part);
    if (!m) throw new Error(`${field}: bad cpu list element '${part}' in '${text}'`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    const stride = m[3] === undefined ? 1 : Number(m[3]);
    if (hi < lo || stride < 1) throw new Error(`${field}: bad cpu range '${part}' in '${text}'`);
    for (let c = lo; c <= hi; c += stride) out.add(c);
  }
  return [...out].sort((x, y) => x - y);
}

export function formatCpuList(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((x, y) => x - y);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
