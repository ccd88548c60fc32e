// The generator on a spec grown by copying: operations whose schemas are equal share validators,
// so the generated code grows with the distinct schemas, not with the operations.
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloneSpec } from '../bench/scale/clone-spec.mjs';
import { generateRouteTable } from '../scripts/generate-routes.mjs';
import { createStub, type RouteTable, StubContractViolation } from '../src/index.js';
import { spec } from './support/spec-oracle.js';

const outDir = (name: string) =>
  fileURLToPath(new URL(`../.tmp/shared-validators-${process.pid}-${name}/`, import.meta.url));

async function generate(name: string, document: unknown) {
  const dir = outDir(name);
  await generateRouteTable({ spec: document, outDir: dir });
  const module = (await import(`${dir}routes.gen.ts`)) as { routeTable: RouteTable };
  const validators = await readFile(`${dir}validators.gen.ts`, 'utf8');
  const routes = await readFile(`${dir}routes.gen.ts`, 'utf8');
  return {
    routes: module.routeTable,
    validatorBytes: validators.length,
    routeBytes: routes.length,
  };
}

describe('validators shared between equal schemas', () => {
  let one: Awaited<ReturnType<typeof generate>>;
  let many: Awaited<ReturnType<typeof generate>>;
  // Five copies of every operation show the sharing as well as a hundred would, for a third of the
  // generator's time; bench/scale measures the large specs.
  const OPERATIONS = 24;
  beforeAll(async () => {
    one = await generate('one', spec);
    many = await generate('many', cloneSpec(spec, OPERATIONS));
  });
  afterAll(async () => {
    await rm(outDir('one'), { recursive: true, force: true });
    await rm(outDir('many'), { recursive: true, force: true });
  });

  it('gives copies of an operation the very same validator functions', () => {
    const [first] = many.routes.operations;
    const copy = many.routes.operations.find((o) => o.operationId === `${first?.operationId}_b1`);
    expect(many.routes.operations).toHaveLength(OPERATIONS);
    expect(copy).toBeDefined();
    expect(copy?.parameters.map((p) => p.validate)).toEqual(
      first?.parameters.map((p) => p.validate),
    );
    expect(copy?.responses['200']?.validate).toBe(first?.responses['200']?.validate);
  });

  it('keeps the validator code the same size however many copies there are', () => {
    expect(many.validatorBytes).toBe(one.validatorBytes);
  });

  it('adds a few hundred bytes of route table per copied operation', () => {
    const copies = many.routes.operations.length - one.routes.operations.length;
    const perCopy = (many.routeBytes - one.routeBytes) / copies;
    expect(perCopy).toBeLessThan(600);
  });

  it('still rejects what each copy rejects', async () => {
    const stub = createStub({ routes: many.routes });
    const path = '/v1/p1/b5/dev-servers/not-a-uuid/operation/3f9a1c2e-7b4d-4e8f-9a6b-1c2d3e4f5a6b';
    const response = await stub.fetch(path, { headers: { 'x-auth-token': 't' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'ModelArts.0104' });
  });
});

describe('examples equal in two responses with different schemas', () => {
  const dir = outDir('examples');
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are checked against each schema, even after the other answered them', async () => {
    // The original operations and one copy of each.
    const document = cloneSpec(spec, Object.keys(spec.paths).length + 1);
    // The copy's 200 schema now requires a field that the (equal) examples lack.
    const details = document.components.schemas.OperationDetails_b1;
    details.required.push('must_have');
    details.properties.must_have = { type: 'string' };
    await generateRouteTable({ spec: document, outDir: dir });
    const { routeTable } = (await import(`${dir}routes.gen.ts`)) as { routeTable: RouteTable };
    const stub = createStub({ routes: routeTable });
    const headers = { 'x-auth-token': 't' };
    const tail = '/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/x';
    expect((await stub.fetch(`/v1/p1${tail}`, { headers })).status).toBe(200);
    await expect(stub.fetch(`/v1/p1/b1${tail}`, { headers })).rejects.toBeInstanceOf(
      StubContractViolation,
    );
  });
});
