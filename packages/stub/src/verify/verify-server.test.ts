import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Defect, startBrokenServer } from '../../test/support/broken-server.js';
import { DEFAULT_ACCESS_KEY } from '../auth/default-access-key.js';
import { serve } from '../node.js';
import { verifyServer } from './verify-server.js';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const SECRET = 'verify-test-secret-token';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function broken(defect: Defect) {
  const server = await startBrokenServer(defect);
  closers.push(server.close);
  return server;
}

function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, 'verify', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('verifyServer against the stub over HTTP', () => {
  it.each([
    ['a token', { token: SECRET }],
    ['AK/SK signing', { accessKey: DEFAULT_ACCESS_KEY }],
  ])('finds no violation with %s', async (_, credentials) => {
    const served = await serve({ port: 0 });
    closers.push(served.close);
    const report = await verifyServer({ baseUrl: served.url, ...credentials });
    expect(report.violations).toEqual([]);
    expect(report.ok).toBe(true);
    for (const check of [
      'status_code_conformance',
      'negative_data_rejection',
      'ignored_auth',
      'unsupported_method',
      'unknown_route',
      'server_error',
    ] as const) {
      expect(report.checks[check].passed, check).toBeGreaterThan(0);
    }
  });

  it('exits 0 from the CLI and writes a JSON report without the token', async () => {
    const served = await serve({ port: 0 });
    closers.push(served.close);
    const dir = await mkdtemp(join(tmpdir(), 'verify-'));
    const result = await runCli(
      [
        '--base-url',
        served.url,
        '--report',
        'json',
        join(dir, 'r.json'),
        '--report',
        'junit',
        join(dir, 'r.xml'),
      ],
      { MODELARTS_TOKEN: SECRET },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/status_code_conformance\s+\d+\s+0/);
    const json = await readFile(join(dir, 'r.json'), 'utf8');
    expect(JSON.parse(json).ok).toBe(true);
    expect(await readFile(join(dir, 'r.xml'), 'utf8')).toContain(
      '<testsuites name="modelarts-stub verify"',
    );
    expect(json + result.stdout + result.stderr).not.toContain(SECRET);
  });
});

describe('verifyServer against a deliberately broken server', () => {
  it('finds nothing when the look-alike has no defect', async () => {
    const server = await broken('none');
    const report = await verifyServer({ baseUrl: server.url, token: SECRET });
    expect(report.violations).toEqual([]);
  });

  it.each([
    ['off-spec-body', 'response_schema_conformance'],
    ['undocumented-status', 'status_code_conformance'],
    ['accepts-invalid-ids', 'negative_data_rejection'],
    ['ignores-missing-credentials', 'ignored_auth'],
    ['unknown-route-5xx', 'server_error'],
    ['unknown-route-5xx', 'unknown_route'],
    ['no-request-id', 'response_headers_conformance'],
    ['wrong-content-type', 'content_type_conformance'],
    ['answers-head', 'unsupported_method'],
  ] as const)('names a server that %s: %s', async (defect, check) => {
    const server = await broken(defect);
    const report = await verifyServer({ baseUrl: server.url, token: SECRET });
    const found = report.violations.filter((v) => v.check === check);
    expect(found.length).toBeGreaterThan(0);
    expect(report.checks[check].failed).toBe(found.length);
    expect(report.ok).toBe(false);
    const violation = found[0];
    expect(violation?.curl).toMatch(/^curl -i /);
    expect(violation?.expected).not.toBe('');
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  it('reports the request, the answer and a redacted curl line', async () => {
    const server = await broken('accepts-invalid-ids');
    const report = await verifyServer({ baseUrl: server.url, token: SECRET });
    const violation = report.violations.find((v) =>
      v.case.includes("path parameter 'id' breaks pattern"),
    );
    expect(violation).toMatchObject({
      check: 'negative_data_rejection',
      operationId: 'ShowServerOperation',
      request: { method: 'GET', headers: { 'x-auth-token': '[REDACTED]' } },
      response: { status: 200 },
    });
    expect(violation?.curl).toContain("-H 'x-auth-token: [REDACTED]'");
    expect(violation?.curl).toContain(violation?.request.url);
  });

  it('signs every request with AK/SK and sends only GET and HEAD unless unsafe', async () => {
    const server = await broken('none');
    await verifyServer({ baseUrl: server.url, accessKey: DEFAULT_ACCESS_KEY });
    const valid = server.seen.filter((r) =>
      String(r.headers.authorization).includes(`Access=${DEFAULT_ACCESS_KEY.accessKeyId}`),
    );
    expect(valid.length).toBeGreaterThan(0);
    expect(valid.every((r) => typeof r.headers['x-sdk-date'] === 'string')).toBe(true);
    expect(new Set(server.seen.map((r) => r.method))).toEqual(new Set(['GET', 'HEAD']));
  });

  it('probes undeclared POST/PUT/PATCH/DELETE only with unsafe', async () => {
    const server = await broken('none');
    const report = await verifyServer({ baseUrl: server.url, token: SECRET, unsafe: true });
    expect(report.ok).toBe(true);
    expect(new Set(server.seen.map((r) => r.method))).toEqual(
      new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']),
    );
  });

  it('uses real ids given as parameters', async () => {
    const server = await broken('none');
    const id = '11111111-2222-4333-8444-555555555555';
    await verifyServer({
      baseUrl: server.url,
      token: SECRET,
      projectId: 'my-project',
      params: { id, operation_id: 'op-1' },
    });
    expect(server.seen[0]?.url).toBe(`/v1/my-project/dev-servers/${id}/operation/op-1`);
  });

  it('honours 429 with Retry-After and retries', async () => {
    const server = await broken('throttles-first-request');
    const report = await verifyServer({ baseUrl: server.url, token: SECRET });
    expect(report.ok).toBe(true);
    expect(server.seen[0]?.url).toBe(server.seen[1]?.url);
    expect(report.requests).toBe(server.seen.length);
  });

  it('stops at maxRequests and lists what it skipped', async () => {
    const server = await broken('none');
    const report = await verifyServer({ baseUrl: server.url, token: SECRET, maxRequests: 3 });
    expect(server.seen).toHaveLength(3);
    expect(report.skipped.some((s) => s.reason.includes('--max-requests 3'))).toBe(true);
  });

  it('exits 1 on a violation and 2 on a usage or connection error', async () => {
    const server = await broken('off-spec-body');
    const failing = await runCli(['--base-url', server.url, '--token', SECRET]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('response_schema_conformance');
    expect(failing.stdout).toContain('curl -i');
    expect(failing.stdout + failing.stderr).not.toContain(SECRET);
    const closed = await broken('none');
    await closed.close();
    expect((await runCli(['--base-url', closed.url, '--token', SECRET])).code).toBe(2);
    expect((await runCli(['--token', SECRET])).code).toBe(2);
    expect((await runCli(['--base-url', server.url, '--report', 'xml', 'f'])).code).toBe(2);
  });

  it('reads a config file, --param winning over it, and AK/SK from the environment', async () => {
    const server = await broken('none');
    const dir = await mkdtemp(join(tmpdir(), 'verify-'));
    const config = join(dir, 'verify.json');
    await writeFile(
      config,
      JSON.stringify({
        baseUrl: server.url,
        projectId: 'from-config',
        params: { operation_id: 'op-config', id: '11111111-2222-4333-8444-555555555555' },
        maxRequests: 1,
      }),
    );
    const result = await runCli(['--config', config, '--param', 'operation_id=op-flag'], {
      MODELARTS_ACCESS_KEY: DEFAULT_ACCESS_KEY.accessKeyId,
      MODELARTS_SECRET_KEY: DEFAULT_ACCESS_KEY.secretAccessKey,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.url).toBe(
      '/v1/from-config/dev-servers/11111111-2222-4333-8444-555555555555/operation/op-flag',
    );
    expect(String(server.seen[0]?.headers.authorization)).toContain(
      `Access=${DEFAULT_ACCESS_KEY.accessKeyId}`,
    );
    expect(result.stdout + result.stderr).not.toContain(DEFAULT_ACCESS_KEY.secretAccessKey);
  });
});
