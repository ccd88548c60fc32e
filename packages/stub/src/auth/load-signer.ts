/** The AK/SK signer's module. */
export type Signer = typeof import('@modelarts-lite/signer');

let loading: Promise<Signer> | undefined;

/**
 * The signer, imported on first use: only signed requests, `verify` with a key pair and the proxy's
 * re-signing need it, and importing it up front would add to every stub's start-up.
 *
 * @example
 * const { verifyRequest } = await signer();
 */
export function signer(): Promise<Signer> {
  loading ??= import('@modelarts-lite/signer');
  return loading;
}
