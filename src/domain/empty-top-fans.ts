import type { DataReport } from './data-report.js';
import type { FanbaseSummary } from './records.js';

/** Why TopFans shows no one for an artist, in one line: no fans, no birth dates, or no known adult. */
export function whyNoTopFans(summary: FanbaseSummary, report: DataReport): string {
  const id = summary.artist_id;
  if (summary.total_fans === 0) {
    return `artist ${id} has no fans as of ${report.as_of}: no consenting user streamed it for 30 s or more or follows it`;
  }
  const users = report.sources.find((s) => s.table === 'users');
  if (users?.missing_columns.includes('birth_date')) {
    return 'the data has no birth dates, so no fan can be shown: minors are never shown and no one is known to be an adult';
  }
  const fans = summary.total_fans === 1 ? 'its only fan is not' : `none of its ${summary.total_fans} fans is`;
  return `artist ${id}: ${fans} known to be an adult; minors and fans without a birth date are never shown`;
}
