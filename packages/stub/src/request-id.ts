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
  // Math.random, not Web Crypto: the prefix only has to differ between stubs (ids are not
  // secrets), and the first `crypto.getRandomValues` of a process loads Node's Web Crypto, about
  // 10 ms of the stub's cold start.
  let prefix = '';
  for (let i = 0; i < 4; i++) {
    prefix += Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0');
  }
  let counter = 0;
  return () => {
    counter += 1;
    return prefix + counter.toString(16).padStart(16, '0');
  };
}
