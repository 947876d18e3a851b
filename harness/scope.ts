// Scoping a scenario on the mock: every request it sends carries its own scope header, and every fault it arms
// names that scope, so scenarios running concurrently never meet each other's faults or holds. The scope derives
// from the seed and the case's label (title and attempt): it shows in reproduction headers, which must replay.

import { createHash } from 'node:crypto';
import type { FaultSpec } from '../contract/faults.ts';
import { SCOPE_HEADER } from '../contract/faults.ts';
import type { FixtureProvider } from '../contract/fixture-provider.ts';
import type { RequestSpec } from '../contract/request.ts';

export function newScope(fixtures: FixtureProvider, seed: number, label: string): string | undefined {
  if (fixtures.kind !== 'mock') return undefined;
  return createHash('sha256').update(`scope:${seed}:${label}`).digest('hex').slice(0, 32);
}

export function scopedRequest(spec: RequestSpec, scope: string | undefined): RequestSpec {
  return scope ? { ...spec, headers: { ...spec.headers, [SCOPE_HEADER]: scope } } : spec;
}

/** The same provider, with fault and hold calls bound to the scope. */
export function scopedFixtures(fixtures: FixtureProvider, scope: string | undefined): FixtureProvider {
  if (!scope) return fixtures;
  const bound: Partial<Record<keyof FixtureProvider, unknown>> = {
    armFault: (spec: FaultSpec) => fixtures.armFault({ ...spec, scope }),
    clearFaults: () => fixtures.clearFaults(scope),
    ...(fixtures.awaitHeld ? { awaitHeld: () => fixtures.awaitHeld?.(scope) } : {}),
    ...(fixtures.releaseHeld ? { releaseHeld: () => fixtures.releaseHeld?.(scope) } : {}),
  };
  return withMethods(fixtures, bound);
}

/** The provider with some methods replaced; every other one still runs on the provider itself. */
export function withMethods(
  fixtures: FixtureProvider,
  bound: Partial<Record<keyof FixtureProvider, unknown>>,
): FixtureProvider {
  return new Proxy(fixtures, {
    get(target, property, _receiver) {
      if (Object.hasOwn(bound, property)) return bound[property as keyof FixtureProvider];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
