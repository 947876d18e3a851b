// The mock variants that prove each fuzz property has teeth, built from the properties' own data, so a rule added to
// the table gets its variants without a line here:
// - per rule, its boundary moved by one unit outwards (every value on the rule's outside edge is accepted: the rule
//   property must fail) and inwards (every value on its inside edge is refused: the twin must fail);
// - per structural property, the operation answers 200 where the mock refuses the request's shape;
// - per idempotency property, the mock forgets the one promise that property checks (a duplicate in flight runs
//   twice, a finished key runs again, a key crosses operations or accounts, a malformed key is taken).
// Each variant names the property that must kill it (falsify it, not error).

import type { FastifyRequest } from 'fastify';
import { loadCatalog } from '../catalog/load.ts';
import type { RuleVariant } from '../mock/rule-variants.ts';
import { IDEMPOTENCY_PROPERTIES } from './idempotency.ts';
import { RULES, ruleLabel, ruleProperties } from './rules/index.ts';
import type { Rule } from './rules/types.ts';
import { allStructuralProperties } from './structural.ts';
import type { FuzzProperty } from './types.ts';

export interface KillVariant {
  /** "<how the mock is broken> › <what>". */
  name: string;
  /** The property that must be falsified against it. */
  property: FuzzProperty;
  mock: RuleVariant;
}

/**
 * The rule's boundary moved by one unit: out (its outside edge now passes as the inside value next to it: the rule
 * property must fail) or in (its inside edge is now refused as the outside value next to it: the twin must fail).
 */
function moved(rule: Rule, property: FuzzProperty, direction: 'out' | 'in'): KillVariant {
  const name = `boundary moved ${direction} by one unit › ${ruleLabel(rule)}`;
  const { edge } = rule;
  const rewrite =
    direction === 'out'
      ? (value: unknown) => (edge.isOutside(value) ? edge.toInside(value) : undefined)
      : (value: unknown) => (edge.isInside(value) ? edge.toOutside(value) : undefined);
  return { name, property, mock: { name, rewrites: [{ operation: rule.operation, field: rule.field, rewrite }] } };
}

export function ruleKillVariants(rules: readonly Rule[] = RULES): KillVariant[] {
  return rules.flatMap((rule) => {
    const [outside, twin] = ruleProperties(rule);
    return [...(outside ? [moved(rule, outside, 'out')] : []), ...(twin ? [moved(rule, twin, 'in')] : [])];
  });
}

/** The entries the mock answers when a request's shape is wrong (mock/RULES.md steps 9 and 10). */
const SHAPE_ENTRIES = [
  'general.b.request_parameters_invalid',
  'general.b.params_json_error',
  'general.invalid_request_error',
  'card.b.content_type_is_not_supported_please_upload_the_correct_format',
];

function isShapeRefusal(payload: string): boolean {
  const catalog = loadCatalog();
  let body: { type?: unknown; code?: unknown; message?: unknown };
  try {
    body = JSON.parse(payload);
  } catch {
    return false;
  }
  return SHAPE_ENTRIES.some((id) => {
    const entry = catalog.entryById.get(id);
    if (!entry || body.code !== entry.code) return false;
    return entry.envelope === 'A' ? body.type === entry.type : body.message === entry.message;
  });
}

export function structuralKillVariants(): KillVariant[] {
  return allStructuralProperties().map((property) => {
    const name = `invalid request answered 200 › ${property.operation}`;
    return {
      name,
      property,
      mock: {
        name,
        rewrites: [],
        answer: (operation, status, payload) =>
          operation === property.operation && status === 400 && isShapeRefusal(payload)
            ? { status: 200, payload: '{}' }
            : undefined,
      },
    };
  });
}

interface KeyUse {
  endpoint: string;
  auth: string;
  done: boolean;
}

/** When the broken mock drops a request's key (so the request runs as if it had none). */
type KeyLapse = (key: string, first: KeyUse | undefined, now: Omit<KeyUse, 'done'>) => boolean;

/** Per idempotency property (by the entry it checks; null: the replay property), the promise the mock forgets. */
const LAPSES: Record<string, { what: string; lapse: KeyLapse }> = {
  'general.request_being_processed': {
    what: 'a duplicate in flight runs again',
    lapse: (_key, first) => first !== undefined && !first.done,
  },
  replay: { what: 'a finished key runs again', lapse: (_key, first) => first?.done === true },
  'general.key_mismatch_api': {
    what: 'a key crosses operations',
    lapse: (_key, first, now) => first !== undefined && first.endpoint !== now.endpoint,
  },
  'general.key_mismatch_account': {
    what: 'a key crosses accounts',
    lapse: (_key, first, now) => first !== undefined && first.auth !== now.auth,
  },
  'general.invalid_key_format': {
    what: 'a malformed key is taken',
    lapse: (key) => key.length === 0 || key.length > 255,
  },
};

function keyLapseVariant(name: string, lapse: KeyLapse): RuleVariant {
  const uses = new Map<string, KeyUse>();
  const owners = new WeakMap<FastifyRequest, KeyUse>();
  return {
    name,
    rewrites: [],
    before: (req) => {
      const key = req.headers['x-idempotency-key'];
      if (typeof key !== 'string') return;
      const now = { endpoint: `${req.method} ${req.url.split('?')[0]}`, auth: String(req.headers['x-auth-token']) };
      const first = uses.get(key);
      if (lapse(key, first, now)) {
        delete req.headers['x-idempotency-key'];
        return;
      }
      if (first) return;
      const use = { ...now, done: false };
      uses.set(key, use);
      owners.set(req, use);
    },
    after: (req) => {
      const use = owners.get(req);
      if (use) use.done = true;
    },
  };
}

export function idempotencyKillVariants(): KillVariant[] {
  return IDEMPOTENCY_PROPERTIES.flatMap((property) => {
    const lapse = LAPSES[property.entry ?? 'replay'];
    if (!lapse) return [];
    const name = `${lapse.what} › ${property.name}`;
    return [{ name, property, mock: keyLapseVariant(name, lapse.lapse) }];
  });
}

export function allKillVariants(): KillVariant[] {
  return [...ruleKillVariants(), ...structuralKillVariants(), ...idempotencyKillVariants()];
}
