#!/usr/bin/env node
// npx uqpay-mock: the built-in mock of the installed package, as npm run mock in the repository (build/launch.mjs:
// the compiled dist/ when it is fresh, as in a packed tarball, else the TypeScript through the shipped tsx runtime).

const { launch } = await import('../../build/launch.mjs');
await launch('mock/cli.ts');
