import type { ArtistSummary } from './answers.js';
import type { DataReport } from './data-report.js';
import type { Settings } from './settings.js';
import type { TimeWindow } from './time-window.js';

/**
 * Why TopFans shows no one for an artist, in one line: no fans (by the fan definition of the settings), no
 * birth dates in the data, or no fan known to be an adult.
 */
export function whyNoTopFans(
  summary: ArtistSummary,
  report: DataReport,
  settings: Settings,
  window: TimeWindow | null = null,
): string {
  const id = summary.artist_id;
  if (summary.total_fans === 0) {
    const { minMsPlayed, minStreams, followsMakeFans } = settings.fan;
    const times = minStreams === 1 ? '' : ` ${minStreams} times`;
    const played = minMsPlayed === 0 ? '' : ` for ${minMsPlayed / 1000} s or more`;
    const start = window ? window.start : settings.windowStart;
    // a window says its days once, in the first half of the sentence
    const since = start === null || window ? '' : ` since ${start}`;
    const follows = followsMakeFans ? ' or follows it' : '';
    const asOf = window
      ? `in window ${window.name} (${start ?? 'the first stream'} to ${window.end})`
      : `as of ${report.as_of}`;
    return `artist ${id} has no fans ${asOf}: no consenting user streamed it${times}${played}${since}${follows}`;
  }
  const users = report.sources.find((s) => s.table === 'users');
  if (users?.missing_columns.includes('birth_date')) {
    return 'the data has no birth dates, so no fan can be shown: minors are never shown and no one is known to be an adult';
  }
  const fans = summary.total_fans === 1 ? 'its only fan is not' : `none of its ${summary.total_fans} fans is`;
  return `artist ${id}: ${fans} known to be an adult; minors and fans without a birth date are never shown`;
}
