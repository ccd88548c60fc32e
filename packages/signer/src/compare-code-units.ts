/**
 * Orders strings by UTF-16 code units, the order of JavaScript's default `sort()` that the
 * official SDK uses for query parameters. Unlike `localeCompare`, it is the same in every locale.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}
