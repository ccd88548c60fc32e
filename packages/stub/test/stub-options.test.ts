// createStub's options for the workflow: preloaded state, the lifecycle of started operations, CORS.
import { describe, expect, it } from 'vitest';
import { createStub, StubStateError } from '../src/index.js';

const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const ATTACH = `/v1/p/dev-servers/${SERVER}/attachvolume`;
const headers = { 'x-auth-token': 't', 'content-type': 'application/json' };
const attach = (stub: ReturnType<typeof createStub>) =>
  stub.fetch(ATTACH, { method: 'POST', headers, body: JSON.stringify({ volume_id: VOLUME }) });

describe('createStub workflow options', () => {
  it('runs started operations with the given lifecycle', async () => {
    const stub = createStub({
      lifecycle: { runningAfterMs: 0, finishedAfterMs: 0, outcome: 'failed' },
    });
    const body = await (await attach(stub)).json();
    expect(body.operation_status).toBe('failed');
    expect(stub.state.getLifecycle()).toEqual({
      runningAfterMs: 0,
      finishedAfterMs: 0,
      outcome: 'failed',
    });
  });

  it('preloads servers and volumes, and refuses state that breaks the spec', async () => {
    const stub = createStub({
      state: {
        servers: [{ serverId: SERVER, status: 'STOPPING' }],
        volumes: [{ volumeId: VOLUME }],
      },
    });
    expect(stub.state.listServers()).toEqual([{ serverId: SERVER, status: 'STOPPING' }]);
    const refused = await attach(stub);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error_msg).toContain('running or stopped');
    expect(() => createStub({ state: { servers: [{ serverId: 'nope' }] } })).toThrow(
      StubStateError,
    );
    expect(() => createStub({ lifecycle: { finishedAfterMs: -5 } })).toThrow(StubStateError);
  });

  it('adds CORS headers by default and none with cors: false', async () => {
    const preflight = {
      method: 'OPTIONS',
      headers: { origin: 'http://a.test', 'access-control-request-method': 'POST' },
    };
    const on = createStub();
    expect((await on.fetch(ATTACH, preflight)).status).toBe(204);
    expect((await attach(on)).headers.get('access-control-allow-origin')).toBe('*');
    const narrowed = createStub({ cors: { origin: 'http://a.test' } });
    const answer = await attach(narrowed);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://a.test');
    expect(answer.headers.get('vary')).toBe('Origin');
    const off = createStub({ cors: false });
    expect((await off.fetch(ATTACH, preflight)).status).toBe(404);
    expect((await attach(off)).headers.get('access-control-allow-origin')).toBeNull();
  });
});
