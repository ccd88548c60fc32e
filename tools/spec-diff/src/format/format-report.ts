import type { Change, Report } from '../change.js';

/** Output formats of `spec:diff`. */
export const FORMATS = ['text', 'json', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Renders a report for a terminal, a machine or a pull-request comment.
 *
 * @example
 * formatReport({ level: 'none', changes: [] }, 'text'); // 'Spec changes: none\n'
 */
export function formatReport(report: Report, format: Format): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'markdown') return markdown(report);
  return text(report);
}

function count(report: Report): string {
  const n = report.changes.length;
  return n === 0 ? '' : ` (${n} change${n === 1 ? '' : 's'})`;
}

function text(report: Report): string {
  const lines = [`Spec changes: ${report.level}${count(report)}`];
  for (const c of report.changes) {
    lines.push('', `${c.level.toUpperCase()}  ${c.rule}  ${c.operationId ?? '(document)'}`);
    lines.push(`  ${c.message}`, `  at ${c.location}`);
  }
  return `${lines.join('\n')}\n`;
}

function markdown(report: Report): string {
  const lines = [`### Spec changes: ${report.level}${count(report)}`];
  if (report.changes.length > 0) {
    lines.push(
      '',
      '| level | rule | operation | location | change |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const c of report.changes) {
      const cells = [c.level, c.rule, c.operationId ?? '', c.location, c.message];
      lines.push(`| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The change list as Markdown bullets, the text of a drafted changeset and so of the CHANGELOG.
 *
 * @example
 * changeList([change]); // '- **compatible** `ListServers`: GET /v1/… added (`operation-added`)'
 */
export function changeList(changes: readonly Change[]): string {
  return changes
    .map((c) => {
      const subject = c.operationId ? `\`${c.operationId}\`` : 'document';
      return `- **${c.level}** ${subject}: ${c.message} (\`${c.rule}\` at \`${c.location}\`)`;
    })
    .join('\n');
}
