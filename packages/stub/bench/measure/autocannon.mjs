// Load from autocannon (JavaScript, in this process, which is pinned to core 1).
import autocannon from 'autocannon';

/**
 * Runs autocannon against `url` and resolves to `{ rps, total, p50, p99, non2xx, errors }` (ms).
 *
 * @example
 * const { rps } = await autocannonLoad('http://127.0.0.1:4010/x', {}, { seconds: 3, connections: 50 });
 */
export async function autocannonLoad(url, headers, { seconds, connections }) {
  const result = await autocannon({ url, method: 'GET', headers, connections, duration: seconds });
  const non2xx = result.non2xx ?? 0;
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx,
    errors: result.errors + result.timeouts,
  };
}
