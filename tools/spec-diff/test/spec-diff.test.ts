import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { specDiff } from '../src/commands/spec-diff.js';
import { captureIo } from './cli-io.js';

const golden = join(import.meta.dirname, 'golden');
const pair = (name: string) => [
  '--base-file',
  join(golden, name, 'before.yaml'),
  '--head-file',
  join(golden, name, 'after.yaml'),
];

describe('spec:diff', () => {
  it('prints the report as JSON: the most severe level and every change', async () => {
    const io = captureIo(golden);
    const code = await specDiff([...pair('response-status-removed'), '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toEqual({
      level: 'breaking',
      changes: [
        {
          level: 'breaking',
          rule: 'response-status-removed',
          operationId: 'DeleteServer',
          location: 'DELETE /servers/{id} response 204',
          message: '204 removed',
        },
        {
          level: 'possibly-breaking',
          rule: 'response-status-added',
          operationId: 'DeleteServer',
          location: 'DELETE /servers/{id} response 200',
          message: 'new success status 200',
        },
      ],
    });
  });

  it.each([
    ['response-property-removed', 'breaking', 1],
    ['response-status-added', 'breaking', 0],
    ['response-status-added', 'possibly-breaking', 1],
    ['operation-added', 'possibly-breaking', 0],
    ['operation-added', 'compatible', 1],
    ['annotation-changed', 'compatible', 0],
    ['annotation-changed', 'annotation', 1],
    ['none', 'annotation', 0],
  ])('%s with --fail-on %s exits %i', async (name, level, expected) => {
    const io = captureIo(golden);
    expect(await specDiff([...pair(name), '--fail-on', level], io)).toBe(expected);
  });

  it('reads relative paths from the directory the command was typed in', async () => {
    const io = captureIo(join(golden, 'none'));
    const code = await specDiff(['--base-file', 'before.yaml', '--head-file', 'after.yaml'], io);
    expect(code).toBe(0);
    expect(io.out()).toBe('Spec changes: none\n');
  });

  it('prints text and Markdown', async () => {
    const text = captureIo(golden);
    await specDiff(pair('operation-added'), text);
    expect(text.out()).toContain('Spec changes: compatible (1 change)');
    expect(text.out()).toContain('COMPATIBLE  operation-added  ListServers');
    const md = captureIo(golden);
    await specDiff([...pair('operation-added'), '--format', 'markdown'], md);
    expect(md.out()).toContain('| compatible | operation-added | ListServers | GET /servers |');
  });

  it.each([
    [['--format', 'xml'], '--format must be one of'],
    [['--fail-on', 'none'], '--fail-on must be one of'],
    [['--fail-on', 'fatal'], '--fail-on must be one of'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--base-file', 'missing.yaml'], 'cannot read'],
    [['--base-file', 'package.json', '--head-file', 'package.json'], 'not an OpenAPI document'],
    [['--base', 'HEAD', '--base-file', 'x.yaml'], 'not both'],
  ])('rejects %j with exit 2 and a clear message', async (args, message) => {
    const io = captureIo(join(import.meta.dirname, '..'));
    expect(await specDiff(args, io)).toBe(2);
    expect(io.err()).toContain(message);
    expect(io.out()).toBe('');
  });

  describe('--base REV', () => {
    const repo = mkdtempSync(join(tmpdir(), 'spec-diff-git-'));
    afterAll(() => rmSync(repo, { recursive: true, force: true }));

    it('compares a git revision of spec/openapi.yaml with the working tree', async () => {
      const git = (...args: string[]) =>
        execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
          cwd: repo,
          stdio: 'ignore',
        });
      mkdirSync(join(repo, 'spec'));
      git('init', '-q');
      cpSync(join(golden, 'path-removed', 'before.yaml'), join(repo, 'spec', 'openapi.yaml'));
      git('add', '-A');
      git('commit', '-qm', 'base');
      cpSync(join(golden, 'path-removed', 'after.yaml'), join(repo, 'spec', 'openapi.yaml'));

      const io = captureIo(repo);
      expect(await specDiff(['--base', 'HEAD', '--format', 'json'], io, repo)).toBe(0);
      expect(JSON.parse(io.out()).changes.map((c: { rule: string }) => c.rule)).toEqual([
        'path-removed',
      ]);

      const bad = captureIo(repo);
      expect(await specDiff(['--base', 'no-such-rev'], bad, repo)).toBe(2);
      expect(bad.err()).toContain('--base no-such-rev');
    });
  });
});
