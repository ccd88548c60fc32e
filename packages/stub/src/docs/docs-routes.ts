import { Hono, type MiddlewareHandler } from 'hono';
import { loadScalarScript, SCALAR_CDN_URL } from './scalar-asset.js';

/** Options of {@link docsRoutes}. */
export interface DocsRoutesOptions {
  /** URL path of the OpenAPI document the reference page loads, e.g. `/openapi.json`. */
  specUrl: string;
  /** Page title. */
  title?: string;
  /**
   * URL of Scalar's browser bundle. By default the page loads the bundle of the installed
   * `@scalar/api-reference` from these routes (`<page path>/scalar.js`), so it works with no network.
   */
  scriptUrl?: string;
  /**
   * List the stub itself (the page's origin) as the API's only server, so that the reference's
   * "Test Request" is answered by the stub instead of being sent to Huawei Cloud. Default `true`;
   * `false` shows the spec's regional servers.
   */
  tryAgainstStub?: boolean;
}

/** Headers of the served bundle: cacheable for a day, revalidated by its ETag after that. */
const SCRIPT_HEADERS = {
  'Content-Type': 'text/javascript; charset=utf-8',
  'Cache-Control': 'public, max-age=86400',
  Vary: 'Accept-Encoding',
} as const;

/**
 * Routes of the API reference page (`GET /docs` and its script `GET /docs/scalar.js`), mounted by the
 * stub app. The page is Scalar's API reference reading the spec from `specUrl`.
 *
 * Offline by design: Scalar's script is served from the installed `@scalar/api-reference` package
 * (read lazily on Node, see `scalar-asset.ts`), Scalar's web fonts and telemetry are switched off,
 * and so the page makes no request beyond its own origin. Where the package cannot be read (an edge
 * runtime without a file system), `/docs/scalar.js` redirects to the same version on a CDN.
 *
 * @example
 * app.route('/', docsRoutes({ specUrl: '/openapi.json' }));
 * // GET /docs           -> HTML page rendering the reference
 * // GET /docs/scalar.js -> Scalar's browser bundle (text/javascript, gzip when accepted)
 */
export function docsRoutes(options: DocsRoutesOptions): Hono {
  const app = new Hono();
  const tryAgainstStub = options.tryAgainstStub ?? true;

  // Scalar's page renderer is imported by the first visit of the page, not at the stub's start.
  let page: Promise<MiddlewareHandler> | undefined;
  app.get('/docs', async (c, next) => {
    page ??= import('@scalar/hono-api-reference').then(({ Scalar }) =>
      Scalar((c) => ({
        url: options.specUrl,
        pageTitle: escapeHtml(options.title ?? 'ModelArts Lite Server API reference (stub)'),
        // Relative to the page's own path, so the routes keep working when mounted under a prefix.
        cdn: options.scriptUrl ?? `${c.req.path.replace(/\/+$/, '')}/scalar.js`,
        // Each of these would make the page call scalar.com hosts: unreachable offline, and a docs
        // page of a local stub has no business phoning home.
        withDefaultFonts: false,
        telemetry: false,
        showDeveloperTools: 'never',
        agent: { disabled: true },
        ...(tryAgainstStub
          ? { servers: [{ url: new URL(c.req.url).origin, description: 'This stub' }] }
          : {}),
      })),
    );
    return (await page)(c, next);
  });

  app.get('/docs/scalar.js', async (c) => {
    const script = await loadScalarScript();
    // Not on Node, or the package is missing: the browser fetches the same version from the CDN.
    if (!script) return c.redirect(SCALAR_CDN_URL, 302);

    const headers = { ...SCRIPT_HEADERS, ETag: script.etag };
    if (c.req.header('If-None-Match') === script.etag) return c.body(null, 304, headers);
    // 3.5 MB raw, about a third gzipped: worth it for a browser on another machine.
    if (script.gzip && /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
      return c.body(script.gzip, 200, { ...headers, 'Content-Encoding': 'gzip' });
    }
    return c.body(script.body, 200, headers);
  });

  return app;
}

/** Scalar writes the page title into `<title>` as is. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}
