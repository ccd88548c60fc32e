// The contract suite, written once and run against every subject: what the ModelArts API accepts,
// rejects and answers, as the spec says. Every body received is checked by the spec oracle.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ACCESS_KEY } from '../../src/index.js';
import { verifyServer } from '../../src/verify/verify-server.js';
import { expectGatewayError, expectOperationAnswer, spec } from '../support/spec-oracle.js';
import {
  type ContractSubject,
  type SubjectAdmin,
  type SubjectFactory,
  signed,
} from '../support/subject.js';
import { defineOperationWorkflowTests } from './operation-workflow.js';

const PROJECT = '0123456789abcdef0123456789abcdef';
const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const OPERATION = '3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
const TOKEN = { 'x-auth-token': 'test-token' };
/** A whole second, so that X-Sdk-Date (second resolution) is exact. */
const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const SKEW = 15 * 60 * 1000;

function operationPath(project = PROJECT, server = SERVER, operation = OPERATION): string {
  return `/v1/${project}/dev-servers/${server}/operation/${operation}`;
}

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export function defineContractSuite(name: string, factory: SubjectFactory): void {
  describe(`contract: ${name}`, () => {
    let subject: ContractSubject;
    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(() => subject.close());
    beforeEach(async () => {
      await admin().reset();
      await subject.admin?.setClock(T0);
    });
    /** The subject's admin API; the state, fault and clock tests need one (a real endpoint has none). */
    function admin(): SubjectAdmin {
      if (subject.admin === undefined) throw new Error(`${subject.name} has no admin API`);
      return subject.admin;
    }

    /** Calls the API and checks the answer against the spec. */
    async function call(path: string, init: RequestInit = {}, target = subject): Promise<Answer> {
      const response = await target.fetch(`${target.baseUrl}${path}`, {
        ...init,
        headers: { ...TOKEN, ...(init.headers as Record<string, string>) },
      });
      return check(response);
    }
    async function check(response: Response): Promise<Answer> {
      const text = await response.text();
      const body = text === '' ? undefined : JSON.parse(text);
      if (response.status === 404) expectGatewayError(response.headers, body);
      else expectOperationAnswer(response.status, response.headers, body);
      return { status: response.status, headers: response.headers, body };
    }
    async function callAs(path: string, headers: Record<string, string>): Promise<Answer> {
      return check(await subject.fetch(`${subject.baseUrl}${path}`, { headers }));
    }
    function expectParameterError(answer: Answer, ...words: string[]): void {
      expect(answer.status).toBe(400);
      expect(answer.body.error_code).toBe('ModelArts.0104');
      for (const word of words) expect(answer.body.error_msg).toContain(word);
    }

    describe('path and header parameters', () => {
      it.each([
        ['1 character', 'a'],
        ['64 characters', 'a'.repeat(64)],
        ['letters, digits and hyphens', 'Ab-09-zZ'],
      ])('accepts a project_id of %s', async (_, project) => {
        expect((await call(operationPath(project))).status).toBe(200);
      });
      it.each([
        ['65 characters', 'a'.repeat(65), 'at most 64'],
        ['an underscore', 'ab_c', 'pattern'],
        ['a dot', 'ab.c', 'pattern'],
        ['an encoded space', 'ab%20c', 'pattern'],
        ['unicode', '%E4%BD%A0%E5%A5%BD', 'pattern'],
      ])('rejects a project_id with %s', async (_, project, rule) => {
        expectParameterError(
          await call(operationPath(project)),
          "path parameter 'project_id'",
          rule,
        );
      });

      it.each([
        ['version 1', '6f1c2d3e-4b5a-1c6d-8e7f-9a0b1c2d3e4f'],
        ['version 5', '6f1c2d3e-4b5a-5c6d-8e7f-9a0b1c2d3e4f'],
        ['variant 8', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'],
        ['variant b', '6f1c2d3e-4b5a-4c6d-be7f-9a0b1c2d3e4f'],
      ])('accepts a server id of %s', async (_, server) => {
        expect((await call(operationPath(PROJECT, server))).status).toBe(200);
      });
      it.each([
        ['version 0', '6f1c2d3e-4b5a-0c6d-8e7f-9a0b1c2d3e4f'],
        ['version 6', '6f1c2d3e-4b5a-6c6d-8e7f-9a0b1c2d3e4f'],
        ['variant 7', '6f1c2d3e-4b5a-4c6d-7e7f-9a0b1c2d3e4f'],
        ['variant c', '6f1c2d3e-4b5a-4c6d-ce7f-9a0b1c2d3e4f'],
        ['uppercase', '6F1C2D3E-4B5A-4C6D-8E7F-9A0B1C2D3E4F'],
        ['no hyphens', '6f1c2d3e4b5a4c6d8e7f9a0b1c2d3e4f'],
        ['one digit too many', '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f0'],
        ['a huge value', 'a'.repeat(5000)],
      ])('rejects a server id of %s, naming the pattern', async (_, server) => {
        const answer = await call(operationPath(PROJECT, server));
        expectParameterError(answer, "path parameter 'id'", spec.components.schemas.Uuid15.pattern);
      });

      it.each([
        ['one character', 'x'],
        ['not a UUID', 'UUID'],
        ['unicode', '%E6%93%8D%E4%BD%9C'],
        ['malformed percent-encoding', '%E0%A4%A'],
        ['a huge value', 'o'.repeat(5000)],
      ])('accepts any non-empty operation_id: %s', async (_, operation) => {
        expect((await call(operationPath(PROJECT, SERVER, operation))).status).toBe(200);
      });
      it('answers an empty operation_id with the unknown-API 404', async () => {
        const answer = await call(operationPath(PROJECT, SERVER, ''));
        expect(answer.status).toBe(404);
        expect(answer.body.error_code).toBe('APIGW.0101');
      });

      it('accepts a valid X-Project-Id and rejects one of 65 characters or bad characters', async () => {
        expect(
          (await call(operationPath(), { headers: { 'X-Project-Id': 'a'.repeat(64) } })).status,
        ).toBe(200);
        expectParameterError(
          await call(operationPath(), { headers: { 'X-Project-Id': 'a'.repeat(65) } }),
          "header parameter 'X-Project-Id'",
        );
        expectParameterError(
          await call(operationPath(), { headers: { 'X-Project-Id': 'no spaces' } }),
          "header parameter 'X-Project-Id'",
          'pattern',
        );
      });
      it('ignores query parameters the spec does not declare, as API Gateway does', async () => {
        expect((await call(`${operationPath()}?verbose=1&%zz=%`)).status).toBe(200);
      });
    });

    describe('gateway order and unknown APIs', () => {
      it.each([
        ['an unknown path', 'GET', '/v1/p/dev-servers'],
        ['an unknown version', 'GET', operationPath().replace('/v1/', '/v2/')],
        ['a trailing segment', 'GET', `${operationPath()}/more`],
        ['another method', 'POST', operationPath()],
        ['DELETE', 'DELETE', operationPath()],
        ['HEAD', 'HEAD', operationPath()],
      ])('answers %s with 404 APIGW.0101', async (_, method, path) => {
        const response = await subject.fetch(`${subject.baseUrl}${path}`, {
          method,
          headers: TOKEN,
        });
        expect(response.status).toBe(404);
        const requestId = response.headers.get('x-request-id');
        expect(requestId).toBeTruthy();
        if (method !== 'HEAD') {
          const body = await response.json();
          expectGatewayError(response.headers, body);
          expect(body).toEqual({
            error_code: 'APIGW.0101',
            error_msg: 'The API does not exist or has not been published in the environment',
            request_id: requestId,
          });
        }
      });
      it('checks the path before credentials, and credentials before parameters', async () => {
        expect((await callAs('/v1/p/unknown', {})).status).toBe(404);
        expect((await callAs(operationPath('bad_project'), {})).status).toBe(401);
        expect((await callAs(operationPath('bad_project'), TOKEN)).status).toBe(400);
      });
    });

    describe('authentication', () => {
      it('rejects a request without credentials with 401 APIGW.0301', async () => {
        const answer = await callAs(operationPath(), {});
        expect(answer.status).toBe(401);
        expect(answer.body.error_code).toBe('APIGW.0301');
        expect(answer.body.error_msg).toBe(
          'Incorrect IAM authentication information: x-auth-token not found',
        );
        expect(answer.body.request_id).toBe(answer.headers.get('x-request-id'));
      });
      it('rejects an empty token', async () => {
        expect((await callAs(operationPath(), { 'x-auth-token': '' })).status).toBe(401);
      });
      it('accepts any non-empty token by default', async () => {
        expect((await callAs(operationPath(), { 'x-auth-token': 'anything' })).status).toBe(200);
      });
      it('accepts only listed tokens when given a token list', async () => {
        const listed = await factory({ tokens: ['good'] });
        try {
          const ok = await check(
            await listed.fetch(`${listed.baseUrl}${operationPath()}`, {
              headers: { 'x-auth-token': 'good' },
            }),
          );
          expect(ok.status).toBe(200);
          const bad = await check(
            await listed.fetch(`${listed.baseUrl}${operationPath()}`, {
              headers: { 'x-auth-token': 'bad' },
            }),
          );
          expect(bad.status).toBe(401);
          expect(bad.body.error_code).toBe('APIGW.0301');
        } finally {
          await listed.close();
        }
      });

      async function sendSigned(
        date: Date,
        credentials?: { accessKeyId: string; secretAccessKey: string },
      ) {
        const request = await signed(`${subject.baseUrl}${operationPath()}`, date, {}, credentials);
        return check(await subject.fetch(request));
      }
      it('accepts a request signed with the default test key pair', async () => {
        expect((await sendSigned(new Date(T0))).status).toBe(200);
      });
      it('rejects a bad signature', async () => {
        const request = await signed(`${subject.baseUrl}${operationPath()}`, new Date(T0));
        const headers = new Headers(request.headers);
        const authorization = headers.get('authorization') as string;
        headers.set(
          'authorization',
          authorization.replace(
            /Signature=([0-9a-f])/,
            (_, c) => `Signature=${c === '0' ? '1' : '0'}`,
          ),
        );
        const answer = await check(await subject.fetch(request.url, { headers }));
        expect(answer.status).toBe(401);
        expect(answer.body.error_msg).toContain('verify aksk signature fail');
      });
      it('rejects an unknown access key', async () => {
        const answer = await sendSigned(new Date(T0), {
          accessKeyId: 'UNKNOWNAK0000000000',
          secretAccessKey: 'x',
        });
        expect(answer.status).toBe(401);
        expect(answer.body.error_msg).toContain('verify aksk signature fail');
        expect(answer.body.error_msg).toContain('UNKNOWNAK0000000000');
      });
      it.each([
        ['exactly 15 minutes behind', -SKEW, 200],
        ['exactly 15 minutes ahead', SKEW, 200],
        ['15 minutes and 1 s behind', -SKEW - 1000, 401],
        ['15 minutes and 1 s ahead', SKEW + 1000, 401],
      ])('applies the date skew rule with the stub clock: %s', async (_, offset, status) => {
        const answer = await sendSigned(new Date(T0 + offset));
        expect(answer.status).toBe(status);
        if (status === 401) expect(answer.body.error_msg).toContain('verify aksk signature fail');
      });
    });

    describe('X-Request-Id', () => {
      it('is on every response, API or not, and unique', async () => {
        const paths = ['/openapi.json', '/docs', '/__stub/operations', operationPath(), '/nowhere'];
        const ids = new Set<string>();
        for (const path of paths) {
          const response = await subject.fetch(`${subject.baseUrl}${path}`, { headers: TOKEN });
          await response.body?.cancel();
          const id = response.headers.get('x-request-id');
          expect(id, path).toMatch(/^[0-9a-f]{32}$/);
          ids.add(id as string);
        }
        expect(ids.size).toBe(paths.length);
      });
    });

    describe('Prefer', () => {
      it('answers the first 200 example by default', async () => {
        const answer = await call(operationPath());
        const media =
          spec.components.responses.OperationDetailsResponse.content['application/json'];
        expect(answer.body).toEqual(Object.values<any>(media.examples)[0].value);
      });
      it('code=400 answers the 400 example', async () => {
        const answer = await call(operationPath(), { headers: { prefer: 'code=400' } });
        expect(answer.status).toBe(400);
        expect(answer.body.error_code).toBe('ModelArts.0104');
      });
      it('example=failed answers that example', async () => {
        const answer = await call(operationPath(), { headers: { prefer: 'example=failed' } });
        expect(answer.status).toBe(200);
        expect(answer.body.operation_status).toBe('failed');
        expect(answer.body.operation_error.code).toBe('ModelArts.7000');
      });
      it('combines code and example, and gives gateway bodies this request id', async () => {
        const answer = await call(operationPath(), {
          headers: { prefer: 'code=400, example=serverNotFound' },
        });
        expect(answer.body).toEqual({
          error_code: 'ModelArts.6404',
          error_msg: 'DevServer does not exist.',
        });
        const unauthorized = await call(operationPath(), { headers: { prefer: 'code=401' } });
        expect(unauthorized.status).toBe(401);
        expect(unauthorized.body.request_id).toBe(unauthorized.headers.get('x-request-id'));
      });
      it('dynamic=true generates valid data, the same for the same request', async () => {
        const first = await call(operationPath(), { headers: { prefer: 'dynamic=true' } });
        const again = await call(operationPath(), { headers: { prefer: 'dynamic=true' } });
        const other = await call(operationPath(PROJECT, SERVER, 'other'), {
          headers: { prefer: 'dynamic=true' },
        });
        expect(first.status).toBe(200);
        expect(again.body).toEqual(first.body);
        expect(other.body).not.toEqual(first.body);
      });
      it('answers an impossible preference with 400 STUB.Prefer', async () => {
        const status = await call(operationPath(), { headers: { prefer: 'code=503' } });
        expect(status.status).toBe(400);
        expect(status.body.error_code).toBe('STUB.Prefer');
        expect(status.body.error_msg).toContain('503');
        const example = await call(operationPath(), { headers: { prefer: 'example=nope' } });
        expect(example.body.error_code).toBe('STUB.Prefer');
        expect(example.body.error_msg).toContain('nope');
      });
      it('still checks credentials and parameters first', async () => {
        expect((await callAs(operationPath(), { prefer: 'code=200' })).status).toBe(401);
        expect((await call(operationPath('x_y'), { headers: { prefer: 'code=200' } })).status).toBe(
          400,
        );
      });
    });

    describe('state', () => {
      const timeline = [
        { status: 'pending', at: 0 },
        { status: 'running', at: 1000 },
        { status: 'success', at: 5000 },
      ];
      it('reports the timeline at exact clock boundaries', async () => {
        const created = await admin().createOperation({
          serverId: SERVER,
          operationId: OPERATION,
          type: 'node_attach_volume',
          timeline,
        });
        expect(created.status).toBe(201);
        const statusAt = async (ms: number) => {
          await admin().setClock(T0 + ms);
          return (await call(operationPath())).body.operation_status;
        };
        expect(await statusAt(0)).toBe('pending');
        expect(await statusAt(999)).toBe('pending');
        expect(await statusAt(1000)).toBe('running');
        expect(await statusAt(4999)).toBe('running');
        expect(await statusAt(5000)).toBe('success');
        expect(await statusAt(99_999)).toBe('success');
      });
      it('reports a failed operation with its operation_error', async () => {
        await admin().createOperation({
          serverId: SERVER,
          operationId: OPERATION,
          projectId: PROJECT,
          type: 'node_detach_volume',
          lifecycle: {
            runningAt: 10,
            finishedAt: 20,
            outcome: 'failed',
            error: { code: 'ModelArts.7000', message: 'BMS does not support detach.' },
          },
        });
        await admin().advanceClock(20);
        const answer = await call(operationPath());
        expect(answer.body).toEqual({
          operation_id: OPERATION,
          operation_status: 'failed',
          operation_type: 'node_detach_volume',
          operation_error: { code: 'ModelArts.7000', message: 'BMS does not support detach.' },
        });
      });
      it('answers unknown servers and operations once the state knows a server', async () => {
        await admin().createServer(SERVER);
        const unknownOperation = await call(operationPath());
        expect(unknownOperation.status).toBe(400);
        expect(unknownOperation.body).toEqual({
          error_code: 'ModelArts.0102',
          error_msg: 'The resource does not exist.',
        });
        const unknownServer = await call(
          operationPath(PROJECT, '11111111-2222-4333-8444-555555555555'),
        );
        expect(unknownServer.status).toBe(400);
        expect(unknownServer.body).toEqual({
          error_code: 'ModelArts.6404',
          error_msg: 'DevServer does not exist.',
        });
      });
      it('scopes an operation with a projectId to that project', async () => {
        await admin().createOperation({
          serverId: SERVER,
          operationId: OPERATION,
          projectId: PROJECT,
          type: 'node_attach_volume',
          timeline,
        });
        expect((await call(operationPath())).status).toBe(200);
        expect((await call(operationPath('other-project'))).body.error_code).toBe('ModelArts.6404');
      });
      it('lets Prefer take precedence over the state', async () => {
        await admin().createOperation({
          serverId: SERVER,
          operationId: OPERATION,
          type: 'node_attach_volume',
          timeline,
        });
        const answer = await call(operationPath(), { headers: { prefer: 'example=running' } });
        expect(answer.body.operation_type).toBe('node_detach_volume');
      });
      it('forgets everything on reset and answers examples again', async () => {
        await admin().createServer(SERVER);
        await admin().reset();
        expect((await call(operationPath(PROJECT, SERVER, 'whatever'))).status).toBe(200);
      });
      it('rejects state the spec does not allow on the admin API', async () => {
        const bad = [
          {
            serverId: SERVER,
            type: 'node_attach_volume',
            timeline: [{ status: 'failed', at: 0, error: { code: 'short', message: 'x' } }],
          },
          { serverId: 'not-a-uuid', type: 'node_attach_volume', timeline },
          { serverId: SERVER, type: '', timeline },
          { serverId: SERVER, type: 'node_attach_volume', timeline: [] },
          {
            serverId: SERVER,
            type: 'node_attach_volume',
            timeline: [{ status: 'x'.repeat(37), at: 0 }],
          },
        ];
        for (const input of bad) {
          const response = await admin().createOperation(input);
          expect(response.status, JSON.stringify(input)).toBe(400);
          expect((await response.json()).error_msg).toMatch(/invalid operation/);
        }
      });
    });

    describe('faults and latency', () => {
      it('answers the configured status with its spec example', async () => {
        expect((await admin().setFaults({ rate: 1, status: 429 })).status).toBe(200);
        const answer = await call(operationPath());
        expect(answer.status).toBe(429);
        expect(answer.body.error_code).toBe('APIGW.0308');
      });
      it('refuses a fault status the spec does not declare', async () => {
        expect((await admin().setFaults({ rate: 1, status: 503 })).status).toBe(400);
      });
      it('drops the connection', async () => {
        await admin().setFaults({ rate: 1, drop: true });
        await expect(
          subject.fetch(`${subject.baseUrl}${operationPath()}`, { headers: TOKEN }),
        ).rejects.toBeInstanceOf(TypeError);
      });
      it('affects about the configured share of requests', async () => {
        await admin().setFaults({ rate: 0.5, status: 500 });
        let faults = 0;
        for (let i = 0; i < 40; i++) if ((await call(operationPath())).status === 500) faults++;
        expect(faults).toBeGreaterThan(5);
        expect(faults).toBeLessThan(35);
      });
      it('adds latency', async () => {
        await admin().setLatency({ min: 120, max: 150 });
        const started = performance.now();
        await call(operationPath());
        expect(performance.now() - started).toBeGreaterThanOrEqual(110);
      });
    });

    defineOperationWorkflowTests({ subject: () => subject, admin, t0: T0 });
    describe('verification', () => {
      it.each([
        ['a token', { token: 'test-token' }],
        ['AK/SK', { accessKey: DEFAULT_ACCESS_KEY }],
      ])(
        'verify --unsafe finds no violation with %s: every operation answers as the spec says',
        async (_, credentials) => {
          await admin().send('POST', 'clock', { set: Date.now() });
          const answered = new Set<string>();
          const report = await verifyServer({
            baseUrl: subject.baseUrl,
            fetch: (request) => subject.fetch(request),
            ...credentials,
            unsafe: true,
            rate: 10_000,
            onProgress: (event) => {
              if (event.status === 200) answered.add(event.method);
            },
          });
          expect(report.violations).toEqual([]);
          expect(report.skipped).toEqual([]);
          expect([...answered].sort()).toEqual(['DELETE', 'GET', 'POST']);
          expect(report.checks.negative_data_rejection.passed).toBeGreaterThan(0);
        },
      );
      it('journals the API requests it answered, credentials redacted', async () => {
        admin();
        await call(operationPath(), { headers: { 'x-auth-token': 'journal-token' } });
        const response = await admin().send('GET', 'requests');
        const { requests } = await response.json();
        expect(requests).toEqual([
          expect.objectContaining({
            method: 'GET',
            path: operationPath(),
            operationId: 'ShowServerOperation',
            status: 200,
            headers: expect.objectContaining({ 'x-auth-token': '[REDACTED]' }),
          }),
        ]);
      });
    });

    describe('/openapi.json', () => {
      it('serves the bundled spec', async () => {
        const response = await subject.fetch(`${subject.baseUrl}/openapi.json`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toContain('application/json');
        expect(await response.json()).toEqual(spec);
      });
    });
  });
}
