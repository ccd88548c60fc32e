import type { StubOptions } from '../src/create-stub.js';

/** The options of the stub the fuzzer attacks (admin token, preloaded state). */
export function fuzzStubOptions(): StubOptions;
