import type { ArtistSummary } from '../../src/domain/answers.js';

/** One row of a peer's top fans: what the comparison needs. */
export interface PeerTopFan {
  user_id: number;
  country: string | null;
  score: number;
}

/** One way a peer answers the two questions (plain SQL over the tables, or over a materialized view). */
export interface PeerVariant {
  name: string;
  summary(artistId: number): Promise<ArtistSummary>;
  topFans(artistId: number, limit: number): Promise<PeerTopFan[]>;
}

/** A running database loaded with the exports: its load steps' times and its variants. */
export interface Peer {
  name: string;
  version: string;
  /** seconds per load step, in order */
  load: Record<string, number>;
  variants: PeerVariant[];
  stop(): Promise<void>;
}

/** The summary in the API's shape from a peer's row (the peer does the counting; this only shapes it). */
export function summaryOf(
  artistId: number,
  totalFans: number,
  medianAge: number | null,
  topCountries: string[],
): ArtistSummary {
  return {
    success: totalFans >= 1,
    artist_id: artistId,
    total_fans: totalFans,
    fans_median_age: medianAge,
    fans_top_countries: topCountries,
  };
}

/** Times each step of a load, in seconds, in order. */
export function stepTimer(): {
  steps: Record<string, number>;
  step<T>(name: string, f: () => Promise<T>): Promise<T>;
} {
  const steps: Record<string, number> = {};
  return {
    steps,
    async step(name, f) {
      const started = performance.now();
      const result = await f();
      steps[name] = Math.round(performance.now() - started) / 1000;
      return result;
    },
  };
}
