import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStub } from './create-stub.js';
import { serve } from './node.js';
import { coverageGate } from './vitest.js';

const PATH = '/v1/p/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/o';
const FIXTURE = fileURLToPath(new URL('../test/fixtures/coverage-gate/', import.meta.url));
const VITEST = join(
  dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

function runFixture(thresholds: object) {
  const child = spawn(process.execPath, [VITEST, 'run', '--root', FIXTURE], {
    env: { ...process.env, COVERAGE_GATE: JSON.stringify(thresholds), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

describe('coverageGate', () => {
  it('prints the table and passes at or above the thresholds', async () => {
    const stub = createStub();
    await stub.fetch(PATH, { headers: { 'x-auth-token': 't' } });
    const printed: string[] = [];
    const total = stub.routes.operations.length;
    const percent = Math.round(1000 / total) / 10;
    await coverageGate(stub, { operations: percent, print: (t) => printed.push(t) })();
    expect(printed[0]).toMatch(/GET ShowServerOperation\s+1\s+1\/7/);
    expect(printed[0]).toContain(`operations covered: 1/${total} (${percent}%)`);
  });

  it('throws naming every total below its threshold, reading coverage over HTTP', async () => {
    const served = await serve({ port: 0 });
    try {
      const gate = coverageGate(served.url, { operations: 100, statuses: 50, print: () => {} });
      await expect(gate()).rejects.toThrow('operations: 0% < 100%, statuses: 0% < 50%');
    } finally {
      await served.close();
    }
  });

  it('fails a Vitest run below the thresholds and passes it above', async () => {
    const [failing, passing] = await Promise.all([
      runFixture({ operations: 100, statuses: 90 }),
      runFixture({ operations: 1 }),
    ]);
    expect(failing.code).not.toBe(0);
    expect(failing.output).toMatch(
      /Contract coverage below thresholds: operations: [\d.]+% < 100%, statuses: [\d.]+% < 90%/,
    );
    expect(failing.output).toContain('GET ShowServerOperation');
    expect(passing.code, passing.output).toBe(0);
    expect(passing.output).toMatch(/operations covered: 1\/\d+ \(/);
  }, 60_000);
});
