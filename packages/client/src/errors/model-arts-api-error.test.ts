import { describe, expect, it } from 'vitest';
import { fakeFetch, json, OPERATION_PATH, PATH_PARAMS } from '../../test/fake-fetch.js';
import { createModelArtsClient, ModelArtsApiError, unwrap } from '../index.js';

/** Calls the API through a client answered by `response`, and returns what unwrap throws. */
async function errorOf(response: Response): Promise<ModelArtsApiError> {
  const client = createModelArtsClient({
    baseUrl: 'https://stub.test',
    auth: { token: 't' },
    fetch: fakeFetch(response),
    retry: false,
  });
  const result = await client.GET(OPERATION_PATH, { params: PATH_PARAMS });
  try {
    unwrap(result);
  } catch (error) {
    if (error instanceof ModelArtsApiError) return error;
    throw error;
  }
  throw new Error('unwrap did not throw');
}

describe('ModelArtsApiError', () => {
  it('reads a ModelArts error body and the X-Request-Id header', async () => {
    const error = await errorOf(
      json({ error_code: 'ModelArts.6404', error_msg: 'DevServer does not exist.' }, 400, {
        'X-Request-Id': 'req-6404',
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ModelArtsApiError',
      status: 400,
      errorCode: 'ModelArts.6404',
      errorMsg: 'DevServer does not exist.',
      requestId: 'req-6404',
      body: { error_code: 'ModelArts.6404', error_msg: 'DevServer does not exist.' },
    });
    expect(error.message).toBe(
      'ModelArts.6404: DevServer does not exist. (HTTP 400, request req-6404)',
    );
    expect(error.response?.status).toBe(400);
  });

  it("takes a gateway body's request_id when there is no header", async () => {
    const body = {
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
      request_id: '7a1d6c0b5e3f4a2b9c8d7e6f5a4b3c2d',
    };
    const error = await errorOf(json(body, 401));
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
      requestId: '7a1d6c0b5e3f4a2b9c8d7e6f5a4b3c2d',
    });
  });

  it('prefers the X-Request-Id header over the body', async () => {
    const error = await errorOf(
      json({ error_code: 'APIGW.0308', error_msg: 'throttled', request_id: 'body-id' }, 429, {
        'X-Request-Id': 'header-id',
      }),
    );
    expect(error.requestId).toBe('header-id');
  });

  it('shows the title of an HTML error page from a proxy', async () => {
    const html =
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr>nginx</body></html>';
    const error = await errorOf(
      new Response(html, { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error).toMatchObject({
      status: 502,
      errorCode: 'HTTP.502',
      errorMsg: '502 Bad Gateway',
      requestId: undefined,
      body: html,
    });
  });

  it('falls back to the status text for HTML without a title', async () => {
    const error = await errorOf(
      new Response('<html><body>oops</body></html>', {
        status: 503,
        statusText: 'Service Unavailable',
      }),
    );
    expect(error.errorMsg).toBe('Service Unavailable');
  });

  it('handles an empty body', async () => {
    const error = await errorOf(
      new Response(null, { status: 500, headers: { 'Content-Length': '0' } }),
    );
    expect(error).toMatchObject({
      status: 500,
      errorCode: 'HTTP.500',
      errorMsg: 'HTTP 500',
      body: undefined,
    });
  });

  it('uses plain text as the message, shortened', async () => {
    const short = await errorOf(new Response('upstream connect error', { status: 503 }));
    expect(short).toMatchObject({ errorCode: 'HTTP.503', errorMsg: 'upstream connect error' });

    const long = await errorOf(new Response('x'.repeat(2_000), { status: 500 }));
    expect(long.errorMsg).toHaveLength(513);
    expect(long.errorMsg.endsWith('…')).toBe(true);
  });

  it('reads JSON sent as text/plain, and the nested error shape', async () => {
    const error = await errorOf(
      new Response('{"error":{"code":"ModelArts.0010","message":"Internal server error."}}', {
        status: 500,
        headers: { 'Content-Type': 'text/plain' },
      }),
    );
    expect(error).toMatchObject({
      errorCode: 'ModelArts.0010',
      errorMsg: 'Internal server error.',
    });
  });

  it('falls back per field for JSON that is not an error body', async () => {
    const error = await errorOf(json({ message: 'nope' }, 418));
    expect(error).toMatchObject({
      errorCode: 'HTTP.418',
      errorMsg: 'HTTP 418',
      body: { message: 'nope' },
    });
    const array = await errorOf(json(['a'], 400));
    expect(array.errorCode).toBe('HTTP.400');
  });

  it('can be built from a response directly', () => {
    const error = ModelArtsApiError.from(new Response(null, { status: 404 }), {
      error_code: 'APIGW.0101',
      error_msg: 'The API does not exist',
    });
    expect(error).toMatchObject({ status: 404, errorCode: 'APIGW.0101' });
  });
});

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    const body = {
      operation_id: 'op',
      operation_status: 'success',
      operation_type: 'node_attach_volume',
    };
    const client = createModelArtsClient({
      baseUrl: 'https://stub.test',
      auth: { token: 't' },
      fetch: fakeFetch(json(body)),
    });
    expect(unwrap(await client.GET(OPERATION_PATH, { params: PATH_PARAMS }))).toEqual(body);
  });
});
