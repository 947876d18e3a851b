import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/load.ts';
import { junitXml, SUITE_FILE } from '../../reporting/junit.ts';
import { buildResults } from '../../reporting/results.ts';
import { PLANTED_SEED, plantedRun, SECRET_PAN, SECRET_TOKEN } from '../__helpers__/planted-run.ts';
import { needs, XMLLINT, xmllintErrors } from '../__helpers__/system-tools.ts';

const catalog = loadCatalog();
const XSD = join(import.meta.dirname, '../fixtures/junit-10.xsd');
const write = (xml: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'junit-')), 'junit.xml');
  writeFileSync(path, xml);
  return path;
};
/** The text of the testcase element with this name. */
const testCase = (xml: string, name: string) => {
  const start = xml.indexOf(`name="${name}"`);
  return xml.slice(start, xml.indexOf('</testcase>', start));
};

describe('junit.xml of a run with planted failures, errors and skips', () => {
  const xml = junitXml(plantedRun(), catalog);

  it('is valid against Jenkins junit-10.xsd', (ctx) => {
    needs(XMLLINT, ctx);
    expect(xmllintErrors(write(xml), XSD)).toBe('');
  });

  it('the schema check can fail: the shape the old report had is rejected', (ctx) => {
    needs(XMLLINT, ctx);
    const old =
      '<testsuites tests="1" skipped="1"><testsuite name="s" tests="1" failures="0" errors="0">' +
      '<testcase name="a" classname="c" file="f"><properties><property name="k" value="v"/></properties><skipped/></testcase>' +
      '</testsuite></testsuites>';
    const errors = xmllintErrors(write(old), XSD);
    expect(errors).toContain("attribute 'skipped' is not allowed");
    expect(errors).toContain("attribute 'file' is not allowed");
    expect(errors).toContain("'properties': This element is not expected");
  });

  it('has time on <testsuites> and every <testsuite>, the suite file, and no skipped attribute on the root', () => {
    const root = xml.match(/<testsuites [^>]*>/u)?.[0] ?? '';
    expect(root).toContain('time="1.234"');
    expect(root).not.toContain('skipped=');
    const suites = xml.match(/<testsuite [^>]*>/gu) ?? [];
    expect(suites.length).toBeGreaterThan(1);
    for (const suite of suites) {
      expect(suite).toMatch(/ time="\d+(\.\d+)?"/u);
      expect(suite).toContain(`file="${SUITE_FILE}"`);
    }
  });

  it('classnames are <section>.<operation id>, never repeating the section; no testcase properties', () => {
    expect(xml).toContain('classname="general.retrieve_card" name="Retrieve Card › general.forbidden"');
    expect(xml).toContain('classname="cardholder.create_card"');
    expect(xml).not.toMatch(/classname="(\w+)\.\1\./u);
    for (const block of xml.split('<testcase ').slice(1))
      expect(block.split('</testcase>')[0]).not.toContain('<properties>');
  });

  it('a failure carries the checks, expected against got, the diff with code points, the hint and the curl', () => {
    const text = testCase(xml, 'Create Card › cardholder.kyc_insufficient');
    expect(text).toContain('<failure message="message: expected');
    expect(text).toContain('type="ContractFailure"><![CDATA[');
    expect(text).toContain('expected: "cardholder information does not meet this product’s requirements"');
    expect(text).toContain('got:      "cardholder information does not meet this product\'s requirements"');
    expect(text).toContain("product[-’ (U+2019)-]{+' (U+0027)+}s requirements");
    expect(text).toContain(
      `remediation (${catalog.entryById.get('cardholder.kyc_insufficient')?.remediation.action}):`,
    );
    expect(text).toContain("curl -sS -i -X POST 'http://127.0.0.1:9/api/v1/issuing/cards?");
    expect(text).toContain('x-auth-token: Bearer $UQPAY_TOKEN');
    expect(text).toContain(
      `UQPAY_SEED=${PLANTED_SEED} npm run conformance -- --filter 'Create Card › cardholder.kyc_insufficient'`,
    );
    expect(text).toContain(']] >'); // the body's "]]>" cannot end the CDATA section early
  });

  it('an error carries its reason and the request that failed; a skip names the setting that unlocks it', () => {
    const error = testCase(xml, 'Update Card Status › card.card_not_found');
    expect(error).toContain(
      '<error message="arrange step Create Card answered 503 upstream unavailable" type="EnvironmentError">',
    );
    expect(error).toContain('request (the arrange request): POST /v1/issuing/cards');
    const skip = testCase(xml, 'Card Withdraw › card.card_not_found');
    expect(skip).toContain(
      '<skipped message="needs fixture unassigned pool cards: set UQPAY_FIXTURE_POOL_CARDS in .env (unlocked by UQPAY_FIXTURE_POOL_CARDS)">',
    );
    expect(skip).toContain('unlocked by: UQPAY_FIXTURE_POOL_CARDS</skipped>');
    expect(testCase(xml, 'Retrieve Card › general.api_error')).toContain('only the built-in mock can provide');
  });

  it('holds no token or card number', () => {
    expect(xml).not.toContain(SECRET_TOKEN);
    expect(xml).not.toContain(SECRET_PAN);
  });
});

describe('junit.xml of a run without a single case', () => {
  it('is still valid', (ctx) => {
    needs(XMLLINT, ctx);
    const empty = buildResults(
      catalog,
      { target: 'mock', base_url_host: 'h', seed: 1, started_at: '2026-01-01T00:00:00.000Z', duration_ms: 0 },
      [],
    );
    const xml = junitXml(empty, catalog);
    expect(xmllintErrors(write(xml), XSD)).toBe('');
    expect(readFileSync(write(xml), 'utf8')).toContain('tests="0"');
  });
});
