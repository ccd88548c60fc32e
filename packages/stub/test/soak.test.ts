// A short soak (`pnpm soak` runs 60 s at 50 connections): mixed load with the state changing
// underneath, no error allowed.
import { describe, expect, it } from 'vitest';
import { soak } from '../soak/soak.mjs';
import { serve } from '../src/node.js';

describe('soak (bounded)', () => {
  it('serves 5 s of mixed load at 10 connections with no error', async () => {
    const served = await serve({ port: 0, adminToken: 'admin' });
    try {
      const result = await soak({
        url: served.url,
        durationS: 5,
        connections: 10,
        adminToken: 'admin',
        memory: async () => process.memoryUsage(),
      });
      expect(result.errors, JSON.stringify(result.byKind)).toBe(0);
      expect(result.requests).toBeGreaterThan(100);
      expect(result.adminCalls).toBeGreaterThan(5);
      for (const kind of [
        'valid',
        'invalid',
        'unauthenticated',
        'signed',
        'bad signature',
        'unknown API',
        'admin',
      ]) {
        expect(result.byKind[kind]?.requests, kind).toBeGreaterThan(0);
      }
      expect(result.memory.map((s) => s.at)).toEqual(['start', 'middle', 'end']);
    } finally {
      await served.close();
    }
  });

  it('counts a status a request may not get as an error', async () => {
    // A stub without the soak's admin token: every admin call is refused (401), which must count.
    const served = await serve({ port: 0, adminToken: 'another' });
    try {
      const result = await soak({
        url: served.url,
        durationS: 1,
        connections: 2,
        adminToken: 'admin',
        memory: async () => process.memoryUsage(),
      });
      expect(result.byKind.admin?.unexpected).toBeGreaterThan(0);
      expect(result.errors).toBeGreaterThan(0);
    } finally {
      await served.close();
    }
  });
});
