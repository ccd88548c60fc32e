// The scale benchmark: the whole pipeline built in throwaway copies of the repository from the
// spec as it is (1 operation) and from a spec grown to 1,000 operations (clone-spec.mjs), then both
// stubs, and Prism on the large spec, measured side by side. Run by ../run.mjs with --scale, or
// alone: `node bench/scale/run.mjs` (after `pnpm build`).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autocannonLoad } from '../measure/autocannon.mjs';
import {
  cpuSeconds,
  freePort,
  peakRss,
  pinSelf,
  startServer,
  stopServer,
  waitUntilAnswering,
} from '../measure/server-process.mjs';
import { HAS_WRK, wrk } from '../measure/wrk.mjs';
import { median, ratio, table, verdict } from '../report/table.mjs';
import { cloneSpec } from './clone-spec.mjs';
import { buildCopy, folderBytes } from './throwaway-copy.mjs';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const OPERATIONS = Number(process.env.BENCH_SCALE_OPERATIONS ?? 1000);
const TOKEN_HEADERS = { 'X-Auth-Token': 'bench-token', Accept: 'application/json' };
const PROJECT = '/v1/0123456789abcdef0123456789abcdef';
const TAIL =
  '/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
const FIRST_ROUTE = `${PROJECT}${TAIL}`;
const PRISM_BIN = join(
  require.resolve('@stoplight/prism-cli/package.json').replace(/package\.json$/, ''),
  'dist/index.js',
);
const PRISM_VERSION = require('@stoplight/prism-cli/package.json').version;
const MiB = 2 ** 20;

const stubServer = (key, dir) => ({
  key,
  cwd: join(dir, 'packages/stub'),
  argv: () => [join(dir, 'packages/stub/bench/servers/stub.mjs')],
  env: { BENCH_TOKEN: 'bench-token' },
});
const prismServer = (dir) => ({
  key: 'prism',
  cwd: dir,
  argv: (port) => [
    PRISM_BIN,
    'mock',
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    join(dir, 'spec/dist/openapi.json'),
  ],
});

async function coldStart(server, path) {
  const port = await freePort();
  const spawned = performance.now();
  const child = startServer(server, port);
  const first = await waitUntilAnswering(child, `http://127.0.0.1:${port}${path}`, TOKEN_HEADERS, {
    since: spawned,
    timeoutMs: 300_000,
    pollMs: 2,
  });
  if (first.status !== 200) throw new Error(`${server.key} answered ${first.status}`);
  return { child, port, ms: first.ms };
}

async function load(running, path, strict = true) {
  const url = `http://127.0.0.1:${running.port}${path}`;
  const cpu = cpuSeconds(running.child.pid);
  const result = await (HAS_WRK ? wrk : autocannonLoad)(url, TOKEN_HEADERS, {
    seconds: 3,
    connections: 50,
  });
  // Prism may time out some requests under load: counted, not fatal; the stubs must answer all.
  if (strict && (result.non2xx > 0 || result.errors > 0)) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} socket errors`);
  }
  return {
    ...result,
    cpuUsPerRequest: ((cpuSeconds(running.child.pid) - cpu) / result.total) * 1e6,
  };
}

/**
 * Builds both copies, measures them and Prism, removes the copies, and returns the report.
 *
 * @example
 * console.log(await runScale({ prism: true }));
 */
export async function runScale({ prism = true } = {}) {
  pinSelf();
  const spec = JSON.parse(
    readFileSync(require.resolve('@modelarts-lite/spec/openapi.json'), 'utf8'),
  );
  const big = cloneSpec(spec, OPERATIONS);
  // The last copy's number: the spec's paths are cloned together, one copy per `b<n>` segment.
  const copies = Object.keys(big.paths).length / Object.keys(spec.paths).length - 1;
  const LAST_ROUTE = `${PROJECT}/b${copies}${TAIL}`;
  process.stderr.write(`scale: building the pipeline from the 1-operation spec…\n`);
  const small = buildCopy(ROOT, spec);
  process.stderr.write(`scale: building the pipeline from the ${OPERATIONS}-operation spec…\n`);
  const large = buildCopy(ROOT, big);
  try {
    const sizes = [small, large].map((copy) => ({
      generated: folderBytes(join(copy.dir, 'packages/stub/src/generated')),
      dist: folderBytes(join(copy.dir, 'packages/stub/dist')),
    }));

    process.stderr.write('scale: cold starts…\n');
    const starts = { small: [], large: [] };
    for (let i = 0; i < 6; i++) {
      for (const [key, copy] of i % 2
        ? [
            ['large', large],
            ['small', small],
          ]
        : [
            ['small', small],
            ['large', large],
          ]) {
        const { child, ms } = await coldStart(stubServer(key, copy.dir), FIRST_ROUTE);
        starts[key].push(ms);
        await stopServer(child);
      }
    }

    process.stderr.write('scale: throughput…\n');
    const servers = {
      small: await coldStart(stubServer('small', small.dir), FIRST_ROUTE),
      large: await coldStart(stubServer('large', large.dir), FIRST_ROUTE),
    };
    await load(servers.small, FIRST_ROUTE);
    await load(servers.large, FIRST_ROUTE);
    const rounds = { small: [], large: [], largeLast: [] };
    // Alternating the order, so that neither stub always runs right after the other's load.
    const cases = [
      ['small', servers.small, FIRST_ROUTE],
      ['large', servers.large, FIRST_ROUTE],
      ['largeLast', servers.large, LAST_ROUTE],
    ];
    for (let round = 0; round < 4; round++) {
      for (const [key, running, path] of round % 2 ? [...cases].reverse() : cases) {
        rounds[key].push(await load(running, path));
      }
    }
    const memory = {
      small: peakRss(servers.small.child.pid),
      large: peakRss(servers.large.child.pid),
    };
    await stopServer(servers.small.child);
    await stopServer(servers.large.child);

    let prismRow;
    if (prism) {
      process.stderr.write(`scale: Prism ${PRISM_VERSION} on the ${OPERATIONS}-operation spec…\n`);
      try {
        const running = await coldStart(prismServer(large.dir), FIRST_ROUTE);
        const result = await load(running, FIRST_ROUTE, false);
        prismRow = {
          ms: running.ms,
          rps: result.rps,
          rss: peakRss(running.child.pid),
          errors: result.errors + result.non2xx,
        };
        await stopServer(running.child);
      } catch (error) {
        prismRow = { error: String(error.message ?? error).split('\n')[0] };
      }
    }

    const rps = (key) => median(rounds[key].map((r) => r.rps));
    const rpsRatio = median(rounds.large.map((r, i) => r.rps / rounds.small[i].rps));
    const lastRatio = median(rounds.largeLast.map((r, i) => r.rps / rounds.small[i].rps));
    const cpu = (key) => median(rounds[key].map((r) => r.cpuUsPerRequest));
    const startRatio = median(starts.large) / median(starts.small);
    const memRatio = memory.large / memory.small;
    const p = (value, digits = 0) =>
      prismRow && !prismRow.error
        ? value(prismRow).toFixed(digits)
        : prismRow?.error
          ? 'failed'
          : '';
    const header = [
      '',
      '1 operation',
      `${OPERATIONS} operations`,
      'ratio',
      'goal',
      'verdict',
      `Prism ${PRISM_VERSION}, ${OPERATIONS} ops`,
    ];
    const rows = [
      [
        'generate + build, whole pipeline (s)',
        small.seconds.toFixed(1),
        large.seconds.toFixed(1),
        ratio(large.seconds / small.seconds),
        '≤ 60 s',
        verdict(large.seconds, 60, 'lower'),
        '',
      ],
      [
        'stub generated source (MiB)',
        (sizes[0].generated / MiB).toFixed(2),
        (sizes[1].generated / MiB).toFixed(2),
        ratio(sizes[1].generated / sizes[0].generated),
        '',
        '',
        '',
      ],
      [
        'stub dist (MiB)',
        (sizes[0].dist / MiB).toFixed(2),
        (sizes[1].dist / MiB).toFixed(2),
        ratio(sizes[1].dist / sizes[0].dist),
        '',
        '',
        '',
      ],
      [
        'cold start, spawn to first 200 (ms)',
        median(starts.small).toFixed(0),
        median(starts.large).toFixed(0),
        ratio(startRatio),
        '≤ 2×',
        verdict(startRatio, 2, 'lower'),
        p((r) => r.ms),
      ],
      [
        'throughput, first route (req/s)',
        rps('small').toFixed(0),
        rps('large').toFixed(0),
        ratio(rpsRatio),
        '≥ 0.9×',
        verdict(rpsRatio, 0.9, 'higher'),
        p((r) => r.rps),
      ],
      [
        'throughput, last route (req/s)',
        '',
        median(rounds.largeLast.map((r) => r.rps)).toFixed(0),
        ratio(lastRatio),
        '≥ 0.9×',
        verdict(lastRatio, 0.9, 'higher'),
        '',
      ],
      [
        'server CPU per request, first route (µs)',
        cpu('small').toFixed(1),
        cpu('large').toFixed(1),
        ratio(cpu('large') / cpu('small')),
        '',
        '',
        '',
      ],
      [
        'peak memory, RSS (MiB)',
        (memory.small / MiB).toFixed(1),
        (memory.large / MiB).toFixed(1),
        ratio(memRatio),
        '≤ 2×',
        verdict(memRatio, 2, 'lower'),
        p((r) => r.rss / MiB, 1),
      ],
    ];
    const steps = large.steps
      .map((s, i) => `${s.step} ${small.steps[i].seconds.toFixed(1)} / ${s.seconds.toFixed(1)} s`)
      .join(', ');
    return [
      table(header, rows),
      `pipeline steps (1 / ${OPERATIONS} operations): ${steps}`,
      `cold start: median of 6 alternating starts; throughput: ${HAS_WRK ? 'wrk' : 'autocannon'}, 50 connections, median of 4 interleaved rounds of 3 s in alternating order; ratios of medians, except throughput (median of per-round ratios).`,
      ...(prismRow?.error ? [`Prism failed: ${prismRow.error}`] : []),
      ...(prismRow?.errors
        ? [`Prism: ${prismRow.errors} requests timed out or failed under load`]
        : []),
    ].join('\n');
  } finally {
    small.remove();
    large.remove();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await runScale());
