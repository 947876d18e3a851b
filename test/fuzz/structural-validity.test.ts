// Structural fuzz tells an invalid request (a 2xx fails the property) from a valid one (a 2xx is fine) and from one
// the page leaves open (the answer is recorded): per mutation kind, against the operation's documented request.

import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../catalog/ids.ts';
import type { RequestSpec } from '../../contract/request.ts';
import { REQUEST_SHAPES } from '../../fuzz/request-shapes.ts';
import type { Mutation } from '../../fuzz/structural.ts';
import { mutationValidity } from '../../fuzz/structural-validity.ts';

const recharge: RequestSpec = { operation: 'Card Recharge', params: { card_id: 'c' }, body: { amount: 1 } };
const kind = (m: Mutation, base: RequestSpec = recharge) => mutationValidity(base.operation as never, base, m).kind;

describe('mutationValidity', () => {
  it('has a documented request for every operation', () => {
    expect(Object.keys(REQUEST_SHAPES).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  it.each<[string, Mutation]>([
    ['a required field dropped', { kind: 'drop', key: 'amount' }],
    ['a wrong type', { kind: 'set', key: 'amount', value: '1' }],
    ['a required field set to null', { kind: 'set', key: 'amount', value: null }],
    ['a body that is not an object', { kind: 'replace-body', value: [1] }],
    ['a body without the required field', { kind: 'replace-body', value: { other: 1 } }],
    ['malformed JSON', { kind: 'raw', text: '{"amount":' }],
    ['JSON that is not an object', { kind: 'raw', text: '"text"' }],
    ['a path id that is not a UUID', { kind: 'param', key: 'card_id', value: 'abc' }],
  ])('%s is invalid', (_, m) => expect(kind(m)).toBe('invalid'));

  it('an unknown enum value is invalid', () => {
    const status: RequestSpec = { operation: 'Update Card Status', body: { card_status: 'FROZEN' } };
    expect(kind({ kind: 'set', key: 'card_status', value: 'frozen' }, status)).toBe('invalid');
    expect(kind({ kind: 'set', key: 'card_status', value: 'ACTIVE' }, status)).toBe('observe');
  });

  it.each<[string, Mutation]>([
    ['an extra field', { kind: 'set', key: 'extra_field', value: [1, 2] }],
    ['a field name from the prototype', { kind: 'set', key: 'toString', value: 'x' }],
    ['a key that was not sent dropped', { kind: 'drop', key: 'absent' }],
    ['the required field with extras', { kind: 'replace-body', value: { amount: 2, note: 'x' } }],
  ])('%s is valid or left open, never invalid', (_, m) => expect(kind(m)).not.toBe('invalid'));

  it('an optional field removed is valid; set to null is left open', () => {
    const update: RequestSpec = { operation: 'Update Card', body: { card_limit: 5 } };
    expect(kind({ kind: 'drop', key: 'card_limit' }, update)).toBe('valid');
    expect(kind({ kind: 'set', key: 'card_limit', value: null }, update)).toBe('observe');
  });

  it('list filters: malformed is invalid, an undocumented parameter valid, an empty one left open', () => {
    const list: RequestSpec = { operation: 'List Cards', query: {} };
    expect(kind({ kind: 'query', key: 'page_size', value: 'ten' }, list)).toBe('invalid');
    expect(kind({ kind: 'query', key: 'page_size', value: '101' }, list)).toBe('invalid');
    expect(kind({ kind: 'query', key: 'page_size', value: '100' }, list)).toBe('valid');
    expect(kind({ kind: 'query', key: 'cardholder_id', value: 'x' }, list)).toBe('invalid');
    expect(kind({ kind: 'query', key: 'colour', value: 'x' }, list)).toBe('valid');
    expect(kind({ kind: 'query', key: 'page_size', value: '' }, list)).toBe('observe');
  });
});
