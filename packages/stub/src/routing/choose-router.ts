import type { Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';
import type { H, RouterRoute } from 'hono/types';

/**
 * From this many operations on, the stub routes with Hono's TrieRouter alone. Hono's default (a
 * SmartRouter trying RegExpRouter first) compiles every route into one regular expression: the
 * fastest match for a few routes, but its build and its match time grow with the route count (the
 * scale benchmark's 1,000 operations took over a second to build and tens of µs per match), while a
 * trie's match depends on the path's depth only.
 */
export const LARGE_ROUTE_TABLE = 64;

/**
 * The router for a route table of `operationCount` operations: Hono's default for small tables,
 * TrieRouter for large ones.
 *
 * @example
 * const app = new Hono({ router: chooseRouter(routes.operations.length) });
 */
export function chooseRouter(operationCount: number): Router<[H, RouterRoute]> {
  return operationCount >= LARGE_ROUTE_TABLE
    ? new TrieRouter()
    : new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });
}
