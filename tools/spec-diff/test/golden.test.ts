import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../src/classify/classify.js';
import type { ReportLevel } from '../src/levels.js';
import { loadSpec } from '../src/spec/load-spec.js';

// One before/after pair per rule under test/golden/<rule>[.<variant>]/; expected.json is the whole
// report, reviewed by hand. The level each rule must have is restated here, from the README's table.
const LEVEL_OF: Record<string, ReportLevel> = {
  'path-removed': 'breaking',
  'operation-removed': 'breaking',
  'parameter-removed': 'breaking',
  'required-parameter-added': 'breaking',
  'parameter-became-required': 'breaking',
  'request-property-required-added': 'breaking',
  'request-property-became-required': 'breaking',
  'request-body-became-required': 'breaking',
  'request-media-type-removed': 'breaking',
  'request-constraint-narrowed': 'breaking',
  'request-type-changed': 'breaking',
  'response-type-changed': 'breaking',
  'response-property-removed': 'breaking',
  'response-property-became-optional': 'breaking',
  'response-status-removed': 'breaking',
  'response-header-removed': 'breaking',
  'response-media-type-removed': 'breaking',
  'security-requirement-added': 'breaking',
  'response-enum-value-added': 'possibly-breaking',
  'response-constraint-widened': 'possibly-breaking',
  'response-status-added': 'possibly-breaking',
  'response-media-type-added': 'possibly-breaking',
  'request-property-removed': 'possibly-breaking',
  'server-url-changed': 'possibly-breaking',
  'unclassified-change': 'possibly-breaking',
  'operation-added': 'compatible',
  'optional-parameter-added': 'compatible',
  'parameter-became-optional': 'compatible',
  'request-property-added': 'compatible',
  'request-property-became-optional': 'compatible',
  'request-constraint-widened': 'compatible',
  'response-property-added': 'compatible',
  'response-property-became-required': 'compatible',
  'response-constraint-narrowed': 'compatible',
  'response-error-status-removed': 'compatible',
  'response-header-added': 'compatible',
  'request-media-type-added': 'compatible',
  'security-alternative-added': 'compatible',
  'server-added': 'compatible',
  'annotation-changed': 'annotation',
  none: 'none',
};

const goldenDir = join(import.meta.dirname, 'golden');
const cases = readdirSync(goldenDir).sort();

describe('golden spec pairs', () => {
  it('cover every rule', () => {
    expect(new Set(cases.map((c) => c.split('.')[0]))).toEqual(new Set(Object.keys(LEVEL_OF)));
  });

  it.each(cases)('%s', async (name) => {
    const dir = join(goldenDir, name);
    const report = classify(
      await loadSpec(join(dir, 'before.yaml')),
      await loadSpec(join(dir, 'after.yaml')),
    );
    const rule = name.split('.')[0] as string;
    const level = LEVEL_OF[rule];
    expect(report.level).toBe(level);
    if (rule !== 'none') {
      expect(report.changes).toContainEqual(expect.objectContaining({ rule, level }));
    }
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot(
      join(dir, 'expected.json'),
    );
  });
});
