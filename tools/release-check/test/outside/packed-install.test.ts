import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, packAll, repoRoot, run } from '../pack.js';

// Packs every published package, installs the tarballs with plain npm into a fresh project in the
// OS temp folder (no workspace, no pnpm links), and uses them there as a consumer would.
let project: string;
let stubProcess: ChildProcess | undefined;

const npm = (args: string[]) =>
  run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: project,
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'modelarts-lite-consumer-'));
  mkdirSync(join(project, 'tarballs'));
  const tarballs = await packAll(join(project, 'tarballs'));
  const pin = (pkg: string, from = repoRoot) =>
    JSON.parse(readFileSync(join(from, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'modelarts-lite-consumer',
      private: true,
      type: 'module',
      dependencies: Object.fromEntries(
        PUBLISHED.map((p) => [p.name, `file:${tarballs.get(p.name)}`]),
      ),
      // The same compilers and Node types as the workspace, from npm's cache when it has them:
      // TypeScript 5.9 (whose JavaScript API the workspace's tools use) and TypeScript 7, the native
      // compiler the workspace type-checks with. Consumers use either.
      devDependencies: {
        typescript: pin('typescript'),
        'typescript-7': `npm:typescript@${pin('typescript-7', join(repoRoot, 'tools', 'release-check'))}`,
        '@types/node': pin('@types/node'),
      },
    }),
  );
  cpSync(join(import.meta.dirname, 'consumer'), project, { recursive: true });
  await npm(['install']);
}, 600_000);

afterAll(() => {
  stubProcess?.kill();
  rmSync(project, { recursive: true, force: true });
});

const tsc = (args: string[], compiler: 'typescript' | 'typescript-7' = 'typescript') =>
  run(process.execPath, [join(project, 'node_modules', compiler, 'bin', 'tsc'), ...args], {
    cwd: project,
  });

/**
 * Writes bare.ts, the consumer's wrong calls without their @ts-expect-error directives, and a
 * tsconfig that checks it alone; returns that tsconfig's name.
 */
function bareConsumer(): string {
  const bare = readFileSync(join(project, 'shared.ts'), 'utf8').replaceAll(
    '// @ts-expect-error',
    '//',
  );
  writeFileSync(join(project, 'bare.ts'), bare);
  writeFileSync(
    join(project, 'tsconfig.bare.json'),
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { noEmit: true },
      files: ['bare.ts'],
    }),
  );
  return 'tsconfig.bare.json';
}

/** tsc's error codes in a failed run's output, one per error. */
async function errorsOf(check: Promise<unknown>): Promise<string[]> {
  const failure = await check.then(
    () => ({ stdout: '' }),
    (e: { stdout?: string }) => e,
  );
  return String(failure.stdout).match(/error TS\d+/g) ?? [];
}

describe('the published packages, installed with npm outside the workspace', () => {
  it('installed every package from its tarball, not from the workspace', () => {
    for (const { name } of PUBLISHED) {
      const manifest = JSON.parse(
        readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8'),
      );
      expect(manifest.name).toBe(name);
      expect(JSON.stringify(manifest)).not.toContain('workspace:');
    }
  });

  it('type-check a strict consumer, whose wrong calls fail to compile', async () => {
    // Every @ts-expect-error in shared.ts must meet an error, or tsc fails on it.
    await expect(tsc(['-p', '.'])).resolves.toBeDefined();
    // The same wrong calls without the directives are errors: the check can fail.
    expect(await errorsOf(tsc(['-p', bareConsumer()]))).toHaveLength(5);
  });

  it('type-check the same consumer with TypeScript 7, the same wrong calls failing', async () => {
    const version = await tsc(['--version'], 'typescript-7');
    expect(version.stdout).toMatch(/^Version 7\./);
    await expect(tsc(['-p', '.', '--noEmit'], 'typescript-7')).resolves.toBeDefined();
    expect(await errorsOf(tsc(['-p', bareConsumer()], 'typescript-7'))).toHaveLength(5);
  });

  it('runs the client and its poller against the stub in-process', async () => {
    const { stdout } = await run(process.execPath, ['out/in-process.js'], { cwd: project });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ final: 'success', failed: { code: 'ModelArts.7000' } });
    expect(new Set(result.seen)).toEqual(new Set(['pending', 'running', 'success']));
    expect(result.seen.at(-1)).toBe('success');
    expect(result.known).toContain('running');
  });

  it('runs the client and its poller against the stub started from the installed CLI', async () => {
    const operationId = 'packed-op-1';
    writeFileSync(
      join(project, 'state.json'),
      JSON.stringify([
        {
          serverId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
          operationId,
          type: 'node_attach_volume',
          // Long enough for the CLI and the consumer to start on a busy machine.
          createdAt: Date.now(),
          timeline: [
            { status: 'pending', at: 0 },
            { status: 'running', at: 2_000 },
            { status: 'success', at: 5_000 },
          ],
        },
      ]),
    );
    const bin = join(project, 'node_modules', '.bin', 'modelarts-stub');
    stubProcess = spawn(bin, ['--port', '0', '--state', 'state.json'], { cwd: project });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      stubProcess?.stdout?.on('data', (chunk) => {
        out += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) resolve(match[1] as string);
      });
      stubProcess?.on('exit', (code) => reject(new Error(`modelarts-stub exited ${code}: ${out}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { stdout } = await run(process.execPath, ['out/over-http.js', url, operationId], {
      cwd: project,
    });
    const result = JSON.parse(stdout);
    expect(result.final).toBe('success');
    // The poller saw the operation unfinished, then finished.
    expect(['pending', 'running']).toContain(result.seen[0]);
    expect(result.seen.at(-1)).toBe('success');
  });
});
