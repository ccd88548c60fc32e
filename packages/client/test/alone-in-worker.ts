import { Worker } from 'node:worker_threads';

/**
 * Runs `body`, the source of an async function body given the client's built module as `client`
 * and `hang` (a fetch that settles only when aborted, holding no socket or timer), in a worker
 * thread where nothing else keeps the event loop alive: like a script whose only pending work is
 * the call, or a test worker whose message port is unreferenced. Resolves with what `body` returns,
 * `threw <name>` if it throws, or `exited <code>` if the thread's event loop ran out of work first.
 *
 * @example
 * expect(await aloneInWorker('return client.timeout.name')).toBe('timeout');
 */
export function aloneInWorker(body: string): Promise<unknown> {
  const entry = new URL('../dist/index.js', import.meta.url).href;
  const worker = new Worker(
    `
    const { parentPort } = require('node:worker_threads');
    const hang = (request) =>
      new Promise((_, reject) =>
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }),
      );
    import(${JSON.stringify(entry)})
      .then(async (client) => { ${body} })
      .then(
        (value) => parentPort.postMessage(value),
        (error) => parentPort.postMessage('threw ' + error.name),
      );
    `,
    { eval: true },
  );
  return new Promise((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve(`errored ${error.message}`));
    worker.once('exit', (code) => resolve(`exited ${code}`));
  });
}
