import type { StubState } from '../state/operation-store.js';
import type { RequestJournal } from './request-journal.js';

/**
 * Makes a state reset also clear the request journal, whichever way the reset comes (JS API or
 * admin HTTP API): tests that reset between cases expect a fresh journal too.
 *
 * @example
 * runtime.state = clearOnReset(createOperationStore(clock, checks), runtime.journal);
 */
export function clearOnReset<State extends StubState>(
  state: State,
  journal: RequestJournal,
): State {
  const reset = state.reset.bind(state);
  state.reset = () => {
    reset();
    journal.clear();
  };
  return state;
}
