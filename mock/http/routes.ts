// Registers routes and remembers their patterns, so an unmatched request can be told apart as 404 or 405.

import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import { escapeRegExp } from '../../lib/regexp.ts';

export class RouteTable {
  private readonly patterns: { method: string; pattern: RegExp }[] = [];

  add(app: FastifyInstance, method: 'GET' | 'POST' | 'DELETE', url: string, handler: RouteHandlerMethod): void {
    app.route({ method, url, handler });
    const source = url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : escapeRegExp(part)));
    this.patterns.push({ method, pattern: new RegExp(`^${source.join('/')}/?$`, 'u') });
  }

  /** The methods some route accepts on this path; empty when no route has the path at all. */
  methodsFor(path: string): string[] {
    const methods = this.patterns.filter((r) => r.pattern.test(path)).map((r) => r.method);
    return [...new Set(methods)].sort();
  }
}
