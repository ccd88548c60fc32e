import type { StateChecks } from './operation-store.js';
import { StubStateError } from './stub-state-error.js';
import type { OperationError } from './timeline.js';

/** How started operations run: durations on the stub's clock, outcome, error of a failure. */
export interface LifecycleSettings {
  /** When the operation starts running, in ms after it started. */
  runningAfterMs?: number;
  /** When it ends, in ms after it started. */
  finishedAfterMs?: number;
  /** How it ends. */
  outcome?: 'success' | 'failed';
  /** Its `operation_error` when it fails. */
  error?: OperationError;
}

/** Which started operations a script applies to; every field given must match. */
export interface OperationMatch {
  /** `operation_type`, e.g. `node_detach_volume`. */
  type?: string;
  /** operationId of the starting call, e.g. `DetachDevServerVolume`. */
  startedBy?: string;
  /** The server (or supernode) id. */
  ownerId?: string;
  projectId?: string;
}

/** A scripted lifecycle for the next started operation(s) that match. */
export interface OperationScript extends LifecycleSettings {
  match?: OperationMatch;
  /** How many matching operations it applies to. Default 1 (the next one). */
  times?: number;
  /** Applies to every matching operation until cleared (overrides `times`). */
  persistent?: boolean;
}

/** What a started operation is matched against. */
export interface StartedOperationFacts {
  type: string;
  startedBy: string;
  ownerId: string;
  projectId: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkSettings(value: unknown, what: string): string | undefined {
  if (!isObject(value)) return `${what} must be an object`;
  for (const key of ['runningAfterMs', 'finishedAfterMs'] as const) {
    const ms = value[key];
    if (ms !== undefined && (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)) {
      return `${what}.${key} must be a non-negative number of milliseconds`;
    }
  }
  if (value.outcome !== undefined && value.outcome !== 'success' && value.outcome !== 'failed') {
    return `${what}.outcome must be 'success' or 'failed'`;
  }
  if (value.error !== undefined && !isObject(value.error)) return `${what}.error must be an object`;
  return undefined;
}

function matches(match: OperationMatch | undefined, facts: StartedOperationFacts): boolean {
  if (match === undefined) return true;
  return (Object.keys(match) as (keyof OperationMatch)[]).every(
    (k) => match[k] === undefined || match[k] === facts[k],
  );
}

/**
 * The lifecycle settings and scripts of a state. `checks` validates a scripted error against the
 * spec (an `operation_error.code` shorter than 8 characters is refused when scripted, not when used).
 *
 * @example
 * const settings = createLifecycleSettings(checks);
 * settings.addScript({ outcome: 'failed', error: { code: 'ModelArts.7000', message: 'Boom.' } });
 */
export function createLifecycleSettings(checks: StateChecks | undefined) {
  let defaults: LifecycleSettings = {};
  let scripts: Array<OperationScript & { remaining: number }> = [];

  const checkError = (error: OperationError | undefined, what: string) => {
    if (error === undefined || checks === undefined) return undefined;
    const problem = checks.operation({
      owner: '',
      ownerId: '',
      operationId: 'scripted',
      type: 'scripted',
      createdAt: 0,
      timeline: [{ status: 'failed', at: 0, error }],
    });
    return problem === undefined ? undefined : `${what}.error: ${problem}`;
  };
  const fail = (problem: string | undefined) => {
    if (problem !== undefined) throw new StubStateError(problem);
  };

  return {
    setDefaults(value: LifecycleSettings | undefined): LifecycleSettings {
      if (value === undefined) {
        defaults = {};
        return defaults;
      }
      fail(checkSettings(value, 'lifecycle') ?? checkError(value.error, 'lifecycle'));
      defaults = { ...value };
      return defaults;
    },
    defaults: (): LifecycleSettings => defaults,
    addScript(script: OperationScript): OperationScript {
      fail(checkSettings(script, 'script') ?? checkError(script.error, 'script'));
      if (script.match !== undefined && !isObject(script.match))
        fail('script.match must be an object');
      const times = script.times ?? 1;
      if (!Number.isInteger(times) || times < 1) fail('script.times must be a positive integer');
      scripts.push({ ...script, remaining: times });
      return script;
    },
    scripts: (): OperationScript[] => scripts.map(({ remaining: _, ...s }) => s),
    clearScripts(): void {
      scripts = [];
    },
    /** The settings of a newly started operation: defaults, then the first matching script (used up). */
    take(facts: StartedOperationFacts): LifecycleSettings {
      const index = scripts.findIndex((s) => matches(s.match, facts));
      if (index < 0) return defaults;
      const script = scripts[index] as OperationScript & { remaining: number };
      if (!script.persistent) {
        script.remaining -= 1;
        if (script.remaining === 0) scripts.splice(index, 1);
      }
      const { match: _m, times: _t, persistent: _p, remaining: _r, ...settings } = script;
      return { ...defaults, ...settings };
    },
    reset(): void {
      defaults = {};
      scripts = [];
    },
  };
}
