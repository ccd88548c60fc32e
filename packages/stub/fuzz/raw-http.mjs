// A minimal HTTP/1.1 client on node:net, for what fetch and node:http refuse to send: broken
// request lines, huge or malformed headers, lying Content-Length, stalled bodies. Shared by the
// tests and by the fuzz script (plain JS so that the script runs on the build without a compiler).
import { connect } from 'node:net';

function dechunk(bytes) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = Number.parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts).toString('utf8');
}

function parse(bytes, head = false) {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const headers = new Map();
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const length = head ? 0 : Number(headers.get('content-length') ?? Number.NaN);
  const rest = bytes.subarray(headEnd + 4);
  const chunked = headers.get('transfer-encoding') === 'chunked';
  if (Number.isFinite(length) && rest.length < length) return undefined;
  if (chunked && rest.indexOf('0\r\n\r\n') < 0) return undefined;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  // An interim answer (100 Continue) precedes the real one.
  if (status >= 100 && status < 200) return parse(bytes.subarray(headEnd + 4), head);
  const body = chunked
    ? dechunk(rest)
    : Number.isFinite(length)
      ? rest.subarray(0, length).toString('utf8')
      : '';
  return { status, headers, body };
}

/** @type {import('./raw-http.d.mts').rawRequest} */
export function rawRequest(port, bytes, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let done = false;
    // The answer to HEAD announces a length but carries no body.
    const head =
      typeof bytes !== 'function' && Buffer.from(bytes.slice(0, 5)).toString() === 'HEAD ';
    const finish = (closedByServer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const parsed = parse(received, head) ?? { status: 0, headers: new Map(), body: '' };
      resolve({ ...parsed, elapsedMs: performance.now() - started, closedByServer });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (parse(received, head) !== undefined) finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('connect', () => {
      if (typeof bytes === 'function') bytes((chunk) => !socket.destroyed && socket.write(chunk));
      else socket.write(bytes);
    });
  });
}
