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

let loaded: Signer | undefined;

/**
 * The signer if it is loaded already, else undefined (and it starts loading): lets the hot path
 * verify synchronously once the first signed request has paid for the import.
 *
 * @example
 * const ready = loadedSigner();
 * if (ready) return ready.verifyRequestSync(request, secretFor, { body: '' });
 */
export function loadedSigner(): Signer | undefined {
  if (loaded === undefined)
    void signer().then((module) => {
      loaded = module;
    });
  return loaded;
}
