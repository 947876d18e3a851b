// The entry of npm run conformance. Plain JavaScript on purpose: vitest/node (vite, rolldown and ~1,000 modules)
// loads about 4× faster without tsx's loader hooks in the way, so it is loaded first, alongside argument parsing;
// tsx is registered afterwards for the project's TypeScript only. Measured in bench/README.md ("Start-up").

const vitest = import('vitest/node');
vitest.catch(() => undefined);
await vitest;
const { register } = await import('tsx/esm/api');
register();
await import('./conformance.ts');
