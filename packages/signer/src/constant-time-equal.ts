/**
 * Whether two byte arrays are equal, in a time that depends on their length only: a verifier
 * that returned at the first differing byte would let a caller find a valid signature byte by
 * byte from response times.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let difference = 0;
  for (let i = 0; i < a.length; i++) {
    difference |= (a[i] as number) ^ (b[i] as number);
  }
  return difference === 0;
}
