import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { classify } from '../classify/classify.js';
import { FORMATS, type Format, formatReport } from '../format/format-report.js';
import { isReportLevel, type Level, severity } from '../levels.js';
import { BASELINE_FILE, REPO_ROOT, SPEC_FILE } from '../repo-layout.js';
import { loadSpec, parseSpec, SpecInputError } from '../spec/load-spec.js';
import { readRevision } from '../spec/read-revision.js';
import type { CliIo } from './cli-io.js';

const USAGE = `Usage: pnpm spec:diff [--base REV | --base-file A] [--head-file B]
                      [--format text|json|markdown] [--fail-on LEVEL]

Classifies every change from the base spec (default: the last release, ${BASELINE_FILE})
to the head spec (default: the working tree's ${SPEC_FILE}).
LEVEL: breaking | possibly-breaking | compatible | annotation. Exit 1 when a change at
LEVEL or worse is found, 2 on bad input, else 0.
`;

/**
 * \`spec:diff\`: prints the classified changes between two specs and returns the exit code.
 *
 * @example
 * await specDiff(['--base-file', 'old.yaml', '--format', 'json', '--fail-on', 'breaking'], io);
 */
export async function specDiff(
  args: string[],
  io: CliIo,
  repoRoot: string = REPO_ROOT,
): Promise<number> {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        'base-file': { type: 'string' },
        'head-file': { type: 'string' },
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new SpecInputError(`--format must be one of ${FORMATS.join(', ')}`);
    const failOn = values['fail-on'];
    if (failOn !== undefined && (!isReportLevel(failOn) || failOn === 'none')) {
      throw new SpecInputError(
        '--fail-on must be one of breaking, possibly-breaking, compatible, annotation',
      );
    }
    if (values.base !== undefined && values['base-file'] !== undefined) {
      throw new SpecInputError('give --base or --base-file, not both');
    }
    const file = (path: string) => resolve(io.cwd, path);
    const base =
      values.base !== undefined
        ? await parseSpec(
            readRevision(repoRoot, values.base, SPEC_FILE),
            `${values.base}:${SPEC_FILE}`,
          )
        : await loadSpec(
            values['base-file'] ? file(values['base-file']) : resolve(repoRoot, BASELINE_FILE),
          );
    const head = await loadSpec(
      values['head-file'] ? file(values['head-file']) : resolve(repoRoot, SPEC_FILE),
    );

    const report = classify(base, head);
    io.stdout(formatReport(report, format));
    return failOn !== undefined && severity(report.level) >= severity(failOn as Level) ? 1 : 0;
  } catch (error) {
    if (error instanceof SpecInputError || isArgError(error)) {
      io.stderr(`spec:diff: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

function isArgError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS');
}
