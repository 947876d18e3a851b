import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import { Agent, errors, getGlobalDispatcher } from '../../harness/undici-core.ts';

// harness/undici-core.ts loads undici's parts from their own modules: they must be the objects its index exports,
// or an error thrown by the Agent would not be an instance of the classes the client tests for.
describe('undici, loaded by parts', () => {
  it('gives the very Agent, error classes and global dispatcher undici exports', () => {
    expect(Agent).toBe(undici.Agent);
    expect(errors).toBe(undici.errors);
    expect(getGlobalDispatcher).toBe(undici.getGlobalDispatcher);
    expect(getGlobalDispatcher()).toBe(undici.getGlobalDispatcher());
  });
});
