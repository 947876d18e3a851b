#!/usr/bin/env node
// npx uqpay-conformance: the conformance run of the installed package, exactly as npm run conformance in the
// repository (the same entry, cli/conformance.mjs, which loads the TypeScript through the shipped tsx runtime).

await import('../../cli/conformance.mjs');
