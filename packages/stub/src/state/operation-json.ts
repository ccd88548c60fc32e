import type { OperationInput } from './operation-store.js';
import { StubStateError } from './stub-state-error.js';
import { type LifecycleOptions, lifecycleTimeline } from './timeline.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads an operation from JSON (admin API, `--state` file): the fields of {@link OperationInput},
 * where `lifecycle: { runningAt, finishedAt, outcome, error }` may replace `timeline`. The result
 * is checked against the spec when it is registered.
 *
 * @throws {StubStateError} when the value is not an object or `lifecycle` is malformed.
 * @example
 * state.createOperation(operationFromJson({ serverId, type: 'node_attach_volume', lifecycle: {} }));
 */
export function operationFromJson(value: unknown): OperationInput {
  if (!isObject(value)) throw new StubStateError('invalid operation: must be an object');
  const { lifecycle, ...rest } = value;
  const input = { ...rest } as unknown as OperationInput;
  if (lifecycle !== undefined) {
    if (!isObject(lifecycle))
      throw new StubStateError('invalid operation: lifecycle must be an object');
    input.timeline = lifecycleTimeline(lifecycle as LifecycleOptions);
  }
  return input;
}
