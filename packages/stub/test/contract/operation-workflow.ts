// The contract of the calls that start operations and of the GETs that read them, part of the
// shared contract suite: constraints at their boundaries, auth, Prefer, errors, the lifecycle on
// the subject's clock, the state's preconditions, reflection and CORS.
import { describe, expect, it } from 'vitest';
import { expectAnswerOf, expectGatewayError, spec } from '../support/spec-oracle.js';
import { type ContractSubject, type SubjectAdmin, signed } from '../support/subject.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const OTHER_SERVER = '11111111-2222-4333-8444-555555555555';
const HYPER = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const VOLUME = '1e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f';
const TOKEN = { 'x-auth-token': 'test-token' };
const JSON_TYPE = { 'content-type': 'application/json' };
const UUID15 = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const TEMPLATES = {
  attach: ['post', '/v1/{project_id}/dev-servers/{id}/attachvolume'],
  detach: ['delete', '/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}'],
  show: ['get', '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}'],
  hyper: ['get', '/v1/{project_id}/dev-servers/hyperinstance/{id}/operation/{operation_id}'],
} as const;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** What the workflow tests need from the suite: the subject, its admin API and its start time. */
export interface WorkflowContext {
  subject: () => ContractSubject;
  admin: () => SubjectAdmin;
  t0: number;
}

export function defineOperationWorkflowTests(ctx: WorkflowContext): void {
  async function send(
    which: keyof typeof TEMPLATES,
    path: string,
    init: RequestInit = {},
  ): Promise<Answer> {
    const subject = ctx.subject();
    const [method, template] = TEMPLATES[which];
    const response = await subject.fetch(`${subject.baseUrl}${path}`, {
      method: method.toUpperCase(),
      ...init,
      headers: { ...TOKEN, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    const body = text === '' ? undefined : JSON.parse(text);
    if (response.status === 404) expectGatewayError(response.headers, body);
    else expectAnswerOf(method, template, response.status, response.headers, body);
    return { status: response.status, headers: response.headers, body };
  }
  const attachPath = (server = SERVER, project = PROJECT) =>
    `/v1/${project}/dev-servers/${server}/attachvolume`;
  const detachPath = (volume = VOLUME, server = SERVER, project = PROJECT) =>
    `/v1/${project}/dev-servers/${server}/detachvolume/${volume}`;
  const showPath = (operation: string, server = SERVER) =>
    `/v1/${PROJECT}/dev-servers/${server}/operation/${operation}`;
  const hyperPath = (operation: string, hyper = HYPER) =>
    `/v1/${PROJECT}/dev-servers/hyperinstance/${hyper}/operation/${operation}`;
  const attach = (
    volume: unknown = VOLUME,
    server = SERVER,
    headers: Record<string, string> = {},
  ) =>
    send('attach', attachPath(server), {
      body: JSON.stringify({ volume_id: volume }),
      headers: { ...JSON_TYPE, ...headers },
    });
  const detach = (volume = VOLUME, server = SERVER, headers: Record<string, string> = {}) =>
    send('detach', detachPath(volume, server), { headers });
  const admin = (method: string, path: string, body?: unknown) =>
    ctx.admin().send(method, path, body);
  const statusAt = async (ms: number, operationId: string, server = SERVER) => {
    await ctx.admin().setClock(ctx.t0 + ms);
    return (await send('show', showPath(operationId, server))).body;
  };
  function expectError(answer: Answer, code: string, ...words: string[]) {
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe(code);
    for (const word of words) expect(answer.body.error_msg).toContain(word);
  }

  describe('AttachDevServerVolume', () => {
    it('starts a fresh operation: a UUID operation_id, pending, node_attach_volume', async () => {
      const first = await attach();
      const second = await attach();
      expect(first.status).toBe(200);
      expect(first.body.operation_id).toMatch(UUID15);
      expect(first.body).toEqual({
        operation_id: first.body.operation_id,
        operation_status: 'pending',
        operation_type: 'node_attach_volume',
      });
      expect(second.body.operation_id).not.toBe(first.body.operation_id);
      expect(first.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
    });
    it('accepts the SDK content type with its charset (decision content-type-charset)', async () => {
      expect(
        (await attach(VOLUME, SERVER, { 'content-type': 'application/json;charset=UTF-8' })).status,
      ).toBe(200);
    });
    it.each([
      ['version 1', '1e79eff7-c02b-1dfd-a0d6-0b2f3c4d5e6f'],
      ['version 5, variant b', '1e79eff7-c02b-5dfd-b0d6-0b2f3c4d5e6f'],
    ])('accepts a body volume_id of %s', async (_, volume) => {
      expect((await attach(volume)).status).toBe(200);
    });
    it.each([
      ['uppercase', VOLUME.toUpperCase(), 'pattern'],
      ['version 0', '1e79eff7-c02b-0dfd-a0d6-0b2f3c4d5e6f', 'pattern'],
      ['version 6', '1e79eff7-c02b-6dfd-a0d6-0b2f3c4d5e6f', 'pattern'],
      ['variant c', '1e79eff7-c02b-4dfd-c0d6-0b2f3c4d5e6f', 'pattern'],
      ['one digit too many', `${VOLUME}0`, 'pattern'],
      ['a surrounding character', `x${VOLUME}`, 'pattern'],
      ['a number', 42, 'string'],
    ])('rejects a body volume_id of %s with ModelArts.0104', async (_, volume, rule) => {
      expectError(await attach(volume), 'ModelArts.0104', 'request body', rule);
    });
    it('rejects a missing body, a body without volume_id, invalid JSON and a non-JSON type', async () => {
      expectError(await send('attach', attachPath()), 'ModelArts.0104', 'required');
      expectError(
        await send('attach', attachPath(), { body: '{}', headers: JSON_TYPE }),
        'ModelArts.0104',
        'volume_id',
      );
      expectError(
        await send('attach', attachPath(), { body: '{"volume_id":', headers: JSON_TYPE }),
        'ModelArts.0104',
        'not valid JSON',
      );
      expectError(
        await send('attach', attachPath(), {
          body: JSON.stringify({ volume_id: VOLUME }),
          headers: { 'content-type': 'text/plain' },
        }),
        'ModelArts.0104',
        'application/json',
      );
    });
    it('checks the path parameters like the GET', async () => {
      expectError(
        await attach(VOLUME, SERVER.toUpperCase()),
        'ModelArts.0104',
        "path parameter 'id'",
      );
      expectError(
        await send('attach', attachPath(SERVER, 'a'.repeat(65)), {
          body: JSON.stringify({ volume_id: VOLUME }),
          headers: JSON_TYPE,
        }),
        'ModelArts.0104',
        "path parameter 'project_id'",
      );
    });
    it('needs credentials, and accepts an AK/SK signature over the body', async () => {
      const subject = ctx.subject();
      const unsigned = await subject.fetch(`${subject.baseUrl}${attachPath()}`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ volume_id: VOLUME }),
      });
      expect(unsigned.status).toBe(401);
      expect((await unsigned.json()).error_code).toBe('APIGW.0301');
      const request = await signed(`${subject.baseUrl}${attachPath()}`, new Date(ctx.t0), {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ volume_id: VOLUME }),
      });
      expect((await subject.fetch(request)).status).toBe(200);
    });
    it('answers Prefer examples without starting anything', async () => {
      const inUse = await attach(VOLUME, SERVER, { prefer: 'example=volumeInUse' });
      expectError(inUse, 'ModelArts.7000', 'in use');
      const running = await attach(VOLUME, SERVER, { prefer: 'example=running' });
      expect(running.body.operation_status).toBe('running');
      expect((await send('show', showPath(running.body.operation_id))).body.operation_status).toBe(
        'pending',
      );
    });
    it('is unknown to other methods (404 APIGW.0101)', async () => {
      const subject = ctx.subject();
      const response = await subject.fetch(`${subject.baseUrl}${attachPath()}`, { headers: TOKEN });
      expect(response.status).toBe(404);
    });
  });

  describe('DetachDevServerVolume', () => {
    it('starts a node_detach_volume operation', async () => {
      const answer = await detach();
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        operation_id: expect.stringMatching(UUID15),
        operation_status: 'pending',
        operation_type: 'node_detach_volume',
      });
    });
    it.each([
      ['uppercase', VOLUME.toUpperCase()],
      ['version 0', '1e79eff7-c02b-0dfd-a0d6-0b2f3c4d5e6f'],
      ['extra characters around it (unanchored)', `vol-${VOLUME}-x`],
    ])('accepts the loose volume_id rule: %s', async (_, volume) => {
      expect((await detach(volume)).status).toBe(200);
    });
    it.each([
      ['not a UUID', 'not-a-uuid'],
      ['one digit short', VOLUME.slice(1)],
      ['no hyphens', VOLUME.replaceAll('-', '')],
      ['a non-hex digit', VOLUME.replace('c02b', 'c02g')],
    ])('rejects a volume_id that is %s', async (_, volume) => {
      expectError(await detach(volume), 'ModelArts.0104', "path parameter 'volume_id'", 'pattern');
    });
    it('needs credentials and is unknown to POST', async () => {
      const subject = ctx.subject();
      const url = `${subject.baseUrl}${detachPath()}`;
      expect((await subject.fetch(url, { method: 'DELETE' })).status).toBe(401);
      expect((await subject.fetch(url, { method: 'POST', headers: TOKEN })).status).toBe(404);
    });
    it('answers Prefer code=400 with the documented example', async () => {
      const answer = await detach(VOLUME, SERVER, { prefer: 'code=400, example=bmsServer' });
      expectError(answer, 'ModelArts.7000', 'BMS');
    });
  });

  describe('GetHyperinstanceOperation', () => {
    it('answers the example, reflecting the requested operation_id', async () => {
      const answer = await send('hyper', hyperPath('op-42'));
      expect(answer.status).toBe(200);
      expect(answer.body.operation_id).toBe('op-42');
    });
    it('checks the supernode id against the UUID rule', async () => {
      expectError(
        await send('hyper', hyperPath('op', HYPER.toUpperCase())),
        'ModelArts.0104',
        "'id'",
      );
    });
    it('reports a registered supernode operation, and not-found errors once a supernode is known', async () => {
      const created = await ctx.admin().createOperation({
        hyperinstanceId: HYPER,
        operationId: 'op-h',
        type: 'node_attach_volume',
        lifecycle: { runningAt: 10, finishedAt: 20, outcome: 'failed' },
      });
      expect(created.status).toBe(201);
      await ctx.admin().advanceClock(20);
      const answer = await send('hyper', hyperPath('op-h'));
      expect(answer.body).toMatchObject({
        operation_status: 'failed',
        operation_error: { code: 'ModelArts.7000' },
      });
      // The server GET does not see it: supernode and server operations are apart.
      expect((await send('show', showPath('op-h', HYPER))).body.operation_id).toBe('op-h');
      expectError(await send('hyper', hyperPath('op-h', OTHER_SERVER)), 'ModelArts.6404');
      expectError(await send('hyper', hyperPath('nope')), 'ModelArts.0102');
    });
  });

  describe('lifecycle', () => {
    it('the linked GET follows a started operation on the clock, at exact boundaries', async () => {
      const { operation_id } = (await attach()).body;
      const at = async (ms: number) => (await statusAt(ms, operation_id)).operation_status;
      expect(await at(0)).toBe('pending');
      expect(await at(999)).toBe('pending');
      expect(await at(1000)).toBe('running');
      expect(await at(4999)).toBe('running');
      expect(await at(5000)).toBe('success');
      expect(await statusAt(5000, operation_id)).toEqual({
        operation_id,
        operation_status: 'success',
        operation_type: 'node_attach_volume',
      });
    });
    it('takes default durations and outcome from the admin API', async () => {
      const set = await admin('PUT', 'lifecycle', {
        runningAfterMs: 10,
        finishedAfterMs: 20,
        outcome: 'failed',
      });
      expect(set.status).toBe(200);
      const { operation_id } = (await detach()).body;
      expect((await statusAt(10, operation_id)).operation_status).toBe('running');
      expect(await statusAt(20, operation_id)).toEqual({
        operation_id,
        operation_status: 'failed',
        operation_type: 'node_detach_volume',
        operation_error: { code: 'ModelArts.7000', message: 'Operation failed.' },
      });
    });
    it('scripts the next matching operation, then the default applies again', async () => {
      const error = { code: 'ModelArts.7001', message: 'Volume busy.' };
      const scripted = await admin('POST', 'scripts', {
        match: { type: 'node_detach_volume' },
        outcome: 'failed',
        error,
        finishedAfterMs: 100,
      });
      expect(scripted.status).toBe(201);
      const attached = (await attach()).body.operation_id;
      const failing = (await detach()).body.operation_id;
      const later = (await detach()).body.operation_id;
      expect((await statusAt(5000, attached)).operation_status).toBe('success');
      expect((await statusAt(100, failing)).operation_error).toEqual(error);
      expect((await statusAt(5000, later)).operation_status).toBe('success');
    });
    it('keeps a persistent script until cleared', async () => {
      await admin('POST', 'scripts', {
        persistent: true,
        outcome: 'failed',
        finishedAfterMs: 0,
        runningAfterMs: 0,
      });
      const a = (await attach()).body;
      const b = (await detach()).body;
      expect(a.operation_status).toBe('failed');
      expect(b.operation_status).toBe('failed');
      expect((await admin('DELETE', 'scripts')).status).toBe(204);
      expect((await attach()).body.operation_status).toBe('pending');
    });
    it.each([
      ['PUT', 'lifecycle', { outcome: 'maybe' }],
      ['PUT', 'lifecycle', { runningAfterMs: -1 }],
      ['POST', 'scripts', { error: { code: 'short' }, outcome: 'failed' }],
      ['POST', 'scripts', { times: 0 }],
      ['POST', 'volumes', { volumeId: VOLUME, attachedTo: 'not-a-server' }],
      ['POST', 'servers', { serverId: SERVER, status: '' }],
      ['POST', 'state', { servers: 'nope' }],
    ])('refuses a bad admin %s /%s', async (method, path, body) => {
      const response = await admin(method, path, body);
      expect(response.status).toBe(400);
      expect((await response.json()).error_code).toBe('STUB.BadRequest');
    });
  });

  describe('preconditions', () => {
    it('with servers registered: unknown server 400 ModelArts.6404, server not running or stopped 400 [G]', async () => {
      await ctx.admin().createServer(SERVER);
      expectError(await attach(VOLUME, OTHER_SERVER), 'ModelArts.6404');
      expectError(await detach(VOLUME, OTHER_SERVER), 'ModelArts.6404');
      await admin('POST', 'servers', { serverId: OTHER_SERVER, status: 'ERROR' });
      expectError(await attach(VOLUME, OTHER_SERVER), 'ModelArts.7000', 'running or stopped');
      await admin('POST', 'servers', { serverId: OTHER_SERVER, status: 'STOPPED' });
      expect((await attach(VOLUME, OTHER_SERVER)).status).toBe(200);
    });
    it('with volumes registered: unknown 0102, in use 7000, and attach/detach change them on success', async () => {
      await admin('POST', 'state', {
        servers: [{ serverId: SERVER }, { serverId: OTHER_SERVER }],
        volumes: [
          { volumeId: VOLUME },
          { volumeId: '2e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f', attachedTo: OTHER_SERVER },
        ],
      });
      expectError(await attach('3e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f'), 'ModelArts.0102');
      expectError(await attach('2e79eff7-c02b-4dfd-a0d6-0b2f3c4d5e6f'), 'ModelArts.7000', 'in use');
      expectError(await detach(VOLUME), 'ModelArts.7000', 'not attached');

      const started = (await attach()).body.operation_id;
      expectError(await attach(VOLUME, OTHER_SERVER), 'ModelArts.7000', 'in use');
      expectError(await detach(VOLUME), 'ModelArts.7000', 'not attached');
      expect((await statusAt(5000, started)).operation_status).toBe('success');
      const volumes = await (await admin('GET', 'volumes')).json();
      expect(volumes.volumes).toContainEqual({ volumeId: VOLUME, attachedTo: SERVER });
      expectError(await detach(VOLUME, OTHER_SERVER), 'ModelArts.7000', 'not attached');
      // Volume ids compare case-insensitively (decision volume-id-rules).
      expect((await detach(VOLUME.toUpperCase())).status).toBe(200);
    });
    it('leaves the volume free when the attach fails', async () => {
      await admin('POST', 'volumes', { volumeId: VOLUME });
      await admin('POST', 'scripts', { outcome: 'failed' });
      const failed = (await attach()).body.operation_id;
      expect((await statusAt(5000, failed)).operation_status).toBe('failed');
      expect((await attach()).status).toBe(200);
    });
    it('with nothing registered, every valid call succeeds and is followed', async () => {
      const a = (await attach(VOLUME, OTHER_SERVER)).body.operation_id;
      const d = (await detach(VOLUME, SERVER)).body.operation_id;
      expect((await statusAt(5000, a, OTHER_SERVER)).operation_status).toBe('success');
      expect((await statusAt(5000, d)).operation_status).toBe('success');
    });
  });

  describe('CORS', () => {
    it('answers a preflight and adds CORS headers to answers', async () => {
      const subject = ctx.subject();
      const preflight = await subject.fetch(`${subject.baseUrl}${attachPath()}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:3000',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-auth-token, prefer',
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('x-auth-token');
      const answer = await attach(VOLUME, SERVER, { origin: 'http://localhost:3000' });
      expect(answer.headers.get('access-control-allow-origin')).toBe('*');
      expect(answer.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
      const docs = await subject.fetch(`${subject.baseUrl}/openapi.json`);
      expect(docs.headers.get('access-control-allow-origin')).toBe('*');
      await docs.body?.cancel();
    });
    it('keeps an OPTIONS that is not a preflight an unknown method', async () => {
      const subject = ctx.subject();
      const response = await subject.fetch(`${subject.baseUrl}${attachPath()}`, {
        method: 'OPTIONS',
      });
      expect(response.status).toBe(404);
      await response.body?.cancel();
    });
  });

  describe('stateless answers', () => {
    it('reflect a path parameter named like a response property', async () => {
      expect((await send('show', showPath('op-7'))).body.operation_id).toBe('op-7');
    });
    it('keep the example when the reflected value would break the schema', async () => {
      const answer = await send('show', showPath('o'.repeat(37)));
      const example =
        spec.components.responses.OperationDetailsResponse.content['application/json'];
      expect(answer.body).toEqual(Object.values<any>(example.examples)[0].value);
    });
  });
}
