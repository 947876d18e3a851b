// Debian's chromium, headless, opening a local page: a screenshot, and the DOM after a probe script has measured
// what a reader actually sees. No network: file:// pages, background networking and QUIC off, a fresh profile.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM } from './system-tools.ts';

const run = promisify(execFile);

async function chromium(args: string[]): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  try {
    const { stdout } = await run(
      CHROMIUM.path,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function screenshot(pagePath: string, pngPath: string, width = 1100, height = 900): Promise<Buffer> {
  // Paint everything before the shot: a long page is otherwise captured half-rasterised.
  await chromium([
    '--run-all-compositor-stages-before-draw',
    `--window-size=${width},${height}`,
    `--screenshot=${pngPath}`,
    `file://${pagePath}`,
  ]);
  return readFileSync(pngPath);
}

/**
 * Opens a copy of the page with a probe script appended and returns what the probe found: every data-count
 * element's number, and whether the first failure's message diff is rendered (not hidden, folded or zero-sized).
 */
export async function probePage(pagePath: string): Promise<{ counts: Record<string, number>; diff: DiffProbe }> {
  const probed = join(mkdtempSync(join(tmpdir(), 'probe-')), 'page.html');
  writeFileSync(probed, readFileSync(pagePath, 'utf8').replace('</body>', `<script>${PROBE}</script></body>`));
  const dom = await chromium([
    '--window-size=1100,900',
    '--virtual-time-budget=2000',
    '--dump-dom',
    `file://${probed}`,
  ]);
  const json = /<pre id="probe">([^<]*)<\/pre>/u.exec(dom)?.[1];
  if (!json) throw new Error('the probe found nothing: the page did not load');
  return JSON.parse(json.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}

export interface DiffProbe {
  found: boolean;
  visible: boolean;
  text: string | null;
  top: number;
}

const PROBE = `(function(){
  var counts={};
  document.querySelectorAll('[data-count]').forEach(function(el){counts[el.getAttribute('data-count')]=Number(el.textContent);});
  var del=document.querySelector('article.case .diff del');
  var r=del?del.getBoundingClientRect():{width:0,height:0,top:-1};
  var diff={found:!!del,visible:!!del&&del.checkVisibility({opacityProperty:true,visibilityProperty:true})&&r.width>0&&r.height>0,
    text:del?del.closest('.diff').textContent:null,top:Math.round(r.top)};
  var pre=document.createElement('pre');pre.id='probe';pre.textContent=JSON.stringify({counts:counts,diff:diff});
  document.body.appendChild(pre);
})();`;
