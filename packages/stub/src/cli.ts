#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exposureNotice } from './cli/exposure-notice.js';
import { exitOnSignals } from './cli/shutdown.js';
import { runSubcommand } from './cli/subcommands.js';
import { accessKeyFlag, integerFlag, UsageError } from './cli/usage-error.js';
import type { LatencyOption } from './faults/latency.js';
import { lifecycleFromFlags } from './lifecycle-flags.js';
import { serve } from './node.js';
import type { InitialState } from './state/initial-state.js';

const USAGE = `Usage: modelarts-stub [options]

Contract-testing stub of the Huawei Cloud ModelArts Lite Server API.

Options:
  --port <n>             port to listen on (default 4010; 0 picks a free one)
  --host <host>          interface to listen on (default 127.0.0.1)
  --seed <n>             seed of latency, faults and Prefer: dynamic=true data (default 1)
  --latency <ms|min-max> latency added to API requests, e.g. 200 or 100-300
  --token <token>        accepted X-Auth-Token (repeatable; default: any non-empty token)
  --access-key <AK:SK>   accepted AK/SK pair (repeatable; default: Huawei's public example pair)
  --state <file>         JSON file of state to preload: [operations...] or
                         { "servers", "hyperinstances", "volumes", "operations", "lifecycle" }
  --running-after <ms>   started operations run after this long (default from the spec: 1000)
  --finished-after <ms>  and end after this long (default from the spec: 5000)
  --outcome <o>          how started operations end: success (default) or failed
  --operation-error <CODE[:MESSAGE]>  operation_error of failed operations
  --cors <true|false>    answer CORS preflights and add CORS headers (default true)
  --log                  print one line per request
  --no-admin             do not serve the admin API (/__stub/* answers 404)
  --admin-token <token>  require this token on admin requests (X-Stub-Admin-Token or
                         Authorization: Bearer); off 127.0.0.1 one is generated and printed once
  --shutdown-timeout <ms>  on SIGINT/SIGTERM, time given to requests in flight (default 10000)
  --headers-timeout <ms> time a client has to send a request's headers (default 10000)
  --request-timeout <ms> time a client has to send a whole request (default 30000)
  --help                 print this help
  --version              print the version
`;

function latency(value: string): LatencyOption {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) throw new UsageError(`--latency must be <ms> or <min>-<max>, got "${value}"`);
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (max < min) throw new UsageError(`--latency ${value}: min is larger than max`);
  return match[2] === undefined ? min : { min, max };
}

function accessKeys(values: string[]): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const value of values) {
    const { accessKeyId, secretAccessKey } = accessKeyFlag(value);
    keys[accessKeyId] = secretAccessKey;
  }
  return keys;
}

async function stateFile(path: string): Promise<InitialState> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--state ${path}: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return { operations: parsed };
  if (parsed === null || typeof parsed !== 'object') {
    throw new UsageError(
      `--state ${path}: expected an array of operations or { "operations": [...], "servers": [...], ... }`,
    );
  }
  return parsed as InitialState;
}

async function version(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
  return String(manifest.version);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  latency: { type: 'string' },
  token: { type: 'string', multiple: true },
  'access-key': { type: 'string', multiple: true },
  state: { type: 'string' },
  'running-after': { type: 'string' },
  'finished-after': { type: 'string' },
  outcome: { type: 'string' },
  'operation-error': { type: 'string' },
  cors: { type: 'string' },
  log: { type: 'boolean' },
  'no-admin': { type: 'boolean' },
  'admin-token': { type: 'string' },
  'shutdown-timeout': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  help: { type: 'boolean' },
  version: { type: 'boolean' },
} as const;

function parseFlags(argv: string[]) {
  try {
    return parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS })
      .values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(argv: string[]): Promise<void> {
  const values = parseFlags(argv);
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (values.version) {
    process.stdout.write(`${await version()}\n`);
    return;
  }
  const port = values.port === undefined ? 4010 : integerFlag(values.port, '--port', 0, 65535);
  const host = values.host ?? '127.0.0.1';
  const state = values.state === undefined ? undefined : await stateFile(values.state);
  let lifecycle: ReturnType<typeof lifecycleFromFlags>;
  try {
    lifecycle = lifecycleFromFlags(values);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const options = {
    port,
    host,
    seed: values.seed === undefined ? 1 : integerFlag(values.seed, '--seed', 0, 2 ** 32 - 1),
    ...(values.latency === undefined ? {} : { latency: latency(values.latency) }),
    ...(values.token === undefined ? {} : { tokens: values.token }),
    ...(values['access-key'] === undefined ? {} : { accessKeys: accessKeys(values['access-key']) }),
    log: values.log === true,
    ...hardeningOptions(values),
  };

  const graceMs = shutdownTimeout(values);
  let served: Awaited<ReturnType<typeof serve>>;
  try {
    served = await serve({ ...options, ...lifecycle, ...(state === undefined ? {} : { state }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      process.stderr.write(`modelarts-stub: port ${port} on ${host} is already in use\n`);
      process.exit(1);
    }
    if (error instanceof RangeError) throw new UsageError(error.message);
    if ((error as Error).name === 'StubStateError') {
      const source = values.state === undefined ? 'lifecycle flags' : `--state ${values.state}`;
      throw new UsageError(`${source}: ${(error as Error).message}`);
    }
    throw error;
  }
  process.stdout.write(`modelarts-stub listening on ${served.url}\n`);
  const exposure = {
    adminOff: options.admin === false,
    tokenGiven: options.adminToken !== undefined,
  };
  for (const line of exposureNotice(served, host, exposure)) process.stderr.write(`${line}\n`);
  exitOnSignals(served, graceMs);
}

/** The flags of least exposure and slow-client timeouts, as serve() options. */
function hardeningOptions(values: ReturnType<typeof parseFlags>) {
  const timeouts = {
    ...(values['headers-timeout'] === undefined
      ? {}
      : { headersMs: integerFlag(values['headers-timeout'], '--headers-timeout', 1, 3_600_000) }),
    ...(values['request-timeout'] === undefined
      ? {}
      : { requestMs: integerFlag(values['request-timeout'], '--request-timeout', 1, 3_600_000) }),
  };
  if (values['admin-token'] !== undefined && values['admin-token'].trim() === '') {
    throw new UsageError('--admin-token must not be empty');
  }
  if (values['admin-token'] !== undefined && values['no-admin']) {
    throw new UsageError('--admin-token and --no-admin exclude each other');
  }
  return {
    timeouts,
    ...(values['no-admin'] ? { admin: false } : {}),
    ...(values['admin-token'] === undefined ? {} : { adminToken: values['admin-token'] }),
  };
}

function shutdownTimeout(values: ReturnType<typeof parseFlags>): number {
  const value = values['shutdown-timeout'];
  return value === undefined ? 10_000 : integerFlag(value, '--shutdown-timeout', 0, 3_600_000);
}

const argv = process.argv.slice(2);
(runSubcommand(argv) ?? main(argv)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(
      `modelarts-stub: ${error.message}\nRun modelarts-stub --help for usage.\n`,
    );
    process.exit(2);
  }
  process.stderr.write(`modelarts-stub: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
