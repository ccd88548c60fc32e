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
  const media = op.responses['200'].content['application/json'];

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
