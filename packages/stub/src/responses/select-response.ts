import type { ExampleRoute, OperationRoute, ResponseRoute } from '../route-table.js';
import { dynamicBody } from './dynamic-body.js';
import type { Preference } from './prefer.js';

/** A status and the body to answer with. */
export interface Answer {
  status: string;
  body: unknown;
}

/** The example a response answers with by default: `x-stub-default-example`, else the first. */
export function defaultExample(response: ResponseRoute): ExampleRoute | undefined {
  if (response.defaultExample !== undefined) {
    const named = response.examples.find((e) => e.name === response.defaultExample);
    if (named !== undefined) return named;
  }
  return response.examples[0];
}

function bodyOf(
  response: ResponseRoute,
  example: ExampleRoute | undefined,
  dynamic: boolean,
  seed: number,
) {
  if (dynamic) {
    const generated = dynamicBody(response, seed);
    if (generated !== undefined) return generated;
  }
  if (example !== undefined) return example.value;
  return dynamicBody(response, seed);
}

/**
 * The default answer of an operation: its success status with its default example (data
 * generated from the schema when it has none).
 *
 * @example
 * defaultAnswer(operation, seed); // { status: '200', body: { operation_status: 'pending', … } }
 */
export function defaultAnswer(operation: OperationRoute, seed: number): Answer {
  const response = operation.responses[operation.successStatus] as ResponseRoute;
  return {
    status: operation.successStatus,
    body: bodyOf(response, defaultExample(response), false, seed),
  };
}

function findExample(operation: OperationRoute, name: string, status: string | undefined) {
  const statuses =
    status !== undefined
      ? [status]
      : [
          operation.successStatus,
          ...Object.keys(operation.responses).filter((s) => s !== operation.successStatus),
        ];
  for (const candidate of statuses) {
    const example = operation.responses[candidate]?.examples.find((e) => e.name === name);
    if (example !== undefined) return { status: candidate, example };
  }
  return undefined;
}

/**
 * Chooses the answer a `Prefer` header asks for. `example` alone is looked up in the success
 * response first, then in the other responses. Returns a message when the preference names a
 * status the operation does not declare or an example it does not have.
 *
 * @example
 * selectPreferred(operation, { code: '400', example: 'serverNotFound' }, seed);
 */
export function selectPreferred(
  operation: OperationRoute,
  preference: Preference,
  seed: number,
): Answer | string {
  let status = preference.code;
  if (status !== undefined && operation.responses[status] === undefined) {
    const declared = Object.keys(operation.responses).join(', ');
    return `Prefer code=${status}: ${operation.operationId} declares no ${status} response (declared: ${declared})`;
  }
  let example: ExampleRoute | undefined;
  if (preference.example !== undefined) {
    const found = findExample(operation, preference.example, status);
    if (found === undefined) {
      return `Prefer example=${preference.example}: ${operation.operationId} has no such example${status === undefined ? '' : ` for ${status}`}`;
    }
    status = found.status;
    example = found.example;
  }
  status ??= operation.successStatus;
  const response = operation.responses[status] as ResponseRoute;
  example ??= defaultExample(response);
  return { status, body: bodyOf(response, example, preference.dynamic === true, seed) };
}
