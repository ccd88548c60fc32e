/**
 * Methods retried by default: GET, HEAD, OPTIONS and PUT. POST and DELETE are left out although
 * DELETE is idempotent in HTTP terms: on ModelArts both start operations (detaching a volume is a
 * DELETE), and a retry after a lost answer could start a second one. Opt in per client with
 * `retry: { methods: [...DEFAULT_RETRY_METHODS, 'DELETE'] }` where that is safe.
 */
export const DEFAULT_RETRY_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT'];
