import { isDeepStrictEqual } from 'node:util';
import type { Change, Report } from '../change.js';
import { mostSevere, severity } from '../levels.js';
import { compareAnnotations } from './annotations.js';
import type { Context } from './context.js';
import { compareOperations } from './operations.js';
import { compareServers } from './servers.js';

/**
 * Classifies every difference between two dereferenced OpenAPI documents from a consumer's point
 * of view (see the package README for the rules), most severe first.
 *
 * @example
 * const report = classify(await loadSpec('old.yaml'), await loadSpec('spec/openapi.yaml'));
 * report.level; // 'compatible'
 * report.changes[0]; // { level: 'compatible', rule: 'operation-added', operationId: 'ListServers', … }
 */
export function classify(base: any, head: any): Report {
  const changes: Change[] = [];
  const root: Context = { changes, operationId: null, location: '' };
  compareOperations(root, base, head);
  compareServers(root, base.servers, head.servers);
  // Title, version, licence and contact describe the document; no consumer code reads them.
  compareAnnotations({ ...root, location: 'info' }, base.info, head.info, () => true);
  compareAnnotations({ ...root, location: 'document' }, topLevel(base), topLevel(head), () => true);
  if (changes.length === 0 && !isDeepStrictEqual(base, head)) {
    // A difference no rule covers: say so rather than report "none".
    changes.push({
      level: 'possibly-breaking',
      rule: 'unclassified-change',
      operationId: null,
      location: '',
      message: 'the spec changed in a way no rule classifies: review the diff by hand',
    });
  }
  changes.sort(
    (a, b) =>
      severity(b.level) - severity(a.level) ||
      (a.operationId ?? '').localeCompare(b.operationId ?? '') ||
      a.location.localeCompare(b.location) ||
      a.rule.localeCompare(b.rule),
  );
  return { level: mostSevere(changes.map((c) => c.level)), changes };
}

/** The document's own notes: top-level tags, external docs and `x-` keys. */
function topLevel(doc: any): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(doc).filter(([k]) => k === 'tags' || k === 'externalDocs' || k.startsWith('x-')),
  );
}
