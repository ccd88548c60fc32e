import { describe, expect, it } from 'vitest';
import { compileInline, deref, spec } from './spec-validator.js';

type Example = { where: string; schema: object; value: unknown };

/** Every example in the document, with the schema it must satisfy. */
function collectExamples(): Example[] {
  const found: Example[] = [];
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      if (method === 'parameters') continue;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
      for (const param of params) {
        if ('example' in param) {
          found.push({
            where: `${path} ${param.in} ${param.name}`,
            schema: param.schema,
            value: param.example,
          });
        }
      }
      for (const [status, response] of Object.entries<any>(op.responses)) {
        const resolved = deref(response);
        for (const [mediaType, media] of Object.entries<any>(resolved.content ?? {})) {
          for (const [name, example] of Object.entries<any>(media.examples ?? {})) {
            found.push({
              where: `${method.toUpperCase()} ${path} ${status} ${mediaType} ${name}`,
              schema: media.schema,
              value: deref(example).value,
            });
          }
        }
        for (const [name, header] of Object.entries<any>(resolved.headers ?? {})) {
          const h = deref(header);
          if ('example' in h)
            found.push({ where: `${status} header ${name}`, schema: h.schema, value: h.example });
        }
      }
    }
  }
  for (const [name, schema] of Object.entries<any>(spec.components.schemas)) {
    for (const [i, value] of (schema.examples ?? []).entries()) {
      found.push({ where: `schema ${name} example ${i}`, schema, value });
    }
  }
  return found;
}

const examples = collectExamples();

describe('examples', () => {
  it('finds the examples of every documented response', () => {
    const statuses = new Set(examples.map((e) => e.where.split(' ')[2]));
    expect([...statuses].filter((s) => /^\d{3}$/.test(s ?? '')).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
    ]);
  });

  it.each(examples.map((e) => [e.where, e] as const))('%s validates against its schema', (_, e) => {
    const validate = compileInline(e.schema);
    const ok = validate(e.value);
    expect(validate.errors ?? [], JSON.stringify(e.value)).toEqual([]);
    expect(ok).toBe(true);
  });
});

describe('200 examples', () => {
  const op = spec.paths['/v1/{project_id}/dev-servers/{id}/operation/{operation_id}'].get;
  const media = deref(op.responses['200']).content['application/json'];

  it('cover every documented status value', () => {
    const known = deref(spec.components.schemas.OperationStatus)['x-known-values'];
    const shown = Object.values<any>(media.examples).map((e) => e.value.operation_status);
    for (const status of known) expect(shown).toContain(status);
  });

  it('give the failed operation an operation_error', () => {
    const failed = Object.values<any>(media.examples).filter(
      (e) => e.value.operation_status === 'failed',
    );
    expect(failed.length).toBeGreaterThan(0);
    for (const e of failed)
      expect(e.value.operation_error).toMatchObject({ code: expect.any(String) });
  });
});

describe('starting calls', () => {
  const starts = Object.entries<any>(spec.paths).flatMap(([path, item]) =>
    Object.entries<any>(item)
      .filter(([, op]) => op?.['x-modelarts-operation-start'])
      .map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
  );

  it('are AttachDevServerVolume and DetachDevServerVolume', () => {
    expect(starts.map((s) => s.op.operationId).sort()).toEqual([
      'AttachDevServerVolume',
      'DetachDevServerVolume',
    ]);
  });

  it.each(starts.map((s) => [s.where, s.op] as const))(
    '%s: examples cover every documented status, each of the started type',
    (_, op) => {
      const media = deref(op.responses['200']).content['application/json'];
      const values = Object.values<any>(media.examples).map((e) => e.value);
      const known = deref(spec.components.schemas.OperationStatus)['x-known-values'];
      expect(values.map((v) => v.operation_status).sort()).toEqual([...known].sort());
      for (const v of values) expect(v.operation_type).toBe(op['x-modelarts-operation-start'].type);
      expect(values[0].operation_status).toBe('pending');
    },
  );

  it.each(starts.map((s) => [s.where, s.op] as const))(
    '%s: links its 200 to the GET that reads the operation, with every path parameter',
    (_, op) => {
      const start = op['x-modelarts-operation-start'];
      const link = deref(op.responses['200']).links[start.link];
      expect(link.parameters.operation_id).toBe('$response.body#/operation_id');
      const target = Object.values<any>(spec.paths)
        .flatMap((item) => Object.values<any>(item))
        .find((o) => o?.operationId === link.operationId);
      expect(target['x-modelarts-operation-read']).toBeDefined();
      const targetPath = Object.entries<any>(spec.paths).find(
        ([, item]) => item.get === target,
      )?.[0];
      const names = [...(targetPath ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(link.parameters).sort()).toEqual(names.sort());
    },
  );

  it.each(starts.map((s) => [s.where, s.op] as const))(
    '%s: every error the lifecycle names is an example of its 400',
    (_, op) => {
      const { owner, volume } = op['x-modelarts-operation-start'].requires;
      const examples = deref(op.responses['400']).content['application/json'].examples;
      for (const name of [owner.notFound, owner.notReady, volume.notFound, volume.conflict]) {
        expect(examples[name], name).toBeDefined();
      }
    },
  );
});
