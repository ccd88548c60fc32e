// The ablation table: server CPU per request of the bare Hono route, the full stub, and the stub
// with each per-request feature switched off (one at a time, then all), for a token request and for
// an AK/SK-signed one, measured in interleaved rounds on the same machine. What a feature costs is
// the median over rounds of (full stub − stub without it) in the same round; what is left with
// everything off is the stub's skeleton (routing table, handler chain, answer building).

import { median, ratio, table } from '../report/table.mjs';
import { FEATURES } from './features.mjs';

/**
 * Runs the ablation and resolves to its printed report.
 *
 * @param {object} bench what run.mjs provides: `servers` (the `hono` and `stub` server
 *   descriptions), `launch(server)`, `stop(running)`, `measure(running, headers)` resolving to
 *   `{ total, non2xx, errors, cpuUsPerRequest }`, `signedHeaders(port)`, `tokenHeaders`, `rounds`,
 *   `reflected` (path parameter → the value requested).
 */
export async function runAblation(bench) {
  const variants = [
    { key: 'full', label: 'stub, every feature on', without: [] },
    ...Object.entries(FEATURES).map(([key, label]) => ({
      key,
      label: `  without ${label}`,
      without: [key],
    })),
    { key: 'none', label: 'stub, all of the above off', without: Object.keys(FEATURES) },
  ];
  const running = { bare: await bench.launch(bench.servers.hono) };
  for (const variant of variants) {
    running[variant.key] = await bench.launch({
      ...bench.servers.stub,
      key: `stub-${variant.key}`,
      env: {
        ...bench.servers.stub.env,
        BENCH_WITHOUT: variant.without.join(','),
        BENCH_REFLECTED: JSON.stringify(bench.reflected),
      },
    });
  }
  const signed = {};
  for (const variant of variants) {
    signed[variant.key] = await bench.signedHeaders(running[variant.key].port);
  }
  const cases = [{ key: 'bare', kind: 'token', headers: bench.tokenHeaders }];
  for (const variant of variants) {
    cases.push({ key: variant.key, kind: 'token', headers: bench.tokenHeaders });
    cases.push({ key: variant.key, kind: 'signed', headers: signed[variant.key] });
  }
  const cpu = {};
  try {
    for (const c of cases) await bench.measure(running[c.key], c.headers, 1); // warm-up
    for (let round = 1; round <= bench.rounds; round++) {
      process.stderr.write(`ablation round ${round}/${bench.rounds}\n`);
      for (const c of cases) {
        const result = await bench.measure(running[c.key], c.headers);
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(
            `ablation ${c.key} (${c.kind}): ${result.non2xx} answers other than 2xx, ${result.errors} socket errors`,
          );
        }
        const key = `${c.key} ${c.kind}`;
        cpu[key] ??= [];
        cpu[key].push(result.cpuUsPerRequest);
      }
    }
  } finally {
    await Promise.all(Object.values(running).map((r) => bench.stop(r)));
  }
  return report(variants, cpu, bench.rounds);
}

function report(variants, cpu, rounds) {
  const at = (key, kind) => cpu[`${key} ${kind}`];
  const med = (key, kind) => median(at(key, kind));
  // Per-round differences, so that a round on a busier machine moves both sides together.
  const saved = (key, kind) => median(at('full', kind).map((full, i) => full - at(key, kind)[i]));
  const bare = med('bare', 'token');
  const rows = [['bare Hono route', bare.toFixed(1), '', '1.00×', '', '', '']];
  for (const variant of variants) {
    const token = med(variant.key, 'token');
    const signedCpu = med(variant.key, 'signed');
    const isFull = variant.key === 'full';
    rows.push([
      variant.label,
      token.toFixed(1),
      isFull ? '' : saved(variant.key, 'token').toFixed(1),
      ratio(median(at('bare', 'token').map((b, i) => b / at(variant.key, 'token')[i]))),
      signedCpu.toFixed(1),
      isFull ? '' : saved(variant.key, 'signed').toFixed(1),
      ratio(median(at(variant.key, 'token').map((t, i) => t / at(variant.key, 'signed')[i]))),
    ]);
  }
  return [
    table(
      [
        'ablation: server CPU µs per request',
        'token',
        'saves',
        'bare/this (goal ≥ 0.95×)',
        'AK/SK',
        'saves',
        'token/AK/SK (goal ≥ 0.8×)',
      ],
      rows,
    ),
    `medians of ${rounds} interleaved rounds; "saves": median of the per-round (full stub − this) in µs;`,
    'ratios: medians of the per-round ratios. The bare route ignores credentials, so it has no AK/SK column.',
  ].join('\n');
}
