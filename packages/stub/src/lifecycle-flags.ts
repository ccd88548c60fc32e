import type { CorsOption } from './cors.js';
import type { LifecycleSettings } from './state/lifecycle-settings.js';

/** The CLI flags of the operation lifecycle and CORS, as `parseArgs` returns them. */
export interface LifecycleFlags {
  'running-after'?: string | undefined;
  'finished-after'?: string | undefined;
  outcome?: string | undefined;
  'operation-error'?: string | undefined;
  cors?: string | undefined;
}

function milliseconds(value: string, flag: string): number {
  if (!/^\d+$/.test(value))
    throw new RangeError(`${flag} must be a number of milliseconds, got "${value}"`);
  return Number(value);
}

/**
 * Turns `--running-after`, `--finished-after`, `--outcome` and `--operation-error CODE[:MESSAGE]`
 * into lifecycle settings (undefined when none is given), and `--cors true|false` into the option.
 *
 * @throws {RangeError} on a malformed value, with a message naming the flag.
 * @example
 * lifecycleFromFlags({ outcome: 'failed', 'operation-error': 'ModelArts.7000:Disk busy.' });
 */
export function lifecycleFromFlags(flags: LifecycleFlags): {
  lifecycle?: LifecycleSettings;
  cors?: CorsOption;
} {
  const lifecycle: LifecycleSettings = {};
  if (flags['running-after'] !== undefined) {
    lifecycle.runningAfterMs = milliseconds(flags['running-after'], '--running-after');
  }
  if (flags['finished-after'] !== undefined) {
    lifecycle.finishedAfterMs = milliseconds(flags['finished-after'], '--finished-after');
  }
  if (flags.outcome !== undefined) {
    if (flags.outcome !== 'success' && flags.outcome !== 'failed') {
      throw new RangeError(`--outcome must be success or failed, got "${flags.outcome}"`);
    }
    lifecycle.outcome = flags.outcome;
  }
  const error = flags['operation-error'];
  if (error !== undefined) {
    const index = error.indexOf(':');
    lifecycle.error =
      index < 0
        ? { code: error }
        : { code: error.slice(0, index), message: error.slice(index + 1) };
  }
  const result: { lifecycle?: LifecycleSettings; cors?: CorsOption } = {};
  if (Object.keys(lifecycle).length > 0) result.lifecycle = lifecycle;
  if (flags.cors !== undefined) {
    if (flags.cors !== 'true' && flags.cors !== 'false') {
      throw new RangeError(`--cors must be true or false, got "${flags.cors}"`);
    }
    result.cors = flags.cors === 'true';
  }
  return result;
}
