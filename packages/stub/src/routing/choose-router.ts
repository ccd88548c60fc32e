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
 * Whether two paths put a literal segment and a parameter at the same place after the same
 * segments (`/dev-servers/{id}` beside `/dev-servers/hyperinstance/{id}`): Hono's RegExpRouter
 * rejects such a table (UnsupportedPathError), and the SmartRouter only finds out on the first
 * request, after building it in vain.
 */
export function literalBesideParameter(honoPaths: readonly string[]): boolean {
  interface Node {
    literals: Map<string, Node>;
    parameter?: Node;
  }
  const root: Node = { literals: new Map() };
  for (const path of honoPaths) {
    let node = root;
    for (const segment of path.split('/')) {
      if (segment.startsWith(':')) {
        node.parameter ??= { literals: new Map() };
        node = node.parameter;
      } else {
        let next = node.literals.get(segment);
        if (next === undefined) {
          next = { literals: new Map() };
          node.literals.set(segment, next);
        }
        node = next;
      }
    }
  }
  const clash = (node: Node): boolean =>
    (node.parameter !== undefined && node.literals.size > 0) ||
    [...node.literals.values()].some(clash) ||
    (node.parameter !== undefined && clash(node.parameter));
  return clash(root);
}

/**
 * The router for an app serving `honoPaths`: Hono's default for small tables RegExpRouter can
 * hold, TrieRouter for large ones and for those it cannot.
 *
 * @example
 * const app = new Hono({ router: chooseRouter(routes.operations.map((o) => o.honoPath)) });
 */
export function chooseRouter(honoPaths: readonly string[]): Router<[H, RouterRoute]> {
  return honoPaths.length >= LARGE_ROUTE_TABLE || literalBesideParameter(honoPaths)
    ? new TrieRouter()
    : new SmartRouter({ routers: [new RegExpRouter(), new TrieRouter()] });
}
