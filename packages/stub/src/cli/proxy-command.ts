import { parseArgs } from 'node:util';
import { serveProxy } from '../proxy/serve-proxy.js';
import { accessKeyFlag, integerFlag, UsageError } from './usage-error.js';

const USAGE = `Usage: modelarts-stub proxy --upstream URL [options]

Forwards every request to the upstream and validates request and response against the spec.
Violations are listed in an X-Contract-Violations response header and logged to stderr.

Options:
  --upstream <url>        the server to forward to (required)
  --port <n>              port to listen on (default 4010; 0 picks a free one)
  --host <host>           interface to listen on (default 127.0.0.1)
  --errors                answer a violating request with the API's 400 (not forwarded) and a
                          violating upstream response with a 502
  --access-key <AK:SK>    re-sign AK/SK requests for the upstream with this pair (or env
                          MODELARTS_ACCESS_KEY + MODELARTS_SECRET_KEY); incoming signatures made
                          with it are accepted
  --client-key <AK:SK>    another pair incoming signatures may be made with (repeatable)
  --log                   print one line per request
  --help                  print this help
`;

const OPTIONS = {
  upstream: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  errors: { type: 'boolean' },
  'access-key': { type: 'string' },
  'client-key': { type: 'string', multiple: true },
  log: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function resigningKey(flag: string | undefined) {
  if (flag !== undefined) return accessKeyFlag(flag);
  const { MODELARTS_ACCESS_KEY: accessKeyId, MODELARTS_SECRET_KEY: secretAccessKey } = process.env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
}

/**
 * `modelarts-stub proxy`: serves the validating proxy until SIGINT or SIGTERM. Resolves to the
 * exit code once stopped.
 *
 * @example
 * process.exitCode = await run(['--upstream', 'https://modelarts.cn-north-4.myhuaweicloud.com']);
 */
export async function run(argv: string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({
      args: argv,
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
  const upstream = values.upstream;
  if (upstream === undefined) throw new UsageError('--upstream is required');
  if (!URL.canParse(upstream) || !/^https?:$/.test(new URL(upstream).protocol)) {
    throw new UsageError(`--upstream must be an http(s) URL, got "${upstream}"`);
  }
  const port = values.port === undefined ? 4010 : integerFlag(values.port, '--port', 0, 65535);
  const host = values.host ?? '127.0.0.1';
  const accessKey = resigningKey(values['access-key']);
  const clientKeys = Object.fromEntries(
    (values['client-key'] ?? []).map(accessKeyFlag).map((k) => [k.accessKeyId, k.secretAccessKey]),
  );
  let served: Awaited<ReturnType<typeof serveProxy>>;
  try {
    served = await serveProxy({
      upstream,
      port,
      host,
      errors: values.errors === true,
      log: values.log === true,
      clientKeys,
      ...(accessKey === undefined ? {} : { accessKey }),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`modelarts-stub proxy: port ${port} on ${host} is already in use\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write(
    `modelarts-stub proxy listening on ${served.url}, forwarding to ${upstream}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close().catch(() => {});
  return 0;
}
