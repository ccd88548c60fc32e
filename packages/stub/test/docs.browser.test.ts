import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALAR_VERSION } from '../src/docs/scalar-asset.js';
import { createStub } from '../src/index.js';

// The /docs page in a real browser: Scalar's script must come from the stub itself and render the
// spec's operation with no network at all (this machine and CI have none).

/** Debian's Chromium (`apt-get install chromium`); preferred when present, as the probe's browser. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Chromium for the test: `$CHROMIUM_PATH`, else Debian's, else the one shipped inside the
 * `@sparticuz/chromium` devDependency (unpacked to the temp dir on first use), so that
 * `pnpm install` alone provides a browser.
 */
async function findChromium(): Promise<string> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  try {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    return await sparticuz.executablePath();
  } catch (error) {
    // Fail, never skip: a skipped browser test would let a broken /docs page pass CI unnoticed.
    throw new Error(
      `No Chromium for the /docs browser test: ${SYSTEM_CHROMIUM} is missing and @sparticuz/chromium ` +
        `could not be unpacked (${String(error)}). Run \`pnpm install\`, or \`apt-get install -y ` +
        'chromium`, or set CHROMIUM_PATH.',
    );
  }
}

describe('GET /docs in headless Chromium', () => {
  let server: ServerType;
  let origin: string;
  let context: BrowserContext;
  let profileDir: string;

  beforeAll(async () => {
    // The real app, so that the test covers how the core mounts the docs and serves the spec.
    const { app } = createStub();
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    origin = `http://127.0.0.1:${port}`;

    const executablePath = await findChromium();
    profileDir = await mkdtemp(join(tmpdir(), 'stub-docs-chromium-'));
    // A persistent context is how Playwright takes a given --user-data-dir: a fresh one per run.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      // The flags Chromium needs on this closed network: without the background-networking ones it
      // keeps trying Google's hosts at start-up.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('renders the operation from local assets only', async () => {
    const outside: string[] = [];
    const local: { url: string; status: number; type: string | undefined }[] = [];
    // Every request the page makes goes through here: anything beyond the stub is aborted and
    // recorded, so a CDN script or a web font would fail the test instead of hanging offline.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:') {
        return route.continue();
      }
      outside.push(url.href);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('response', (response) =>
      local.push({
        url: response.url(),
        status: response.status(),
        type: response.headers()['content-type'],
      }),
    );

    const response = await page.goto(`${origin}/docs`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);

    // Scalar renders the sidebar first and the operation's section a moment later; the path is split
    // over several elements (one per parameter), hence the comparison without white space.
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the point; textContent would also read hidden nodes and the inline script.
    const flatText = async () => (await page.locator('body').innerText()).replace(/\s+/g, '');
    await expect
      .poll(flatText, { timeout: 30_000 })
      .toContain('/v1/{project_id}/dev-servers/{id}/operation/{operation_id}');
    expect(await page.getByText('Obtain operation details').count()).toBeGreaterThan(0);
    expect(await flatText()).toContain('ModelArtsLiteServerAPI');

    const script = local.find((r) => new URL(r.url).pathname === '/docs/scalar.js');
    expect(script).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(local.find((r) => new URL(r.url).pathname === '/openapi.json')?.status).toBe(200);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 90_000);

  it('serves the script gzipped with cache headers, and 304 on a matching ETag', async () => {
    const plain = await fetch(`${origin}/docs/scalar.js`, {
      headers: { 'Accept-Encoding': 'identity' },
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const etag = plain.headers.get('etag');
    expect(etag).toMatch(/^"scalar-api-reference-\d+\.\d+\.\d+"$/);
    const body = await plain.text();
    expect(body.length).toBeGreaterThan(1_000_000);

    // fetch() inflates transparently; the header tells that the wire carried gzip.
    const zipped = await fetch(`${origin}/docs/scalar.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(await zipped.text()).toBe(body);

    const revalidated = await fetch(`${origin}/docs/scalar.js`, {
      headers: { 'If-None-Match': etag ?? '' },
    });
    expect(revalidated.status).toBe(304);
  });
});

describe('Scalar bundle version', () => {
  it('is the installed @scalar/api-reference, so the CDN fallback loads the same script', () => {
    // The package exports no ./package.json; it sits two levels above the standalone bundle.
    const bundle = createRequire(import.meta.url).resolve(
      '@scalar/api-reference/browser/standalone.js',
    );
    const manifest = JSON.parse(readFileSync(join(dirname(bundle), '../../package.json'), 'utf8'));
    expect(SCALAR_VERSION).toBe(manifest.version);
  });
});
