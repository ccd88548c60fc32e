// Plain-text tables and the statistics the benchmark reports.

/** Median of numbers (NaN for none). */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A Markdown table: first column left-aligned, the others right-aligned. */
export function table(header, rows) {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const line = (row) =>
    `| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

/** `0.93×`; `n/a` when not a number. */
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
/** Thousands separators. */
export const count = (value) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
/** MET / MISSED against a goal, `higher` or `lower` being better. */
export const verdict = (value, goal, better) =>
  !Number.isFinite(value)
    ? 'n/a'
    : (better === 'higher' ? value >= goal : value <= goal)
      ? 'MET'
      : 'MISSED';
