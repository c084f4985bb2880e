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
  lines.push(
    '',
    `  ${t.users} users (${t.eligible_users} consenting), ${t.streams} streams, ${t.follows} follows`,
    t.fans === null
      ? '  fans not counted (ClickHouse tables filled without fanbase prepare)'
      : `  ${t.fans} fans over ${t.artists_with_fans} artists`,
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
