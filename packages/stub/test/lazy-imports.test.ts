// Start-up cost: the modules only some requests need are imported by the first such request, not
// when the stub starts. A resolve hook in a child process reports every import of them.
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const HOOK = pathToFileURL(
  fileURLToPath(new URL('./support/report-lazy-imports.mjs', import.meta.url)),
).href;
const SCRIPT = fileURLToPath(new URL('./support/lazy-imports-script.mjs', import.meta.url));
const REGISTER = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(HOOK)});`;

/** The stderr lines of a stub that answered `requests` in order. */
function run(...requests: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', REGISTER, SCRIPT, ...requests], (error, _out, err) =>
      error ? reject(error) : resolve(err.trim().split('\n')),
    );
  });
}

// The hook runs on the loader's own thread, so its lines may come before or after the request's:
// each case runs in a process of its own and the lines are compared sorted.
describe('modules loaded on first use', () => {
  it('answers token requests without importing any of them', async () => {
    expect(await run('token', 'token')).toEqual(['token 200', 'token 200']);
  });

  it.each([
    ['dynamic', 200, 'json-schema-faker'],
    ['docs', 200, '@scalar/hono-api-reference'],
    ['openapi', 200, 'openapi.gen'],
    ['signed', 401, '@modelarts-lite/signer'],
  ])(
    'imports what a %s request needs with the first one, once',
    async (request, status, module) => {
      const lines = await run(request, request);
      expect(lines.sort()).toEqual(
        [`${request} ${status}`, `${request} ${status}`, `imported ${module}`].sort(),
      );
    },
  );
});
