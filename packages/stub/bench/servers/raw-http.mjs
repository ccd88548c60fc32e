// Control of the benchmark: a bare node:http server sending the same body with no framework at
// all. Its throughput is the most a Node server can do on one core here; when a load generator
// gets no more from it than from the Hono route, the generator, not the server, is the limit.
import { createServer } from 'node:http';

const body = process.env.BENCH_BODY ?? '{}';
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => process.exit(0));
