// Debian tools some report tests need (xmllint from libxml2-utils, chromium). .ci/run installs them. Without CI a
// test that needs a missing tool skips and says why; under CI (CI set) it runs and fails loudly instead.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemTool {
  path: string;
  available: boolean;
  /** The tool is missing and this is not CI: tests that need it skip. */
  skip: boolean;
  /** What to say when the tool is missing. */
  missing: string;
}

function tool(path: string, pkg: string): SystemTool {
  const available = existsSync(path);
  return {
    path,
    available,
    skip: !available && !process.env.CI,
    missing: `${path} is not installed (apt-get install -y ${pkg}; .ci/run does this)`,
  };
}

export const XMLLINT = tool('/usr/bin/xmllint', 'libxml2-utils');
export const CHROMIUM = tool('/usr/bin/chromium', 'chromium');

/** Skips the running test with the reason when the tool is missing outside CI; under CI a missing tool fails it. */
export function needs(tool: SystemTool, ctx: { skip(note?: string): void }): void {
  if (tool.skip) ctx.skip(tool.missing);
  if (!tool.available) throw new Error(`${tool.missing}: under CI this test must run`);
}

/** Validates an XML file against an XSD with xmllint; returns xmllint's complaints (empty when valid). */
export function xmllintErrors(xmlPath: string, xsdPath: string): string {
  try {
    execFileSync(XMLLINT.path, ['--noout', '--schema', xsdPath, xmlPath], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}
