import { describe, expect, it } from 'vitest';
import { compileInline, deref, spec, validatorFor } from './spec-validator.js';

const path = spec.paths['/v1/{project_id}/dev-servers/{id}/operation/{operation_id}'];

function paramSchema(name: string): object {
  const all = [...path.parameters, ...path.get.parameters].map(deref);
  const param = all.find((p) => p.name === name);
  if (!param) throw new Error(`no parameter ${name}`);
  return param.schema;
}

function check(schema: object, accepted: unknown[], rejected: unknown[]) {
  const validate = compileInline(schema);
  for (const value of accepted)
    expect(validate(value), `accepts ${JSON.stringify(value)}`).toBe(true);
  for (const value of rejected)
    expect(validate(value), `rejects ${JSON.stringify(value)}`).toBe(false);
}

const uuid = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('path parameters', () => {
  it('project_id: 1 to 64 letters, digits and hyphens', () => {
    check(
      paramSchema('project_id'),
      ['a', '0123456789abcdef0123456789abcdef', 'A-b-9', 'x'.repeat(64)],
      ['', 'x'.repeat(65), 'abc_def', 'abc def', 'abc.def', 'abc/def', '项目', 'abc\n'],
    );
  });

  it('id: the documented UUID pattern exactly', () => {
    const versions = ['1', '2', '3', '4', '5'].map(
      (v) => `6f1c2d3e-4b5a-${v}c6d-8e7f-9a0b1c2d3e4f`,
    );
    const variants = ['8', '9', 'a', 'b'].map((v) => `6f1c2d3e-4b5a-4c6d-${v}e7f-9a0b1c2d3e4f`);
    check(
      paramSchema('id'),
      [uuid, ...versions, ...variants],
      [
        '',
        uuid.toUpperCase(),
        uuid.replace('4c6d', '6c6d'),
        uuid.replace('4c6d', '0c6d'),
        uuid.replace('8e7f', 'ce7f'),
        uuid.replaceAll('-', ''),
        `${uuid}0`,
        `0${uuid}`,
        `${uuid}\n`,
        `{${uuid}}`,
      ],
    );
  });

  it('hyperinstance id: the same UUID pattern as a server id', () => {
    const hyper =
      spec.paths['/v1/{project_id}/dev-servers/hyperinstance/{id}/operation/{operation_id}'];
    const id = [...hyper.parameters].map(deref).find((p: any) => p.name === 'id');
    check(id.schema, [uuid], ['', uuid.toUpperCase(), uuid.replace('4c6d', '6c6d'), `${uuid}0`]);
  });

  it('detach volume_id: the loose rule, unanchored and mixed case (decision volume-id-rules)', () => {
    const detach = spec.paths['/v1/{project_id}/dev-servers/{id}/detachvolume/{volume_id}'];
    const volume = [...detach.parameters].map(deref).find((p: any) => p.name === 'volume_id');
    check(
      volume.schema,
      [
        uuid,
        uuid.toUpperCase(),
        uuid.replace('4c6d', '0c6d'),
        `x${uuid}y`,
        'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
      ],
      ['', 'not-a-uuid', uuid.slice(1), uuid.replaceAll('-', ''), uuid.replace('4c6d', '4g6d')],
    );
  });

  it('operation_id: any non-empty string (documented without constraints)', () => {
    check(paramSchema('operation_id'), ['op-0001', 'UUID', uuid, 'x'.repeat(200), 'a'], ['']);
  });

  it('X-Project-Id header: optional, same format as project_id', () => {
    const all = path.get.parameters.map(deref);
    const header = all.find((p: any) => p.name === 'X-Project-Id');
    expect(header).toMatchObject({ in: 'header', required: false });
    check(header.schema, ['0123456789abcdef0123456789abcdef'], ['', 'a b', 'x'.repeat(65)]);
  });
});

describe('OperationDetails', () => {
  const validate = validatorFor('#/components/schemas/OperationDetails');
  const base = {
    operation_id: uuid,
    operation_status: 'running',
    operation_type: 'node_detach_volume',
  };

  it('accepts the documented statuses and unknown ones (open set)', () => {
    for (const status of ['pending', 'running', 'success', 'failed', 'rolling_back']) {
      expect(validate({ ...base, operation_status: status })).toBe(true);
    }
  });

  it('enforces the upper bound of 36 characters and relaxes the lower bound', () => {
    for (const field of ['operation_id', 'operation_status', 'operation_type']) {
      expect(validate({ ...base, [field]: 'x'.repeat(36) }), `${field} 36`).toBe(true);
      expect(validate({ ...base, [field]: 'x'.repeat(37) }), `${field} 37`).toBe(false);
      expect(validate({ ...base, [field]: 'x' }), `${field} 1`).toBe(true);
      expect(validate({ ...base, [field]: '' }), `${field} empty`).toBe(false);
      expect(validate({ ...base, [field]: 7 }), `${field} number`).toBe(false);
    }
  });

  it('requires id, status and type; operation_error is optional', () => {
    expect(validate(base)).toBe(true);
    for (const field of Object.keys(base)) {
      const { [field]: _, ...rest } = base as Record<string, string>;
      expect(validate(rest), `without ${field}`).toBe(false);
    }
  });

  it('allows fields beyond the response table (decision function-text-fields)', () => {
    expect(validate({ ...base, start_time: '2026-01-30T00:00:00Z' })).toBe(true);
  });

  it('checks operation_error against ServerOperationError', () => {
    expect(
      validate({ ...base, operation_error: { code: 'ModelArts.7000', message: 'boom' } }),
    ).toBe(true);
    expect(validate({ ...base, operation_error: { code: 'short', message: 'boom' } })).toBe(false);
    expect(validate({ ...base, operation_error: 'boom' })).toBe(false);
  });
});

describe('AttachDevServerVolume', () => {
  it('body: volume_id is required and follows the anchored UUID15 rule', () => {
    const validate = validatorFor('#/components/schemas/AttachServerVolumeRequest');
    expect(validate({ volume_id: uuid })).toBe(true);
    for (const bad of [
      {},
      { volume_id: uuid.toUpperCase() },
      { volume_id: `${uuid}0` },
      { volume_id: uuid.replace('4c6d', '6c6d') },
      { volume_id: 7 },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('200: operation_id is a UUID15 (decision operation-id-format), status and type as for the GET', () => {
    const validate = validatorFor('#/components/schemas/AttachDevServerVolumeResponse');
    const body = {
      operation_id: uuid,
      operation_status: 'pending',
      operation_type: 'node_attach_volume',
    };
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, operation_id: 'UUID' })).toBe(false);
    expect(validate({ ...body, operation_status: 'x'.repeat(37) })).toBe(false);
    for (const field of Object.keys(body)) {
      const { [field]: _, ...rest } = body as Record<string, string>;
      expect(validate(rest), `without ${field}`).toBe(false);
    }
  });
});

describe('ServerOperationError', () => {
  const validate = validatorFor('#/components/schemas/ServerOperationError');

  it('code: 8 to 36 characters', () => {
    for (const [code, ok] of [
      ['x'.repeat(7), false],
      ['x'.repeat(8), true],
      ['x'.repeat(36), true],
      ['x'.repeat(37), false],
    ] as const) {
      expect(validate({ code, message: 'ok' }), `code length ${code.length}`).toBe(ok);
    }
  });

  it('message: 2 to 512 characters', () => {
    for (const [length, ok] of [
      [1, false],
      [2, true],
      [512, true],
      [513, false],
    ] as const) {
      expect(
        validate({ code: 'ModelArts.7000', message: 'm'.repeat(length) }),
        `length ${length}`,
      ).toBe(ok);
    }
  });
});

describe('error bodies', () => {
  it('ErrorBody needs error_code and error_msg', () => {
    const validate = validatorFor('#/components/schemas/ErrorBody');
    expect(validate({ error_code: 'ModelArts.0104', error_msg: 'Parameter error.' })).toBe(true);
    expect(validate({ error_code: 'ModelArts.0104' })).toBe(false);
    expect(validate({ error_msg: 'Parameter error.' })).toBe(false);
  });

  it('400, 403, 429 and 500 accept a plain ModelArts body; 401 and 404 need request_id', () => {
    const plain = { error_code: 'ModelArts.81101', error_msg: 'Too many requests.' };
    for (const name of [
      'BadRequest',
      'VolumeBadRequest',
      'Forbidden',
      'TooManyRequests',
      'InternalServerError',
    ]) {
      const schema = spec.components.responses[name].content['application/json'].schema;
      expect(compileInline(schema)(plain), name).toBe(true);
    }
    for (const name of ['Unauthorized', 'NotFound']) {
      const schema = spec.components.responses[name].content['application/json'].schema;
      expect(compileInline(schema)(plain), name).toBe(false);
    }
  });

  it('GatewayErrorBody also needs request_id and an APIGW/APIG code', () => {
    const validate = validatorFor('#/components/schemas/GatewayErrorBody');
    const body = {
      error_code: 'APIGW.0301',
      error_msg: 'Incorrect IAM authentication information',
      request_id: 'r',
    };
    expect(validate(body)).toBe(true);
    expect(validate({ ...body, error_code: 'APIG.0308' })).toBe(true);
    expect(validate({ ...body, request_id: undefined })).toBe(false);
    expect(validate({ ...body, error_code: 'ModelArts.0104' })).toBe(false);
  });
});

describe('document', () => {
  it('records every decision with a reason', () => {
    const decisions = spec.info['x-modelarts-decisions'] as Array<Record<string, string>>;
    const ids = decisions.map((d) => d.id);
    expect(ids).toEqual(
      expect.arrayContaining(['status-length', 'function-text-fields', 'not-found-status']),
    );
    for (const d of decisions) expect(d.reason?.length, d.id).toBeGreaterThan(40);
  });

  it('records the gateway, admin and verify decisions the stub relies on', () => {
    const decisions = spec.info['x-modelarts-decisions'] as Array<Record<string, string>>;
    expect(decisions.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'gateway-uri-limit',
        'gateway-header-limit',
        'gateway-body-limit',
        'gateway-bad-request',
        'gateway-timeout',
        'connect-method',
        'gateway-statuses-undeclared',
        'admin-guard',
        'verify-response-headers',
      ]),
    );
    const text = (id: string) => JSON.stringify(decisions.find((d) => d.id === id));
    expect(text('gateway-uri-limit')).toMatch(/414.*APIG\.0201/);
    expect(text('gateway-header-limit')).toMatch(/494.*APIG\.0201/);
    expect(text('gateway-body-limit')).toMatch(/413.*APIGW\.0201/);
    expect(text('gateway-timeout')).toMatch(/408.*APIGW\.0201/);
    expect(text('connect-method')).toMatch(/404.*APIGW\.0101/);
    expect(text('admin-guard')).toMatch(/401.*STUB\.Unauthorized/);
  });

  it('declares both auth schemes and the region servers, ap-southeast-1 apart', () => {
    expect(spec.components.securitySchemes.token).toMatchObject({
      in: 'header',
      name: 'X-Auth-Token',
    });
    expect(spec.components.securitySchemes.aksk.description).toContain('X-Sdk-Date');
    const [regional, exception] = spec.servers;
    expect(regional.url).toBe('https://modelarts.{region}.myhuaweicloud.com');
    expect(regional.variables.region.enum).not.toContain('ap-southeast-1');
    expect(exception.url).toBe('https://modelarts.ap-southeast-1.myhuaweicloud.cn');
  });

  it('declares X-Request-Id on every response of every operation', () => {
    for (const [p, item] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        if (method === 'parameters') continue;
        for (const [status, response] of Object.entries<any>(op.responses)) {
          expect(
            deref(response).headers?.['X-Request-Id'],
            `${method} ${p} ${status}`,
          ).toBeDefined();
        }
      }
    }
  });

  it('references only recorded decisions', () => {
    const ids = new Set(spec.info['x-modelarts-decisions'].map((d: { id: string }) => d.id));
    const used = [...JSON.stringify(spec).matchAll(/"x-modelarts-decision":"([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(ids.has(id), id).toBe(true);
  });
});
