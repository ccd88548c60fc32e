/**
 * json-schema-faker, loaded on first use: only `Prefer: dynamic=true`, a `Prefer` naming a response
 * without examples, an injected fault and a success response without examples generate data, and
 * importing the generator up front would add to every stub's start-up.
 */
type GenerateSync = typeof import('json-schema-faker').generateSync;

let generateSync: GenerateSync | undefined;
let loading: Promise<void> | undefined;

/**
 * Starts loading the data generator. Returns undefined once it is loaded, so that callers stay
 * synchronous from then on; else a promise settled when it is.
 *
 * @example
 * const ready = dataGeneratorReady();
 * if (ready) return ready.then(() => answer(c));
 */
export function dataGeneratorReady(): Promise<void> | undefined {
  if (generateSync !== undefined) return undefined;
  loading ??= import('json-schema-faker').then((module) => {
    generateSync = module.generateSync;
  });
  return loading;
}

/**
 * Generates data for a JSON Schema with a seeded PRNG (same seed, same data).
 *
 * @throws {Error} when called before {@link dataGeneratorReady} has resolved.
 * @example
 * await dataGeneratorReady();
 * generate({ type: 'string' }, 42);
 */
export function generate(schema: unknown, seed: number): unknown {
  if (generateSync === undefined) {
    throw new Error('the data generator is not loaded yet: await dataGeneratorReady() first');
  }
  // biome-ignore lint/suspicious/noExplicitAny: the inlined schema is plain JSON from the generator.
  return generateSync(schema as any, { seed });
}
