import { afterAll, describe, expect, it, vi } from 'vitest';
import { createStub, StubContractViolation } from '../src/index.js';
import { serve } from '../src/node.js';

const SERVER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const path = `/v1/p/dev-servers/${SERVER}/operation/broken`;
const headers = { 'x-auth-token': 't' };

function brokenStub() {
  const stub = createStub();
  // An operation_error code of 3 characters breaks the spec (8 to 36); only the unchecked hook takes it.
  stub.state.insertUnchecked({
    serverId: SERVER,
    operationId: 'broken',
    type: 'node_attach_volume',
    timeline: [{ status: 'failed', at: 0, error: { code: 'bad', message: 'broken on purpose' } }],
  });
  return stub;
}

describe('response validation', () => {
  it('refuses the same entry through the checked API', () => {
    const stub = createStub();
    expect(() =>
      stub.state.createOperation({
        serverId: SERVER,
        type: 'node_attach_volume',
        timeline: [{ status: 'failed', at: 0, error: { code: 'bad' } }],
      }),
    ).toThrow(/operation_error\/code/);
  });

  it('rejects the in-process fetch with StubContractViolation naming operation, status and errors', async () => {
    const error = await brokenStub()
      .fetch(`https://modelarts.test${path}`, { headers })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StubContractViolation);
    const violation = error as StubContractViolation;
    expect(violation.operationId).toBe('ShowServerOperation');
    expect(violation.status).toBe('200');
    expect(violation.errors[0]?.instancePath).toBe('/operation_error/code');
    expect(violation.message).toContain('ShowServerOperation');
    expect(violation.message).toContain('/operation_error/code');
  });

  const served = serve({ port: 0, stub: brokenStub() });
  afterAll(async () => (await served).close());

  it('answers 500 with X-Stub-Contract-Violation over HTTP and logs to stderr', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { url } = await served;
      const response = await fetch(`${url}${path}`, { headers });
      expect(response.status).toBe(500);
      expect(response.headers.get('x-stub-contract-violation')).toBe('true');
      expect((await response.json()).error_msg).toContain('/operation_error/code');
      expect(stderr).toHaveBeenCalledWith(expect.stringContaining('contract violation'));
    } finally {
      stderr.mockRestore();
    }
  });

  it('can be turned off', async () => {
    const stub = createStub({ validateResponses: false });
    stub.state.insertUnchecked({
      serverId: SERVER,
      operationId: 'broken',
      type: 'node_attach_volume',
      timeline: [{ status: 'failed', at: 0, error: { code: 'bad' } }],
    });
    const response = await stub.fetch(`https://modelarts.test${path}`, { headers });
    expect(response.status).toBe(200);
  });
});
