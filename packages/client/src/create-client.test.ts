import { verifyRequest } from '@modelarts-lite/signer';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIALS,
  details,
  fakeFetch,
  hang,
  json,
  OPERATION_PATH,
  OPERATION_URL_PATH,
  PATH_PARAMS,
  PROJECT_ID,
  secretFor,
} from '../test/fake-fetch.js';
import { createModelArtsClient, type ModelArtsClientOptions } from './index.js';

const ok = () => json(details('running'), 200, { 'X-Request-Id': 'req-1' });

describe('createModelArtsClient', () => {
  it('sends an IAM token as X-Auth-Token and returns typed data', async () => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 'tok' },
      fetch,
    });

    const { data, error } = await client.GET(OPERATION_PATH, { params: PATH_PARAMS });

    expect(error).toBeUndefined();
    expect(data?.operation_status).toBe('running');
    const [request] = fetch.requests;
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(`https://stub.test${OPERATION_URL_PATH}`);
    expect(request?.headers.get('X-Auth-Token')).toBe('tok');
    expect(request?.headers.has('Authorization')).toBe(false);
  });

  it('asks a token function for the token on each request', async () => {
    const fetch = fakeFetch(ok(), ok());
    let n = 0;
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: async () => `tok-${++n}` },
      fetch,
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(fetch.requests.map((r) => r.headers.get('X-Auth-Token'))).toEqual(['tok-1', 'tok-2']);
  });

  it('signs with AK/SK, covering X-Project-Id, verifiably', async () => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({
      region: 'cn-north-4',
      auth: { ...CREDENTIALS, securityToken: 'sts-token' },
      projectId: PROJECT_ID,
      fetch,
    });

    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });

    const [request] = fetch.requests;
    if (!request) throw new Error('no request sent');
    expect(request.headers.get('X-Sdk-Date')).toMatch(/^\d{8}T\d{6}Z$/);
    const authorization = request.headers.get('Authorization') ?? '';
    expect(authorization).toMatch(/^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=/);
    expect(authorization).toContain('x-project-id');
    expect(authorization).toContain('x-security-token');
    expect(request.headers.get('X-Security-Token')).toBe('sts-token');
    expect(request.headers.has('X-Auth-Token')).toBe(false);
    await expect(verifyRequest(request, secretFor)).resolves.toEqual({
      ok: true,
      accessKeyId: CREDENTIALS.accessKeyId,
    });
  });

  it('a signature made with another secret does not verify (the check can fail)', async () => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({
      region: 'cn-north-4',
      auth: { ...CREDENTIALS, secretAccessKey: 'not-the-secret' },
      fetch,
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    const result = await verifyRequest(fetch.requests[0] as Request, secretFor);
    expect(result).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('sends X-Project-Id, and lets a per-call header win', async () => {
    const fetch = fakeFetch(ok(), ok());
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      projectId: PROJECT_ID,
      fetch,
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    await client.GET(OPERATION_PATH, {
      params: { ...PATH_PARAMS, header: { 'X-Project-Id': 'sub-project' } },
    });
    expect(fetch.requests.map((r) => r.headers.get('X-Project-Id'))).toEqual([
      PROJECT_ID,
      'sub-project',
    ]);
  });

  it('sends no X-Project-Id unless asked', async () => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch,
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(fetch.requests[0]?.headers.has('X-Project-Id')).toBe(false);
  });

  it.each([
    ['cn-north-4', 'https://modelarts.cn-north-4.myhuaweicloud.com'],
    ['af-south-1', 'https://modelarts.af-south-1.myhuaweicloud.com'],
    ['ap-southeast-1', 'https://modelarts.ap-southeast-1.myhuaweicloud.cn'],
  ] as const)('resolves region %s to %s', async (region, endpoint) => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({ region, auth: { token: 't' }, fetch });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(fetch.requests[0]?.url).toBe(`${endpoint}${OPERATION_URL_PATH}`);
  });

  it('rejects an unknown region with a clear error', () => {
    const options = {
      region: 'mars-north-1',
      auth: { token: 't' },
    } as unknown as ModelArtsClientOptions;
    expect(() => createModelArtsClient(options)).toThrow(
      /Unknown ModelArts region "mars-north-1"\. Known regions: .*cn-north-4.*baseUrl/,
    );
  });

  it('rejects both or neither of region and baseUrl at run time too', () => {
    const both = { region: 'cn-north-4', baseUrl: 'https://x.test', auth: { token: 't' } };
    const neither = { auth: { token: 't' } };
    for (const options of [both, neither]) {
      expect(() => createModelArtsClient(options as unknown as ModelArtsClientOptions)).toThrow(
        /exactly one of region and baseUrl/,
      );
    }
  });

  it('keeps a baseUrl path prefix and drops its trailing slash', async () => {
    const fetch = fakeFetch(ok());
    const client = createModelArtsClient({
      baseUrl: 'http://127.0.0.1:4010/api/',
      auth: { token: 't' },
      fetch,
    });
    await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(fetch.requests[0]?.url).toBe(`http://127.0.0.1:4010/api${OPERATION_URL_PATH}`);
  });

  it('retries transient failures by default, re-signing each attempt', async () => {
    const fetch = fakeFetch(json({ error_code: 'APIGW.0308', error_msg: 'throttled' }, 429), ok());
    const client = createModelArtsClient({
      region: 'cn-north-4',
      auth: CREDENTIALS,
      fetch,
      retry: { sleep: async () => {} },
    });
    const { data } = await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(data?.operation_status).toBe('running');
    expect(fetch.requests).toHaveLength(2);
    for (const request of fetch.requests) {
      expect((await verifyRequest(request, secretFor)).ok).toBe(true);
    }
  });

  it('sends each request once with retry: false', async () => {
    const fetch = fakeFetch(
      json({ error_code: 'ModelArts.0010', error_msg: 'Internal server error.' }, 500),
    );
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch,
      retry: false,
    });
    const { error, response } = await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(response.status).toBe(500);
    expect(error).toEqual({ error_code: 'ModelArts.0010', error_msg: 'Internal server error.' });
    expect(fetch.requests).toHaveLength(1);
  });

  it('aborts an attempt after timeoutMs and retries it', async () => {
    const fetch = fakeFetch(hang, ok());
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: CREDENTIALS,
      fetch,
      timeoutMs: 20,
      retry: { sleep: async () => {} },
    });
    const { data } = await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
    expect(data?.operation_status).toBe('running');
    expect(fetch.requests).toHaveLength(2);
  });

  it('rejects with a TimeoutError when every attempt times out', async () => {
    const fetch = fakeFetch(hang);
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch,
      timeoutMs: 20,
      retry: false,
    });
    await expect(client.GET(OPERATION_PATH, { params: PATH_PARAMS })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  it("the caller's signal still aborts, without a retry", async () => {
    const fetch = fakeFetch(hang);
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch,
    });
    const controller = new AbortController();
    const call = client.GET(OPERATION_PATH, { params: PATH_PARAMS, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 5);
    await expect(call).rejects.toThrow('user gave up');
    expect(fetch.requests).toHaveLength(1);
  });
});
