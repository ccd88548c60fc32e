// A subject of the contract suite: something that answers like the ModelArts API. The stub
// in-process and over HTTP are two; a real endpoint could be a third (without `admin`).
import { signRequest } from '@modelarts-lite/signer';
import { DEFAULT_ACCESS_KEY } from '../../src/index.js';

export interface SubjectConfig {
  /** Accepted tokens; default any non-empty one. */
  tokens?: string[];
  /** Guard the admin API with this token; the subject's `admin` sends it. */
  adminToken?: string;
}

/** Test-only control of the subject's state, clock, faults and latency. */
export interface SubjectAdmin {
  reset(): Promise<void>;
  createOperation(input: unknown): Promise<Response>;
  createServer(serverId: string, projectId?: string): Promise<Response>;
  setClock(ms: number): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  setFaults(faults: unknown): Promise<Response>;
  setLatency(latency: unknown): Promise<Response>;
  /** Any other admin call, e.g. `send('POST', 'volumes', { volumeId })`. */
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

export interface ContractSubject {
  name: string;
  /** Base URL the API is reached at (no trailing slash). */
  baseUrl: string;
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  admin?: SubjectAdmin;
  close(): Promise<void>;
}

export type SubjectFactory = (config?: SubjectConfig) => Promise<ContractSubject>;

/** The admin API of the stub under /__stub/, reached through the subject's own fetch. */
export function stubAdmin(
  fetch: ContractSubject['fetch'],
  baseUrl: string,
  adminToken?: string,
): SubjectAdmin {
  const guard: Record<string, string> =
    adminToken === undefined ? {} : { 'x-stub-admin-token': adminToken };
  // Faults and latency are changed only through `send`: `reset` clears those that may have been
  // set since they were last cleared, which spares most tests two admin requests each.
  const touched = new Set(['faults', 'latency']);
  // Likewise the clock is moved only through `send`: setting it to the time it was last set to, with
  // no move since, is skipped (the suite sets the same start time before every test).
  let clockSetTo: number | undefined;
  const send = (method: string, path: string, body?: unknown) => {
    const sets = method !== 'GET' && method !== 'DELETE';
    if (sets && (path === 'faults' || path === 'latency')) touched.add(path);
    if (method !== 'GET' && path === 'clock') clockSetTo = undefined;
    return fetch(`${baseUrl}/__stub/${path}`, {
      method,
      ...(body === undefined
        ? { headers: guard }
        : {
            body: JSON.stringify(body),
            headers: { ...guard, 'content-type': 'application/json' },
          }),
    });
  };
  const ok = async (response: Promise<Response>) => {
    const res = await response;
    await res.body?.cancel();
    if (!res.ok) throw new Error(`admin call failed: ${res.status}`);
  };
  return {
    reset: async () => {
      await ok(send('DELETE', 'state'));
      for (const knob of [...touched]) {
        await ok(send('DELETE', knob));
        touched.delete(knob);
      }
    },
    createOperation: (input) => send('POST', 'operations', input),
    createServer: (serverId, projectId) =>
      send('POST', 'servers', projectId === undefined ? { serverId } : { serverId, projectId }),
    setClock: async (ms) => {
      if (clockSetTo === ms) return;
      await ok(send('POST', 'clock', { set: ms }));
      clockSetTo = ms;
    },
    advanceClock: (ms) => ok(send('POST', 'clock', { advance: ms })),
    setFaults: (faults) => send('PUT', 'faults', faults),
    setLatency: (latency) => send('PUT', 'latency', latency),
    send,
  };
}

/** Signs a request with AK/SK at a given time, as a client would. */
export async function signed(
  url: string,
  date: Date,
  init: RequestInit = {},
  credentials: { accessKeyId: string; secretAccessKey: string } = DEFAULT_ACCESS_KEY,
): Promise<Request> {
  return signRequest(new Request(url, init), credentials, { date });
}
