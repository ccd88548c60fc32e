import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../generated/routes.gen.js';
import { chooseRouter, LARGE_ROUTE_TABLE, literalBesideParameter } from './choose-router.js';

const paths = routeTable.operations.map((operation) => operation.honoPath);

/** Whether Hono's RegExpRouter accepts the paths (it throws when adding or first matching). */
function regExpRouterHolds(honoPaths: string[]): boolean {
  const router = new RegExpRouter<string>();
  try {
    for (const path of honoPaths) router.add('GET', path, path);
    router.match('GET', '/');
    return true;
  } catch {
    return false;
  }
}

describe('chooseRouter', () => {
  it('finds what RegExpRouter rejects in the spec’s own table, and agrees with it', () => {
    expect(literalBesideParameter(paths)).toBe(true);
    expect(regExpRouterHolds(paths)).toBe(false);
    expect(chooseRouter(paths)).toBeInstanceOf(TrieRouter);
  });

  it('keeps the SmartRouter for a small table RegExpRouter can hold', () => {
    const plain = ['/v1/:project_id/servers/:id', '/v1/:project_id/volumes'];
    expect(literalBesideParameter(plain)).toBe(false);
    expect(regExpRouterHolds(plain)).toBe(true);
    expect(chooseRouter(plain)).toBeInstanceOf(SmartRouter);
  });

  it('routes a large table with the trie', () => {
    const many = Array.from({ length: LARGE_ROUTE_TABLE }, (_, i) => `/v1/r${i}/:id`);
    expect(chooseRouter(many)).toBeInstanceOf(TrieRouter);
  });
});
