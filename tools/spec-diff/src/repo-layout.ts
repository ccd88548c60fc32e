import { fileURLToPath } from 'node:url';

/** The repository this tool lives in (src/ and dist/ are at the same depth). */
export const REPO_ROOT: string = fileURLToPath(new URL('../../../', import.meta.url));

/** The spec, relative to the repository root. */
export const SPEC_FILE = 'spec/openapi.yaml';

/**
 * The spec as last released, relative to the repository root: written by `pnpm release`, read as
 * the default base of `spec:diff` and by the changeset check. A file, not a git tag, so that a
 * clean clone with no tags and no network knows it.
 */
export const BASELINE_FILE = 'spec/release-baseline.yaml';

/** The published packages derived from the spec: a spec change demands a bump of each. */
export const SPEC_DERIVED_PACKAGES = [
  '@modelarts-lite/spec',
  '@modelarts-lite/types',
  '@modelarts-lite/client',
  '@modelarts-lite/stub',
] as const;

/** Every published package and its folder: what `pnpm release` versions, builds and publishes. */
export const PUBLISHED_PACKAGES = [
  { name: '@modelarts-lite/spec', dir: 'spec' },
  { name: '@modelarts-lite/types', dir: 'packages/types' },
  { name: '@modelarts-lite/signer', dir: 'packages/signer' },
  { name: '@modelarts-lite/client', dir: 'packages/client' },
  { name: '@modelarts-lite/stub', dir: 'packages/stub' },
] as const;
