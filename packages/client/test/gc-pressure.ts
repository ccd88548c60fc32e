import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Node's Request follows signals through weak references, so abort propagation that only works
// while nothing is collected is a real bug; these tests run with collections every 2 ms.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Runs `fn` while full garbage collections run every 2 ms (for at most 3 s). */
export async function withGcPressure<T>(fn: () => Promise<T>): Promise<T> {
  const collecting = setInterval(gc, 2);
  // A failing test may never settle; the collections must not slow down the tests after it.
  setTimeout(() => clearInterval(collecting), 3_000).unref();
  try {
    return await fn();
  } finally {
    clearInterval(collecting);
  }
}
