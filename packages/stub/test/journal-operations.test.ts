// The request journal and contract coverage with the operations that start and follow operations:
// the POST's JSON body recorded (and cut at the bound), the DELETE and the supernode GET named,
// every credential redacted, and the journal cleared by a state reset from JS and from the admin API.
import { signRequest } from '@modelarts-lite/signer';
import { afterEach, describe, expect, it } from 'vitest';
import { createStub, DEFAULT_ACCESS_KEY } from '../src/index.js';
import { JOURNAL_BODY_LIMIT } from '../src/journal/request-journal.js';
import { serve } from '../src/node.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const SUPERNODE = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ATTACH = `/v1/${PROJECT}/dev-servers/${SERVER}/attachvolume`;
const DETACH = `/v1/${PROJECT}/dev-servers/${SERVER}/detachvolume/${VOLUME}`;
const SUPERNODE_GET = `/v1/${PROJECT}/dev-servers/hyperinstance/${SUPERNODE}/operation/op-7`;
const TOKEN = 'journal-api-token-secret';
const ADMIN_TOKEN = 'journal-admin-token-secret';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** The four calls of the workflow, one signed with AK/SK, one carrying the admin token by mistake. */
async function sendWorkflow(fetch: (request: Request) => Promise<Response>, base: string) {
  const body = JSON.stringify({ volume_id: VOLUME });
  const attach = await fetch(
    new Request(`${base}${ATTACH}`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
      body,
    }),
  );
  const long = JSON.stringify({ volume_id: VOLUME, note: 'x'.repeat(JOURNAL_BODY_LIMIT * 2) });
  const longAttach = await fetch(
    new Request(`${base}${ATTACH}`, {
      method: 'POST',
      headers: { 'x-auth-token': TOKEN, 'content-type': 'application/json' },
      body: long,
    }),
  );
  const detach = await fetch(
    await signRequest(new Request(`${base}${DETACH}`, { method: 'DELETE' }), DEFAULT_ACCESS_KEY),
  );
  const supernode = await fetch(
    new Request(`${base}${SUPERNODE_GET}`, {
      headers: { 'x-auth-token': TOKEN, 'x-stub-admin-token': ADMIN_TOKEN },
    }),
  );
  return { attach, longAttach, detach, supernode, body, long };
}

function expectJournal(requests: any[], sent: Awaited<ReturnType<typeof sendWorkflow>>) {
  expect(requests.map((r) => [r.method, r.operationId, r.status])).toEqual([
    ['POST', 'AttachDevServerVolume', 200],
    ['POST', 'AttachDevServerVolume', sent.longAttach.status],
    ['DELETE', 'DetachDevServerVolume', 200],
    ['GET', 'GetHyperinstanceOperation', 200],
  ]);
  const [attach, longAttach, detach, supernode] = requests;
  expect(attach).toMatchObject({ path: ATTACH, body: sent.body, bodyTruncated: false });
  expect(attach.headers['x-auth-token']).toBe('[REDACTED]');
  expect(longAttach.body).toBe(sent.long.slice(0, JOURNAL_BODY_LIMIT));
  expect(longAttach.bodyTruncated).toBe(true);
  expect(detach).toMatchObject({ path: DETACH, body: null });
  expect(detach.headers.authorization).toBe('[REDACTED]');
  expect(supernode.headers['x-stub-admin-token']).toBe('[REDACTED]');
  const text = JSON.stringify(requests);
  for (const secret of [TOKEN, ADMIN_TOKEN, 'Signature=']) expect(text).not.toContain(secret);
}

function expectCoverage(coverage: any) {
  const byId = Object.fromEntries(coverage.operations.map((o: any) => [o.operationId, o]));
  expect(byId.AttachDevServerVolume).toMatchObject({ method: 'POST', requests: 2 });
  expect(byId.AttachDevServerVolume.statuses['200']).toMatchObject({ documented: true });
  expect(byId.AttachDevServerVolume.statuses['200'].answered).toBeGreaterThanOrEqual(1);
  expect(byId.DetachDevServerVolume).toMatchObject({ method: 'DELETE', requests: 1 });
  expect(byId.DetachDevServerVolume.statuses['200']).toEqual({ documented: true, answered: 1 });
  expect(byId.GetHyperinstanceOperation).toMatchObject({ method: 'GET', requests: 1 });
  expect(byId.ShowServerOperation).toMatchObject({ requests: 0 });
}

describe('journal and coverage of the workflow operations', () => {
  it('in-process: bodies recorded and cut, credentials redacted, cleared by state.reset()', async () => {
    const stub = createStub();
    const sent = await sendWorkflow(stub.fetch, 'https://modelarts.test');
    expect(sent.attach.status).toBe(200);
    expectJournal(stub.requests(), sent);
    expect(stub.requests({ operationId: 'DetachDevServerVolume' })).toHaveLength(1);
    expectCoverage(stub.coverage());
    stub.state.reset();
    expect(stub.requests()).toEqual([]);
  });

  it('over HTTP with a guarded admin API: the same, cleared by DELETE /__stub/state', async () => {
    const served = await serve({ port: 0, adminToken: ADMIN_TOKEN });
    closers.push(served.close);
    const admin = { 'x-stub-admin-token': ADMIN_TOKEN };
    const sent = await sendWorkflow((request) => fetch(request), served.url);
    expect(sent.attach.status).toBe(200);
    expect((await fetch(`${served.url}/__stub/requests`)).status).toBe(401);
    const journal = await (await fetch(`${served.url}/__stub/requests`, { headers: admin })).json();
    expectJournal(journal.requests, sent);
    const coverage = await (
      await fetch(`${served.url}/__stub/coverage`, { headers: admin })
    ).json();
    expectCoverage(coverage);
    expect(coverage).toEqual(served.stub.coverage());
    const reset = await fetch(`${served.url}/__stub/state`, { method: 'DELETE', headers: admin });
    expect(reset.status).toBeLessThan(300);
    const after = await (await fetch(`${served.url}/__stub/requests`, { headers: admin })).json();
    expect(after.requests).toEqual([]);
  });
});
