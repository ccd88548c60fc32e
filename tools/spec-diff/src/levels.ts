/** How a spec change affects a consumer, from harmless to breaking. */
export type Level = 'breaking' | 'possibly-breaking' | 'compatible' | 'annotation';

/** The report's overall level: the most severe change, or `none` when nothing changed. */
export type ReportLevel = Level | 'none';

/** Every level, least severe first; the index is the severity. */
export const LEVELS: readonly ReportLevel[] = [
  'none',
  'annotation',
  'compatible',
  'possibly-breaking',
  'breaking',
];

/**
 * Severity of a level, for comparisons.
 *
 * @example
 * severity('breaking') > severity('compatible'); // true
 */
export function severity(level: ReportLevel): number {
  return LEVELS.indexOf(level);
}

/** Whether `value` names a level (`none` included). */
export function isReportLevel(value: string): value is ReportLevel {
  return (LEVELS as readonly string[]).includes(value);
}

/**
 * The most severe of some levels.
 *
 * @example
 * mostSevere(['annotation', 'breaking']); // 'breaking'
 * mostSevere([]); // 'none'
 */
export function mostSevere(levels: Iterable<ReportLevel>): ReportLevel {
  let worst: ReportLevel = 'none';
  for (const level of levels) if (severity(level) > severity(worst)) worst = level;
  return worst;
}
