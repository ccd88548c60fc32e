import { type Context, emit, within } from './context.js';

/** Alternatives of an operation's security: any one of them suffices; each needs all its schemes. */
type Alternatives = string[][];

/** The security requirements in force for an operation: its own, else the document's. */
export function effectiveSecurity(doc: any, operation: any): Alternatives {
  const requirements: Record<string, unknown>[] = operation?.security ?? doc?.security ?? [];
  // No requirement at all means anonymous access: one alternative with nothing in it.
  if (requirements.length === 0) return [[]];
  return requirements.map((r) => Object.keys(r).sort());
}

/** Compares the security of two versions of one operation. */
export function compareSecurity(ctx: Context, base: Alternatives, head: Alternatives): void {
  const at = within(ctx, 'security');
  const name = (alt: string[]) => (alt.length ? alt.join(' + ') : 'anonymous');
  // A consumer using a base alternative keeps working if some head alternative needs no more.
  for (const alt of base) {
    const satisfied = head.some((h) => h.every((scheme) => alt.includes(scheme)));
    if (!satisfied) {
      emit(at, 'breaking', 'security-requirement-added', `${name(alt)} no longer suffices`);
    }
  }
  // A head alternative is a new way in only if no base alternative already asked for less.
  for (const alt of head) {
    if (!base.some((b) => b.every((scheme) => alt.includes(scheme)))) {
      emit(at, 'compatible', 'security-alternative-added', `${name(alt)} is now accepted`);
    }
  }
}
