import { describe, expect, it } from 'vitest';
import { knownValues, terminalValues } from './index.js';

describe('known values', () => {
  it('lists the documented statuses and types from the spec', () => {
    expect(knownValues.OperationStatus).toEqual(['pending', 'running', 'success', 'failed']);
    expect(knownValues.OperationType).toEqual(['node_attach_volume', 'node_detach_volume']);
  });

  it('marks success and failed as terminal', () => {
    expect(terminalValues.OperationStatus).toEqual(['success', 'failed']);
  });
});
