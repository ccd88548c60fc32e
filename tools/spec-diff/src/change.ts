import type { Level, ReportLevel } from './levels.js';

/** One classified difference between two versions of the spec. */
export type Change = {
  level: Level;
  /** Stable id of the rule that classified it, e.g. `response-property-removed`. */
  rule: string;
  /** The operation it affects, or null for document-wide changes (servers, info). */
  operationId: string | null;
  /** Where it is, readable: `GET /v1/{project_id}/x response 200 body.name`. */
  location: string;
  message: string;
};

/** What `spec:diff` prints as JSON: the most severe level and every change, most severe first. */
export type Report = { level: ReportLevel; changes: Change[] };
