// verify against the stub, whatever the admin API's exposure: every operation of the spec (the
// starting POST with its JSON body and DELETE included) is sent, with a token and with AK/SK, and
// the stub answers all of it as the spec says.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../src/generated/routes.gen.js';
import { DEFAULT_ACCESS_KEY } from '../src/index.js';
import { type ServedStub, serve } from '../src/node.js';
import { verifyServer } from '../src/verify/verify-server.js';
import { killStarted, startCli } from './support/start-cli.js';

const ADMIN_TOKEN = 'verify-admin-secret';
const OPERATIONS = routeTable.operations.map((operation) => operation.operationId).sort();

const exposures = [
  { name: 'admin API open', options: {} },
  { name: 'admin API guarded (adminToken)', options: { adminToken: ADMIN_TOKEN } },
  { name: 'admin API off (admin: false)', options: { admin: false } },
] as const;

const credentials = [
  { name: 'a token', credentials: { token: 'verify-token' } },
  { name: 'AK/SK', credentials: { accessKey: DEFAULT_ACCESS_KEY } },
] as const;

describe.each(exposures)('verify --unsafe against the stub over HTTP, $name', ({ options }) => {
  let served: ServedStub;
  beforeAll(async () => {
    served = await serve({ port: 0, host: '127.0.0.1', ...options });
  });
  afterAll(() => served.close());

  it.each(credentials)(
    'finds no violation with $name and sends every operation',
    async ({ credentials }) => {
      const seen = new Set<string>();
      const report = await verifyServer({
        baseUrl: served.url,
        unsafe: true,
        ...credentials,
        onProgress: (event) => {
          if (event.status === 200) seen.add(event.case.split(':')[0] as string);
        },
      });
      expect(report.violations).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.skipped).toEqual([]);
      expect([...seen].sort()).toEqual(OPERATIONS);
      expect(OPERATIONS).toEqual(
        expect.arrayContaining([
          'AttachDevServerVolume',
          'DetachDevServerVolume',
          'GetHyperinstanceOperation',
        ]),
      );
      for (const check of [
        'status_code_conformance',
        'negative_data_rejection',
        'ignored_auth',
        'unsupported_method',
      ] as const) {
        expect(report.checks[check].passed).toBeGreaterThan(0);
      }
    },
  );
});

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

function runVerify(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [CLI, 'verify', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.resume();
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout })),
  );
}

describe('modelarts-stub verify --unsafe against the CLI stub', () => {
  afterEach(killStarted);
  it.each([
    ['--admin-token', ['--admin-token', ADMIN_TOKEN]],
    ['--no-admin', ['--no-admin']],
  ])('exits 0 with no violation when the stub runs with %s, token and AK/SK', async (_, flags) => {
    const stub = await startCli(flags);
    const withToken = await runVerify(['--base-url', stub.url, '--unsafe', '--token', 'cli-token']);
    expect(withToken.stdout).toContain('No violation.');
    expect(withToken.code).toBe(0);
    const withKey = await runVerify(['--base-url', stub.url, '--unsafe'], {
      MODELARTS_ACCESS_KEY: DEFAULT_ACCESS_KEY.accessKeyId,
      MODELARTS_SECRET_KEY: DEFAULT_ACCESS_KEY.secretAccessKey,
    });
    expect(withKey.stdout).toContain('No violation.');
    expect(withKey.stdout).not.toContain(DEFAULT_ACCESS_KEY.secretAccessKey);
    expect(withKey.code).toBe(0);
  });
});
