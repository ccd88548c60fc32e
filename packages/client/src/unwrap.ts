import { ModelArtsApiError } from './errors/model-arts-api-error.js';

/** The shape of an openapi-fetch call result. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The `data` type of a result's success branch. */
export type SuccessData<R extends FetchResult> = Extract<R, { error?: never }>['data'];

/**
 * Returns the `data` of a successful openapi-fetch call, or throws {@link ModelArtsApiError}
 * for an error response. Network errors and aborts already reject the call itself.
 *
 * @throws {ModelArtsApiError} when the response status is not 2xx.
 * @example
 * ```ts
 * const details = unwrap(
 *   await client.GET('/v1/{project_id}/dev-servers/{id}/operation/{operation_id}', {
 *     params: { path: { project_id, id, operation_id } },
 *   }),
 * ); // OperationDetails
 * ```
 */
export function unwrap<R extends FetchResult>(result: R): SuccessData<R> {
  if (!result.response.ok) {
    throw ModelArtsApiError.from(result.response, result.error);
  }
  return result.data as SuccessData<R>;
}
