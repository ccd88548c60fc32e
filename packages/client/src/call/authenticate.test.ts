import { verifyRequest } from '@modelarts-lite/signer';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS,
  details,
  fakeFetch,
  json,
  OPERATION_PATH,
  PATH_PARAMS,
  PROJECT_ID,
  secretFor,
} from '../../test/fake-fetch.js';
import { createModelArtsClient } from '../index.js';

/** An AK/SK client on a fake fetch that answers once, as the body-signing tests need. */
function signingClient() {
  const fetch = fakeFetch(json(details('running')));
  const client = createModelArtsClient({ baseUrl: 'https://stub.test', auth: CREDENTIALS, fetch });
  return { fetch, client };
}

/**
 * Sends `{ volume_id }` as a POST body through `client` and returns the one Request that reached
 * the fake fetch, after checking its signature.
 */
async function postSigned(
  { fetch, client }: ReturnType<typeof signingClient>,
  volumeId: string,
): Promise<Request> {
  await client.request('post' as 'get', OPERATION_PATH, {
    params: PATH_PARAMS,
    body: { volume_id: volumeId },
  } as never);
  const [request] = fetch.requests;
  if (!request) throw new Error('no request sent');
  expect((await verifyRequest(request, secretFor)).ok).toBe(true);
  return request;
}

describe('per-attempt authentication', () => {
  it('signs headers that client.use middleware set, on every attempt', async () => {
    const fetch = fakeFetch(json({}, 503), json(details('running')));
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: CREDENTIALS,
      projectId: PROJECT_ID,
      fetch,
      retry: { sleep: async () => {} },
    });
    let attempts = 0;
    client.use({
      onRequest({ request }) {
        request.headers.set('X-Trace-Id', `attempt-${++attempts}`);
        return request;
      },
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(fetch.requests.map((r) => r.headers.get('X-Trace-Id'))).toEqual([
      'attempt-1',
      'attempt-2',
    ]);
    for (const request of fetch.requests) {
      expect(request.headers.get('Authorization')).toContain('x-trace-id');
      expect(request.headers.get('Authorization')).toContain('x-project-id');
      expect((await verifyRequest(request, secretFor)).ok).toBe(true);
    }
  });

  it('signs a request body, which stays readable by the server', async () => {
    const request = await postSigned(signingClient(), 'v-1');
    expect(await request.json()).toEqual({ volume_id: 'v-1' });
  });

  it('signs a body in place, on the Request openapi-fetch built, without copying it', async () => {
    const subject = signingClient();
    let built: Request | undefined;
    subject.client.use({
      onRequest({ request }) {
        built = request;
      },
    });
    const request = await postSigned(subject, 'v-1');
    expect(request).toBe(built);
    expect(await request.json()).toEqual({ volume_id: 'v-1' });
  });

  it('signs the body of a Request that a middleware replaced, not the one it replaced', async () => {
    const subject = signingClient();
    subject.client.use({
      onRequest({ request }) {
        return new Request(request, { body: JSON.stringify({ volume_id: 'v-2' }) });
      },
    });
    const request = await postSigned(subject, 'v-1');
    expect(await request.json()).toEqual({ volume_id: 'v-2' });
  });

  it("lets a call's own X-Project-Id win over the client's", async () => {
    const fetch = fakeFetch(json(details('running')));
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      projectId: PROJECT_ID,
      fetch,
    });
    await client.GET(OPERATION_PATH, {
      params: { ...PATH_PARAMS, header: { 'X-Project-Id': 'sub-project' } },
    });
    expect(fetch.requests[0]?.headers.get('X-Project-Id')).toBe('sub-project');
  });
});
