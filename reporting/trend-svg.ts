// The trend over the last nights as an inline SVG (no script, no network): one line per outcome count, and a red
// mark on the night each entry started failing (the first failing run of its latest failing streak). Returns an
// HTML section that any report page can embed.

import type { HistoryLine } from './history.ts';

export const TREND_RUNS = 30;

const SERIES = [
  { key: 'passed', color: '#2e9e4f' },
  { key: 'failed', color: '#d43c3c' },
  { key: 'errored', color: '#e59400' },
  { key: 'skipped', color: '#999999' },
  { key: 'deviations', color: '#4a63d6' },
] as const;

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

export interface FailureStart {
  entry: string;
  /** Time of the first run of the entry's latest failing streak. */
  since: string;
  run: number;
}

/** For each entry failing in the newest run: when its current failing streak began (within the window). */
export function failureStarts(runs: readonly HistoryLine[]): FailureStart[] {
  const last = runs.at(-1);
  if (!last) return [];
  return Object.entries(last.entries)
    .filter(([, outcome]) => outcome === 'fail')
    .map(([entry]) => {
      let run = runs.length - 1;
      while (run > 0 && runs[run - 1]?.entries[entry] === 'fail') run--;
      return { entry, since: runs[run]?.time ?? last.time, run };
    })
    .sort((a, b) => a.run - b.run || a.entry.localeCompare(b.entry));
}

export function trendSection(history: readonly HistoryLine[]): string {
  const runs = history.slice(-TREND_RUNS);
  if (runs.length === 0) return '';
  const starts = failureStarts(runs);
  const max = Math.max(1, ...runs.flatMap((r) => SERIES.map((s) => r.cases[s.key] ?? 0)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (runs.length === 1 ? plotW / 2 : (i * plotW) / (runs.length - 1));
  const y = (v: number) => PAD.top + plotH - (v * plotH) / max;
  const lines = SERIES.map((s) => {
    const points = runs.map((r, i) => `${x(i).toFixed(1)},${y(r.cases[s.key] ?? 0).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points}"><title>${s.key}</title></polyline>`;
  }).join('');
  const marks = [...new Set(starts.map((s) => s.run))]
    .map((run) => {
      const names = starts.filter((s) => s.run === run).map((s) => s.entry);
      return `<g class="start"><line x1="${x(run).toFixed(1)}" x2="${x(run).toFixed(1)}" y1="${PAD.top}" y2="${PAD.top + plotH}" stroke="#d43c3c" stroke-dasharray="3 3"/><circle cx="${x(run).toFixed(1)}" cy="${PAD.top + 4}" r="4" fill="#d43c3c"><title>started failing: ${esc(names.join(', '))}</title></circle></g>`;
    })
    .join('');
  const axis = `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#888"/><text x="${PAD.left - 6}" y="${PAD.top + 8}" text-anchor="end">${max}</text><text x="${PAD.left - 6}" y="${PAD.top + plotH}" text-anchor="end">0</text><text x="${PAD.left}" y="${HEIGHT - 8}">${esc(day(runs[0]?.time))}</text><text x="${WIDTH - PAD.right}" y="${HEIGHT - 8}" text-anchor="end">${esc(day(runs.at(-1)?.time))}</text>`;
  const legend = SERIES.map((s) => `<span style="color:${s.color}">■</span> ${s.key}`).join(' · ');
  const list = starts.length
    ? `<ul>${starts.map((s) => `<li><code>${esc(s.entry)}</code> failing since ${esc(s.since)}</li>`).join('')}</ul>`
    : '<p>No entry is failing in the newest run.</p>';
  return `<section class="trend"><h2>Trend over the last ${runs.length} run(s)</h2>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="cases per outcome over the last runs" font-size="11" font-family="system-ui,sans-serif">${axis}${lines}${marks}</svg>
<p>${legend} · <span style="color:#d43c3c">●</span> night an entry started failing</p>
${list}</section>`;
}

function day(time: string | undefined): string {
  return (time ?? '').slice(0, 10);
}

function esc(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}
