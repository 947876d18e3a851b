// npm run conformance asks vitest for the same conformance project from the sources and from dist/: from the
// sources, the project of vitest.config.ts; from dist/, its settings inline, on the compiled files, imported natively.

import { describe, expect, it } from 'vitest';
import { conformanceProjectOptions } from '../../cli/vitest-options.ts';
import { CONFORMANCE_PROJECT } from '../../suites/project.ts';

describe('conformanceProjectOptions', () => {
  it('from the sources: the project named in vitest.config.ts', () => {
    expect(conformanceProjectOptions('file:///repo/cli/vitest-options.ts')).toEqual({ project: ['conformance'] });
  });

  it('from dist/: the same settings on the compiled suite, without the config file', () => {
    const options = conformanceProjectOptions('file:///repo/dist/cli/vitest-options.js');
    expect(options).toMatchObject({
      config: false,
      dir: '/repo/dist/',
      name: CONFORMANCE_PROJECT.name,
      include: ['suites/**/*.test.js'],
      globalSetup: ['/repo/dist/suites/global-setup.js'],
      testTimeout: CONFORMANCE_PROJECT.testTimeout,
    });
    const external = options.server?.deps?.external?.[0] as RegExp;
    expect(external.test('/repo/dist/harness/judge.js')).toBe(true);
    expect(external.test('/repo/harness/judge.ts')).toBe(false);
  });
});
