import type { Context } from 'hono';
import { headerReader } from '../request-headers.js';
import type { OperationRoute } from '../route-table.js';
import type { StubRuntime } from '../runtime.js';
import { dataGeneratorReady } from './data-generator.js';

type Handler = (c: Context) => Response | Promise<Response>;

/** Whether the operation's default answer is generated data: a success body without examples. */
function defaultAnswerIsGenerated(operation: OperationRoute): boolean {
  const success = operation.responses[operation.successStatus];
  return success?.schema !== undefined && success.examples.length === 0;
}

/**
 * Wraps the creation of an operation's handler so that the data generator is loaded only for the
 * requests that may generate data: any `Prefer` header, any injected fault, and every request of an
 * operation whose default answer is generated (its handler is then created once the generator is
 * loaded). Every other request goes straight to the handler, synchronously.
 *
 * @example
 * app.on(op.method, op.honoPath, withDataGenerator(runtime, op, () => createOperationHandler(runtime, op, respond)));
 */
export function withDataGenerator(
  runtime: StubRuntime,
  operation: OperationRoute,
  create: () => Handler,
): Handler {
  let handler =
    defaultAnswerIsGenerated(operation) && dataGeneratorReady() !== undefined
      ? undefined
      : create();
  const ensureHandler = (): Handler => {
    handler ??= create();
    return handler;
  };
  return (c) => {
    if (
      handler === undefined ||
      runtime.faults !== undefined ||
      headerReader(c)('prefer') !== undefined
    ) {
      const ready = dataGeneratorReady();
      if (ready !== undefined) return ready.then(() => ensureHandler()(c));
    }
    return ensureHandler()(c);
  };
}
