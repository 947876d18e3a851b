// The parts of undici the harness uses (its Agent, its error classes, its global dispatcher), loaded from their own
// modules. undici's index also loads fetch, WebSocket, the cache and the mock agent: about 73 ms of start-up against
// about 23 ms for these (node -e "require('undici')" vs "require('undici/lib/dispatcher/agent.js')" on this
// 2-core machine), paid on the thread that runs the cases before the first one starts. The version is pinned in
// package.json; test/harness/undici-core.test.ts checks these are the very objects undici's index exports.

import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

export const Agent: typeof Undici.Agent = require('undici/lib/dispatcher/agent.js');
export const errors: typeof Undici.errors = require('undici/lib/core/errors.js');
/** The dispatcher undici's own request() would use (an Agent shared by the process). */
export const getGlobalDispatcher: typeof Undici.getGlobalDispatcher =
  require('undici/lib/global.js').getGlobalDispatcher;
