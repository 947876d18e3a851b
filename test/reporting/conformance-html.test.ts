import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { conformancePage } from '../../reporting/html/page.ts';
import { plantedRun, SECRET_PAN, SECRET_TOKEN } from '../__helpers__/planted-run.ts';

const catalog = loadCatalog();

describe('conformance.html of a run with planted failures, errors and skips', () => {
  const results = plantedRun();
  const html = conformancePage(results, catalog);

  it('loads nothing from the network', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|url\(|@import/iu);
    expect(html).not.toMatch(/href="(?!#)/u);
  });

  it('opens with the verdict and the counts, then failures, errors, skips, matrix and drift in that order', () => {
    expect(html).toContain('data-verdict="fail"');
    expect(html).toContain(`<b data-count="cases.failed">${results.summary.cases.failed}</b>`);
    const order = ['id="verdict"', 'id="failures"', 'id="errors"', 'id="skips"', 'id="matrix"', 'id="drift"'].map(
      (id) => html.indexOf(id),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('each failure shows expected against observed, the diff with code points, the hint and the curl in plain view', () => {
    const card = html.slice(html.indexOf('<article class="case'), html.indexOf('</article>'));
    expect(card).toContain('<del title="only in the page">’<span class="cp">U+2019</span></del>');
    expect(card).toContain('<ins title="only in the answer">&#39;<span class="cp">U+0027</span></ins>');
    expect(card).toContain(catalog.entryById.get('cardholder.kyc_insufficient')?.remediation.hint.slice(0, 30));
    expect(card).toContain('<pre class="curl">');
    expect(card).not.toContain('<details');
  });

  it('groups skips by the setting that unlocks them, with counts', () => {
    expect(html).toMatch(/<code>UQPAY_FIXTURE_POOL_CARDS<\/code> unlocks <span class="count">2<\/span> cases/u);
    expect(html).toMatch(
      /<code>the built-in mock \(leave UQPAY_BASE_URL empty\)<\/code> unlocks <span class="count">1<\/span> case/u,
    );
  });

  it('general rows count per operation; skip, error, not run and not documented look different', () => {
    const start = html.indexOf('general.forbidden <span class="general">');
    const row = html.slice(html.lastIndexOf('<tr', start), html.indexOf('</tr>', start));
    expect(row).toContain('general.forbidden');
    expect(row).toContain('<td class="o-pass" title="1 pass">1✓</td>');
    expect(row).toMatch(/<td class="o-skip" title="1 skip"><a href="#case-\d+">1–<\/a><\/td>/u);
    const css = html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
    const rule = (id: string) => css.match(new RegExp(`td\\.o-${id}\\{border:([^}]*)\\}`, 'u'))?.[1];
    const borders = ['skip', 'error', 'not-run', 'not-documented', 'fail', 'pass'].map(rule);
    expect(new Set(borders).size).toBe(borders.length);
    expect(html).toContain('<td class="o-not-documented"');
    expect(html).toContain('<td class="o-not-run"');
  });

  it('has filters by outcome and by section', () => {
    for (const outcome of ['pass', 'fail', 'error', 'skip'])
      expect(html).toContain(`name="outcome" value="${outcome}" checked`);
    expect(html).toContain('<option value="cardholder">cardholder</option>');
  });

  it('holds no token or card number', () => {
    expect(html).not.toContain(SECRET_TOKEN);
    expect(html).not.toContain(SECRET_PAN);
  });
});
