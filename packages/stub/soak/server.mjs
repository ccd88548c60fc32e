// The stub under soak, from the build, in a process of its own (so that its memory is its own):
// it reports its URL, then answers { memory } messages with a post-GC reading.
import { serve } from '../dist/node.js';

const served = await serve({ port: 0, adminToken: process.env.SOAK_ADMIN_TOKEN });
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ memory: { rss, heapUsed } });
  }
});
process.send?.({ url: served.url });
process.once('SIGTERM', () => served.close().then(() => process.exit(0)));
