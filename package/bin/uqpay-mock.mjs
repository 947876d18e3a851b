#!/usr/bin/env node
// npx uqpay-mock: the built-in mock of the installed package, as npm run mock in the repository. Its TypeScript
// is loaded through the shipped tsx runtime.

const { register } = await import('tsx/esm/api');
register();
await import('../../mock/cli.ts');
