/** One answer read off a raw socket. */
export interface RawAnswer {
  /** 0 when the server closed the connection without a complete answer. */
  status: number;
  /** Lower-cased header names. */
  headers: Map<string, string>;
  body: string;
  /** ms from connect to the end of the answer (or to the close). */
  elapsedMs: number;
  /** Whether the server closed the connection (rather than the client giving up or being done). */
  closedByServer: boolean;
}

/**
 * Sends bytes (or, with a function, writes them itself, e.g. slowly) to 127.0.0.1:port and reads
 * one answer. Resolves when a complete answer arrived, when the server closes, or after timeoutMs.
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer | ((write: (chunk: string | Buffer) => boolean) => void),
  timeoutMs?: number,
): Promise<RawAnswer>;
