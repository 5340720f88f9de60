/** A readable SVG Gantt chart of a simulation timeline. */
import type { SimResult, TimelineEvent } from './types.js';

const COLOURS: Record<TimelineEvent['kind'], string> = { collective: '#4e79a7', compute: '#59a14f', link: '#e15759' };
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function niceStep(span: number): number {
  const raw = span / 8;
  const p = 10 ** Math.floor(Math.log10(raw || 1));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw;
}

export function timelineSvg(result: SimResult, title = 'numaccl simulation'): string {
  const lanes = [...new Set(result.timeline.map((e) => e.lane))].sort((a, b) => {
    const rank = (l: string): number => (l.endsWith('compute') ? 0 : l.endsWith('comm') ? 1 : 2);
    return rank(a) - rank(b) || a.localeCompare(b, undefined, { numeric: true });
  });
  const labelW = 260;
  const plotW = 900;
  const rowH = 20;
  const top = 50;
  const span = Math.max(result.makespan_us, 1e-9);
  const x = (us: number): number => labelW + (us / span) * plotW;
  const height = top + lanes.length * rowH + 40;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + plotW + 20}" height="${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}: makespan ${result.makespan_us.toFixed(2)} µs</text>`,
    `<text x="10" y="38" fill="#555">blue: collectives in flight per device · green: compute · red: link busy</text>`,
  ];
  const step = niceStep(span);
  for (let tk = 0; tk <= span + 1e-9; tk += step) {
    out.push(`<line x1="${x(tk).toFixed(1)}" y1="${top - 4}" x2="${x(tk).toFixed(1)}" y2="${top + lanes.length * rowH}" stroke="#ddd"/>`);
    out.push(`<text x="${x(tk).toFixed(1)}" y="${top + lanes.length * rowH + 14}" text-anchor="middle" fill="#555">${+tk.toPrecision(4)} µs</text>`);
  }
  lanes.forEach((lane, i) => {
    const y = top + i * rowH;
    out.push(`<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(lane)}</text>`);
    for (const e of result.timeline.filter((ev) => ev.lane === lane)) {
      const w = Math.max(0.5, x(e.end_us) - x(e.start_us));
      out.push(
        `<rect x="${x(e.start_us).toFixed(2)}" y="${y + 2}" width="${w.toFixed(2)}" height="${rowH - 4}" fill="${COLOURS[e.kind]}" opacity="0.85">` +
          `<title>${esc(`${e.label}: ${e.start_us.toFixed(2)}–${e.end_us.toFixed(2)} µs`)}</title></rect>`,
      );
      if (w > 40) out.push(`<text x="${(x(e.start_us) + 3).toFixed(1)}" y="${y + 14}" fill="white">${esc(e.label)}</text>`);
    }
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
