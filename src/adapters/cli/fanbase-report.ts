import type { DataReport } from '../../domain/data-report.js';

/** The data report for people: what was read, what was wrong, what it changes. */
export function describeReport(report: DataReport): string {
  const lines = [`Data report (as of ${report.as_of})`, ''];
  for (const source of report.sources) {
    lines.push(
      source.format === 'none'
        ? `  ${source.table}: absent`
        : `  ${source.table}: ${source.rows} rows, ${source.format}, ${source.files.length} file(s)${
            source.missing_columns.length ? `; without ${source.missing_columns.join(', ')}` : ''
          }`,
    );
  }
  const t = report.totals;
  const fans =
    t.fans === null
      ? 'fans not counted (ClickHouse tables filled without fanbase prepare)'
      : `${t.fans} fans over ${t.artists_with_fans} artists`;
  lines.push(
    '',
    // the answers count consenting users only; the exports' own counts are for whoever fixes the exports
    `  In the answers (consenting users only): ${t.eligible_users} users, ${fans}`,
    `  In the exports (every row, consenting or not): ${t.users} users, ${t.streams} streams, ${t.follows} follows`,
    '',
  );
  lines.push(report.issues.length === 0 ? 'No problem rows.' : 'Problem rows (none is dropped silently):');
  for (const issue of report.issues) {
    lines.push(`  ${issue.table} ${issue.reason}: ${issue.count}`, `    policy: ${issue.policy}`);
    if (issue.examples.length) lines.push(`    e.g. ${issue.examples.join('; ')}`);
  }
  if (report.warnings.length) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ${w}`));
  return `${lines.join('\n')}\n`;
}
