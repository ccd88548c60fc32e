// An independent oracle: the bundled spec compiled with plain Ajv in the test process, not the
// stub's generated validators, so that a bug in the generator cannot hide itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
export const SPEC_PATH = require.resolve('@modelarts-lite/spec/openapi.json');
export const spec: any = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
export const OPERATION_PATH = '/v1/{project_id}/dev-servers/{id}/operation/{operation_id}';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(spec, 'spec.json');

function escapeToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

function deref(node: any, pointer: string): { node: any; pointer: string } {
  let current = node;
  let at = pointer;
  while (current?.$ref) {
    at = current.$ref;
    current = at
      .slice(2)
      .split('/')
      .reduce((n: any, t: string) => n[t.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return { node: current, pointer: at };
}

const cache = new Map<string, ReturnType<typeof ajv.compile>>();
function validatorAt(pointer: string) {
  let validate = cache.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `spec.json${pointer}` });
    cache.set(pointer, validate);
  }
  return validate;
}

/** Asserts that a ShowServerOperation answer is one the spec allows: status, body, X-Request-Id. */
export function expectOperationAnswer(status: number, headers: Headers, body: unknown): void {
  expectAnswerOf('get', OPERATION_PATH, status, headers, body);
}

/** Asserts that an answer of the operation at `method path` is one the spec allows. */
export function expectAnswerOf(
  method: string,
  path: string,
  status: number,
  headers: Headers,
  body: unknown,
): void {
  const responses = spec.paths[path][method].responses;
  const raw = responses[String(status)];
  expect(raw, `${method} ${path}: status ${status} is declared`).toBeDefined();
  const { node, pointer } = deref(
    raw,
    `#/paths/${escapeToken(path)}/${method}/responses/${status}`,
  );
  const validate = validatorAt(`${pointer}/content/application~1json/schema`);
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  expect(node.headers['X-Request-Id']).toBeDefined();
  const requestId = headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  if (body && typeof body === 'object' && 'request_id' in body) {
    expect((body as { request_id: string }).request_id).toBe(requestId);
  }
}

/** Asserts a body is a gateway error body of the spec (what a 404 APIGW.0101 carries). */
export function expectGatewayError(headers: Headers, body: unknown): void {
  const validate = validatorAt('#/components/schemas/GatewayErrorBody');
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  expect((body as { request_id: string }).request_id).toBe(headers.get('x-request-id'));
}
