import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { format } from 'fast-csv';
import type { ExplainedTopFan, TopFan } from '../domain/answers.js';
import type { ScoreComponents } from '../domain/score.js';

export type OutputFormat = 'csv' | 'json';

/** Decimals of the printed score unless asked otherwise: `topfans` and the API's CSV print alike. */
export const DEFAULT_PRECISION = 2;

export interface OutputOptions {
  format: OutputFormat;
  /** Decimals of the score (and components) as printed; ranking uses full precision. */
  precision: number;
  explain: boolean;
}

const COLUMNS = ['rank', 'artist_id', 'user_id', 'country', 'score'] as const;
const COMPONENTS: (keyof ScoreComponents)[] = [
  'listening',
  'streams',
  'regularity',
  'recency',
  'share',
  'follow',
];

/**
 * Writes top fans to `out` as CSV (fast-csv; the header always, country quoted as in the specification)
 * or as a JSON array, one row at a time and respecting back-pressure. Does not end `out`.
 */
export async function writeTopFans(
  fans: readonly (TopFan | ExplainedTopFan)[],
  out: Writable,
  options: OutputOptions,
): Promise<void> {
  const fixed = (x: number | null) => (x === null ? null : x.toFixed(options.precision));
  const line = (fan: TopFan | ExplainedTopFan) => {
    const row: Record<string, string | number | null> = {
      rank: fan.rank,
      artist_id: fan.artist_id,
      user_id: fan.user_id,
      country: fan.country,
      score: fixed(fan.score),
    };
    if (options.explain && 'components' in fan) {
      for (const key of COMPONENTS) row[key] = fixed(fan.components[key]);
    }
    return row;
  };

  if (options.format === 'json') {
    await write(out, '[');
    for (const [i, fan] of fans.entries()) {
      const row = line(fan);
      for (const key of ['score', ...COMPONENTS])
        if (typeof row[key] === 'string') row[key] = Number(row[key]);
      await write(out, `${i === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`);
    }
    await write(out, fans.length === 0 ? ']\n' : '\n]\n');
    return;
  }

  const headers = [...COLUMNS, ...(options.explain ? COMPONENTS : [])];
  const csv = format({
    headers,
    quoteColumns: { country: true },
    quoteHeaders: false,
    alwaysWriteHeaders: true,
    includeEndRowDelimiter: true,
  });
  csv.pipe(out, { end: false });
  const done = once(csv, 'end');
  for (const fan of fans) {
    if (!csv.write(line(fan))) await once(csv, 'drain');
  }
  csv.end();
  await done;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
