/**
 * Scalar's browser bundle (`@scalar/api-reference/browser/standalone.js`), read from node_modules on
 * first use.
 *
 * This module must stay importable on edge runtimes, where the rest of the stub app runs too: it
 * imports no `node:` module at its top level. The file system is reached only inside
 * {@link loadScalarScript}, through dynamic imports whose specifiers are held in variables so that
 * bundlers (esbuild, wrangler, Vite) do not try to resolve or polyfill them.
 */

/** Version of `@scalar/api-reference` in the stub's dependencies; the CDN fallback loads the same. */
export const SCALAR_VERSION = '1.46.4';

/** Where browsers get the bundle when this runtime cannot read it from node_modules. */
export const SCALAR_CDN_URL: string = `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`;

/** Package export of the self-contained browser build (Vue and all of Scalar in one script). */
const SCRIPT_SPECIFIER = '@scalar/api-reference/browser/standalone.js';

/** The bundle, ready to send. */
export interface ScalarScript {
  /** The script as is. */
  body: Uint8Array<ArrayBuffer>;
  /** The script gzipped once, or `undefined` where zlib is missing. */
  gzip: Uint8Array<ArrayBuffer> | undefined;
  /** Strong ETag from the package version, so browsers revalidate after an upgrade. */
  etag: string;
}

let cached: Promise<ScalarScript | undefined> | undefined;

/**
 * Reads Scalar's browser bundle once per process and keeps it in memory (3.5 MB, plus 1 MB gzipped).
 * Resolves to `undefined` where it cannot be read: not on Node (or Bun/Deno's Node layer), or
 * `@scalar/api-reference` not installed; the caller then points browsers at {@link SCALAR_CDN_URL}.
 *
 * @example
 * const script = await loadScalarScript();
 * if (script) return c.body(script.body, 200, { 'Content-Type': 'text/javascript' });
 */
export function loadScalarScript(): Promise<ScalarScript | undefined> {
  cached ??= readScript().catch((error: unknown) => {
    console.warn(
      `[modelarts-stub] /docs: cannot read ${SCRIPT_SPECIFIER} (${String(error)}); using ${SCALAR_CDN_URL}`,
    );
    return undefined;
  });
  return cached;
}

async function readScript(): Promise<ScalarScript | undefined> {
  if (!(globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) {
    return undefined;
  }
  const fs = await importBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  const url = await resolveScript();
  const [body, manifest] = await Promise.all([
    fs.readFile(url),
    // The package exports no `./package.json`; it sits two levels above `dist/browser/`.
    fs.readFile(new URL('../../package.json', url), 'utf8'),
  ]);
  const { version } = JSON.parse(manifest) as { version: string };
  return {
    body: new Uint8Array(body),
    gzip: await gzip(body),
    etag: `"scalar-api-reference-${version}"`,
  };
}

async function resolveScript(): Promise<URL> {
  // Synchronous and unflagged since Node 20.6; some bundlers and test runners leave it undefined.
  if (typeof import.meta.resolve === 'function') {
    try {
      return new URL(import.meta.resolve(SCRIPT_SPECIFIER));
    } catch {
      // Fall through to CommonJS resolution, which also honours the package's exports map.
    }
  }
  const { createRequire } = await importBuiltin<typeof import('node:module')>('node:module');
  const { pathToFileURL } = await importBuiltin<typeof import('node:url')>('node:url');
  return pathToFileURL(createRequire(import.meta.url).resolve(SCRIPT_SPECIFIER));
}

async function gzip(data: Uint8Array): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const zlib = await importBuiltin<typeof import('node:zlib')>('node:zlib');
    // Off the event loop (libuv pool), once per process.
    const out = await new Promise<Buffer>((resolve, reject) =>
      zlib.gzip(data, { level: 9 }, (error, result) => (error ? reject(error) : resolve(result))),
    );
    return new Uint8Array(out);
  } catch {
    return undefined;
  }
}

/** `import()` of a Node built-in that static analysis cannot see (see the module comment). */
function importBuiltin<T>(specifier: string): Promise<T> {
  return import(/* @vite-ignore */ specifier) as Promise<T>;
}
