import { CHECK_NAMES } from './check-names.js';
import type { VerifyReport } from './verify-report.js';

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
}

/**
 * The summary table of a report: one row per check, passed and failed counts.
 *
 * @example
 * console.log(formatSummary(report));
 */
export function formatSummary(report: VerifyReport): string {
  const rows = [['check', 'passed', 'failed']];
  for (const name of CHECK_NAMES) {
    const { passed, failed } = report.checks[name];
    rows.push([name, String(passed), String(failed)]);
  }
  return table(rows);
}

/**
 * A report as readable text: each violation (check, case, what came back, what the spec says, a
 * curl line), the summary table, what was skipped, and the verdict.
 *
 * @example
 * process.stdout.write(formatReport(await verifyServer(options)));
 */
export function formatReport(report: VerifyReport): string {
  const lines = [
    `modelarts-stub verify ${report.baseUrl}: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)}s, seed ${report.seed}${report.unsafe ? ', unsafe' : ''}`,
    '',
  ];
  if (report.violations.length > 0) {
    lines.push(`Violations (${report.violations.length}):`, '');
    report.violations.forEach((violation, index) => {
      lines.push(
        `${index + 1}. ${violation.check}: ${violation.case}`,
        `   ${violation.message}`,
        `   spec: ${violation.expected}`,
        `   ${violation.request.method} ${violation.request.url} -> ${violation.response.status}`,
        ...(violation.response.body ? [`   body: ${violation.response.body.slice(0, 300)}`] : []),
        `   ${violation.curl}`,
        '',
      );
    });
  }
  lines.push(formatSummary(report), '');
  for (const skipped of report.skipped) {
    lines.push(`skipped ${skipped.case ?? skipped.operationId}: ${skipped.reason}`);
  }
  if (report.skipped.length > 0) lines.push('');
  lines.push(
    report.ok
      ? 'No violation.'
      : `${report.violations.length} violation${report.violations.length === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}
