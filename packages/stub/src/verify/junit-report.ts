import { CHECK_NAMES } from './check-names.js';
import type { VerifyReport } from './verify-report.js';

function xml(text: string): string {
  return (
    text
      .replaceAll('&', '&amp;')
      .replaceAll('<', '&lt;')
      .replaceAll('>', '&gt;')
      .replaceAll('"', '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; they are dropped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

/**
 * A report as JUnit XML for CI dashboards: one test case per violation (class `verify.<check>`,
 * with a failure holding the details and the curl line) and one passing case per check without
 * violations.
 *
 * @example
 * await writeFile('verify.xml', junitReport(report));
 */
export function junitReport(report: VerifyReport): string {
  const cases: string[] = [];
  for (const check of CHECK_NAMES) {
    const { passed, failed } = report.checks[check];
    if (failed === 0) {
      cases.push(`    <testcase classname="verify.${check}" name="${check} (${passed} passed)"/>`);
      continue;
    }
    for (const violation of report.violations.filter((v) => v.check === check)) {
      const details = [
        violation.message,
        `spec: ${violation.expected}`,
        `${violation.request.method} ${violation.request.url} -> ${violation.response.status}`,
        violation.curl,
      ].join('\n');
      cases.push(
        `    <testcase classname="verify.${check}" name="${xml(violation.case)}">\n      <failure message="${xml(violation.message)}" type="${check}">${xml(details)}</failure>\n    </testcase>`,
      );
    }
  }
  const tests = cases.length;
  const failures = report.violations.length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="modelarts-stub verify" tests="${tests}" failures="${failures}" time="${seconds}">
  <testsuite name="${xml(report.baseUrl)}" tests="${tests}" failures="${failures}" time="${seconds}" timestamp="${report.startedAt}">
${cases.join('\n')}
  </testsuite>
</testsuites>
`;
}
