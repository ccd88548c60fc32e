/**
 * Creates the generator of `X-Request-Id` values: 32 lowercase hex digits like API Gateway's, made of
 * a random per-stub prefix and a counter, which is cheaper per request than a random UUID and
 * unique within a stub.
 *
 * @example
 * const nextRequestId = createRequestIdGenerator();
 * nextRequestId(); // '5f0c…0000000000000001'
 */
export function createRequestIdGenerator(): () => string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let prefix = '';
  for (const byte of bytes) prefix += byte.toString(16).padStart(2, '0');
  let counter = 0;
  return () => {
    counter += 1;
    return prefix + counter.toString(16).padStart(16, '0');
  };
}
