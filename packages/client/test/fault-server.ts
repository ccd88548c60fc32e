import { createServer, type Server, type Socket } from 'node:net';

/** What a misbehaving server does with the n-th request (1-based) it receives on `socket`. */
export type Misbehaviour = (socket: Socket, n: number) => void;

/** A raw TCP server on 127.0.0.1 (port 0) that answers HTTP requests however it is told to. */
export interface FaultServer {
  readonly baseUrl: string;
  /** Requests received so far. */
  readonly requests: number;
  /**
   * Connections that carried a request and are still open. (Connections that never carried one
   * are the HTTP client's spare ones, which it may open after a reset and closes when idle.)
   */
  openConnections(): number;
  close(): Promise<void>;
}

/**
 * Starts a server that hands each complete request head (GET and DELETE send no body; POST
 * bodies are small and arrive with it) to `misbehave`. Real sockets, so resets, stalls and cut
 * bodies reach the client exactly as they would from a broken network or server.
 */
export async function startFaultServer(misbehave: Misbehaviour): Promise<FaultServer> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const used = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      used.delete(socket);
    });
    socket.on('error', () => {});
    let buffered = '';
    socket.on('data', (chunk) => {
      buffered += chunk.toString('latin1');
      let end = buffered.indexOf('\r\n\r\n');
      while (end >= 0) {
        const head = buffered.slice(0, end);
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length < end + 4 + length) return;
        buffered = buffered.slice(end + 4 + length);
        requests++;
        used.add(socket);
        misbehave(socket, requests);
        end = buffered.indexOf('\r\n\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    get requests() {
      return requests;
    },
    openConnections: () => used.size,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A complete HTTP/1.1 response that closes the connection after it. */
export function httpResponse(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): string {
  const lines = Object.entries({
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
    ...headers,
  }).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} X\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Answers with `response` and closes the connection. */
export function answer(socket: Socket, response: string): void {
  socket.end(response);
}
