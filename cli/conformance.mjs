// The entry of npm run conformance: runs dist/cli/conformance.js when `npm run build` compiled the current sources
// (build/launch.mjs), else cli/conformance.ts through tsx. On that path vitest/node (vite, rolldown and ~1,000
// modules) is loaded first, about 4× faster without tsx's loader hooks in the way. Measured in bench/README.md.

import { launch } from '../build/launch.mjs';

await launch('cli/conformance.ts', async () => {
  await import('vitest/node');
});
