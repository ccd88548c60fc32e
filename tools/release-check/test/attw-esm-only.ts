import {
  type Analysis,
  type CheckResult,
  checkPackage,
  createPackageFromTarballData,
  type Package,
  type Problem,
  type ResolutionKind,
} from '@arethetypeswrong/core';
import {
  problemAffectsEntrypointResolution,
  problemKindInfo,
} from '@arethetypeswrong/core/problems';
import { allResolutionKinds } from '@arethetypeswrong/core/utils';

/**
 * The resolutions the attw CLI's `esm-only` profile ignores (@arethetypeswrong/cli 0.18.5,
 * `dist/profiles.js`): CommonJS `require()` and TypeScript's old `node10`. `node16-esm` and
 * `bundler` stay checked.
 */
export const ESM_ONLY_IGNORED_RESOLUTIONS: ResolutionKind[] = ['node10', 'node16-cjs'];

/** What {@link attwEsmOnly} found: attw's whole analysis and the problems that fail the check. */
export interface AttwVerdict {
  analysis: CheckResult;
  /** One readable line per failing problem (kind, entrypoint, resolution, files); empty when it passes. */
  problems: string[];
}

/**
 * Runs arethetypeswrong in-process, as `attw <tarball> --profile esm-only --no-definitely-typed`
 * does: the same analysis (@arethetypeswrong/core, which the CLI is built on) and the CLI's failure
 * rule (`getExitCode`): an untyped package passes; otherwise every problem fails it unless it is
 * tied to a resolution the profile ignores. Problems tied to files rather than one resolution
 * (FalseCJS, NamedExports, …) are never ignored, as in the CLI. In-process, TypeScript is loaded
 * once for every package instead of once per CLI start.
 *
 * @example
 * const { analysis, problems } = await attwEsmOnly(readFileSync('modelarts-lite-stub-0.1.0.tgz'));
 * problems; // [] when the package passes, else e.g.
 * // ['UntypedResolution "No types" at "broken" under node16-esm: … (docs: https://…)']
 */
export async function attwEsmOnly(tarballOrPackage: Uint8Array | Package): Promise<AttwVerdict> {
  const pkg =
    tarballOrPackage instanceof Uint8Array
      ? createPackageFromTarballData(tarballOrPackage)
      : tarballOrPackage;
  const analysis = await checkPackage(pkg);
  if (!analysis.types) return { analysis, problems: [] };
  const failing = analysis.problems.filter(
    (problem) =>
      !('resolutionKind' in problem) ||
      !ESM_ONLY_IGNORED_RESOLUTIONS.includes(problem.resolutionKind),
  );
  return { analysis, problems: failing.map((problem) => describe(problem, analysis)) };
}

/** The line the CLI's table and summary would give a reader: what, where, under which resolution. */
function describe(problem: Problem, analysis: Analysis): string {
  const info = problemKindInfo[problem.kind];
  const cells = Object.keys(analysis.entrypoints).flatMap((entrypoint) =>
    allResolutionKinds
      .filter((kind) => problemAffectsEntrypointResolution(problem, entrypoint, kind, analysis))
      .map((kind) => `"${entrypointName(analysis.packageName, entrypoint)}" under ${kind}`),
  );
  const files =
    'typesFileName' in problem
      ? ` (types ${problem.typesFileName}, implementation ${problem.implementationFileName})`
      : 'fileName' in problem
        ? ` (in ${problem.fileName})`
        : '';
  return `${problem.kind} "${info.shortDescription}" at ${cells.join(', ') || 'no entrypoint'}${files}: ${info.description} (docs: ${info.docsUrl})`;
}

function entrypointName(packageName: string, subpath: string): string {
  return subpath === '.' ? packageName : `${packageName}/${subpath.slice(2)}`;
}
