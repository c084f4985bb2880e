import type { FanSignals, ScoreComponents } from './score.js';

/** The Fanbase answer for one artist: the five fields of the specification. */
export interface ArtistSummary {
  success: boolean;
  artist_id: number;
  total_fans: number;
  fans_median_age: number | null;
  fans_top_countries: string[];
}

/** One line of TopFans. */
export interface TopFan {
  rank: number;
  artist_id: number;
  user_id: number;
  country: string | null;
  score: number;
}

/**
 * TopFans' answer: the fans, ranked. When there is none, `reason` says why in one line (no fans, no birth
 * dates in the data, no fan known to be an adult), so that a notebook learns it where it looks.
 */
export type TopFanList<Fan extends TopFan = TopFan> = Fan[] & { reason?: string };

/** A top fan with the parts of the score, for `--explain`. */
export interface ExplainedTopFan extends TopFan {
  components: ScoreComponents;
  signals: FanSignals;
}

/** The former name of `ArtistSummary`, kept for code written against it. @deprecated use `ArtistSummary` */
export type FanbaseSummary = ArtistSummary;
