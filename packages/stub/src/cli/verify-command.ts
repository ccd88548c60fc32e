import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatReport } from '../verify/format-report.js';
import { junitReport } from '../verify/junit-report.js';
import {
  VerifyConnectionError,
  type VerifyOptions,
  type VerifyProgress,
  verifyServer,
} from '../verify/verify-server.js';
import { accessKeyFlag, integerFlag, UsageError } from './usage-error.js';

const USAGE = `Usage: modelarts-stub verify --base-url URL [options]

Verifies a server (the real API, another implementation, a stub) against the spec.

Options:
  --base-url <url>        the server to verify (required)
  --token <token>         IAM token sent as X-Auth-Token (or env MODELARTS_TOKEN)
  --access-key <AK:SK>    sign every request with AK/SK (or env MODELARTS_ACCESS_KEY + MODELARTS_SECRET_KEY)
  --project-id <id>       the project_id path parameter
  --param <NAME=VALUE>    a real parameter value, e.g. --param id=<server id> (repeatable)
  --config <file>         JSON: { baseUrl, projectId, params, seed, unsafe, maxRequests, rate, timeout }
  --seed <n>              seed of generated values (default 1)
  --unsafe                also send operations other than GET/HEAD
  --max-requests <n>      at most n requests (default 200)
  --rate <n>              requests per second (default: unlimited on loopback, 2 elsewhere)
  --timeout <ms>          timeout of each request (default 10000)
  --report json <file>    write the report as JSON (repeatable with junit)
  --report junit <file>   write the report as JUnit XML
  --help                  print this help

Exit code: 0 no violation, 1 a violation, 2 a usage or connection error.
`;

const OPTIONS = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
  'access-key': { type: 'string' },
  'project-id': { type: 'string' },
  param: { type: 'string', multiple: true },
  config: { type: 'string' },
  seed: { type: 'string' },
  unsafe: { type: 'boolean' },
  'max-requests': { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean' },
} as const;

interface ConfigFile {
  baseUrl?: string;
  projectId?: string;
  params?: Record<string, string>;
  seed?: number;
  unsafe?: boolean;
  maxRequests?: number;
  rate?: number;
  timeout?: number;
}

/** `--report FORMAT FILE` takes two values, which parseArgs cannot express: taken out first. */
function extractReports(argv: string[]): { rest: string[]; reports: [string, string][] } {
  const rest: string[] = [];
  const reports: [string, string][] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg !== '--report') {
      rest.push(arg);
      continue;
    }
    const format = argv[index + 1];
    const file = argv[index + 2];
    if ((format !== 'json' && format !== 'junit') || file === undefined || file.startsWith('--')) {
      throw new UsageError('--report must be followed by json or junit and a file');
    }
    reports.push([format, file]);
    index += 2;
  }
  return { rest, reports };
}

async function configFile(path: string): Promise<ConfigFile> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new Error('expected a JSON object');
    }
    return parsed as ConfigFile;
  } catch (error) {
    throw new UsageError(`--config ${path}: ${(error as Error).message}`);
  }
}

function params(values: string[] | undefined, fromConfig: Record<string, string> = {}) {
  const out: Record<string, string> = { ...fromConfig };
  for (const value of values ?? []) {
    const index = value.indexOf('=');
    if (index <= 0) throw new UsageError(`--param must be NAME=VALUE, got "${value}"`);
    out[value.slice(0, index)] = value.slice(index + 1);
  }
  return out;
}

function credentials(values: {
  token?: string;
  'access-key'?: string;
}): Pick<VerifyOptions, 'token' | 'accessKey'> {
  if (values.token !== undefined) return { token: values.token };
  if (values['access-key'] !== undefined) return { accessKey: accessKeyFlag(values['access-key']) };
  const env = process.env;
  if (env.MODELARTS_TOKEN) return { token: env.MODELARTS_TOKEN };
  if (env.MODELARTS_ACCESS_KEY && env.MODELARTS_SECRET_KEY) {
    return {
      accessKey: {
        accessKeyId: env.MODELARTS_ACCESS_KEY,
        secretAccessKey: env.MODELARTS_SECRET_KEY,
        ...(env.MODELARTS_SECURITY_TOKEN ? { securityToken: env.MODELARTS_SECURITY_TOKEN } : {}),
      },
    };
  }
  return {};
}

function progressPrinter(): ((event: VerifyProgress) => void) & { end(): void } {
  const stream = process.stderr;
  if (stream.isTTY) {
    const width = 30;
    const print = (event: VerifyProgress) => {
      const filled = Math.round((event.done / event.total) * width);
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
      const line = `[${bar}] ${event.done}/${event.total} ${event.method} ${event.path}`;
      stream.write(
        `\r${line.slice(0, (stream.columns ?? 100) - 1).padEnd((stream.columns ?? 100) - 1)}`,
      );
    };
    return Object.assign(print, { end: () => stream.write('\r\x1b[K') });
  }
  const print = (event: VerifyProgress) => {
    const verdict = event.failed.length === 0 ? 'ok' : `FAILED ${event.failed.join(', ')}`;
    stream.write(
      `[${event.done}/${event.total}] ${event.case}: ${event.method} -> ${event.status} ${verdict}\n`,
    );
  };
  return Object.assign(print, { end: () => {} });
}

/**
 * `modelarts-stub verify`: parses flags, environment and config file, runs {@link verifyServer},
 * prints the report and writes the requested files. Resolves to the exit code.
 *
 * @example
 * process.exitCode = await run(['--base-url', 'http://127.0.0.1:4010', '--token', 't']);
 */
export async function run(argv: string[]): Promise<number> {
  const { rest, reports } = extractReports(argv);
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: OPTIONS,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = values.config === undefined ? {} : await configFile(values.config);
  const baseUrl = values['base-url'] ?? config.baseUrl;
  if (baseUrl === undefined) throw new UsageError('--base-url is required');
  if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol)) {
    throw new UsageError(`--base-url must be an http(s) URL, got "${baseUrl}"`);
  }
  const projectId = values['project-id'] ?? config.projectId;
  const options: VerifyOptions = {
    baseUrl,
    ...credentials(values),
    ...(projectId === undefined ? {} : { projectId }),
    params: params(values.param, config.params),
    seed:
      values.seed === undefined
        ? (config.seed ?? 1)
        : integerFlag(values.seed, '--seed', 0, 2 ** 32 - 1),
    unsafe: values.unsafe ?? config.unsafe ?? false,
    maxRequests:
      values['max-requests'] === undefined
        ? (config.maxRequests ?? 200)
        : integerFlag(values['max-requests'], '--max-requests', 1, 1_000_000),
    ...(values.rate !== undefined
      ? { rate: integerFlag(values.rate, '--rate', 1, 100_000) }
      : config.rate !== undefined
        ? { rate: config.rate }
        : {}),
    timeoutMs:
      values.timeout === undefined
        ? (config.timeout ?? 10_000)
        : integerFlag(values.timeout, '--timeout', 1, 3_600_000),
  };
  if (options.token === undefined && options.accessKey === undefined) {
    process.stderr.write(
      'modelarts-stub verify: no credentials (--token, --access-key, MODELARTS_TOKEN…): expect 401s\n',
    );
  }
  const progress = progressPrinter();
  let report: Awaited<ReturnType<typeof verifyServer>>;
  try {
    report = await verifyServer({ ...options, onProgress: progress });
  } catch (error) {
    progress.end();
    if (error instanceof VerifyConnectionError) {
      process.stderr.write(`modelarts-stub verify: cannot reach the server: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.end();
  process.stdout.write(formatReport(report));
  for (const [format, file] of reports) {
    await writeFile(
      file,
      format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : junitReport(report),
    );
  }
  return report.ok ? 0 : 1;
}
