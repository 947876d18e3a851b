#!/usr/bin/env node
// npx uqpay-conformance: the conformance run of the installed package, exactly as npm run conformance in the
// repository (the same entry, cli/conformance.mjs: the compiled dist/ when it is fresh, else the sources via tsx).

await import('../../cli/conformance.mjs');
