// The loopback server of the client benchmark, in its own process so that its work is not
// counted against the client's (the benchmark's parent process sends the requests).
import { createServer } from 'node:http';

const { URL_PATH, BODY } = JSON.parse(process.argv[2]);
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === URL_PATH) {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(BODY),
      'X-Request-Id': 'bench',
    });
    res.end(BODY);
  } else {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"error_code":"APIGW.0101","error_msg":"not found","request_id":"bench"}');
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
