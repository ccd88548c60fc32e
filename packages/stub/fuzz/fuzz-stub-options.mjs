// The stub the fuzzer attacks: admin API behind a token (fault and latency changes are never
// sent with it), a server and two operations in the state so that stateful answers are reached.
import { ADMIN_TOKEN, SERVER_ID } from './arbitraries.mjs';

/** @type {import('./fuzz-stub-options.d.mts').fuzzStubOptions} */
export function fuzzStubOptions() {
  return {
    adminToken: ADMIN_TOKEN,
    operations: [
      {
        serverId: SERVER_ID,
        operationId: 'op-0001',
        type: 'node_attach_volume',
        timeline: [{ status: 'running', at: 0 }],
      },
      {
        serverId: SERVER_ID,
        operationId: 'op-failed',
        type: 'node_detach_volume',
        timeline: [
          { status: 'running', at: 0 },
          {
            status: 'failed',
            at: 1,
            error: { code: 'ModelArts.7000', message: 'BMS cannot detach.' },
          },
        ],
      },
    ],
  };
}
