import type { ReportLevel } from './levels.js';

/** A changeset bump type. */
export type Bump = 'major' | 'minor' | 'patch';

const ORDER: readonly (Bump | 'none')[] = ['none', 'patch', 'minor', 'major'];

/**
 * The bump a spec change of `level` demands of every spec-derived package.
 *
 * @example
 * bumpFor('possibly-breaking'); // 'minor'
 */
export function bumpFor(level: ReportLevel): Bump | 'none' {
  switch (level) {
    case 'breaking':
      return 'major';
    case 'possibly-breaking':
    case 'compatible':
      return 'minor';
    case 'annotation':
      return 'patch';
    default:
      return 'none';
  }
}

/** Whether bump `a` is at least as large as `b`. */
export function bumpCovers(a: Bump | 'none', b: Bump | 'none'): boolean {
  return ORDER.indexOf(a) >= ORDER.indexOf(b);
}

/** The larger of two bumps. */
export function largerBump(a: Bump | 'none', b: Bump | 'none'): Bump | 'none' {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
