import {
  type ArtistProfile,
  checkedFanRecord,
  checkedProfile,
  checkedRankedFan,
  checkedTierCounts,
  checkedTrendMonth,
  type FanRecord,
} from '../../domain/repository-rows.js';
import type { TierCounts } from '../../domain/segments.js';
import type { RankedFan } from '../../domain/top-fans-index.js';
import type { TrendMonth } from '../../domain/trend.js';

/** A profile row, its counts as ClickHouse's `[value, count]` pairs, as the domain's checked ArtistProfile. */
export function toArtistProfile(row: Record<string, unknown>): ArtistProfile {
  return checkedProfile(
    {
      ...row,
      age_counts: pairs(row.age_counts).map(([value, count]) => ({ value, count })),
      country_counts: pairs(row.country_counts).map(([country, count]) => ({ country, count })),
    },
    ENGINE,
  );
}

/** A fan row as the domain's checked FanRecord. */
export const fanRecord = (row: Record<string, unknown>): FanRecord => checkedFanRecord(row, ENGINE);

/** A tier row (none for an artist with no fan) as the domain's checked TierCounts. */
export const tierCounts = (row: Record<string, unknown> | undefined): TierCounts =>
  checkedTierCounts(row, ENGINE);

/** A month of a trend as the domain's checked TrendMonth. */
export const trendMonth = (row: Record<string, unknown>): TrendMonth => checkedTrendMonth(row, ENGINE);

/** A top fan row as the domain's checked RankedFan. */
export const rankedFan = (row: Record<string, unknown>): RankedFan => checkedRankedFan(row, ENGINE);

const ENGINE = 'ClickHouse';

function pairs(value: unknown): [unknown, unknown][] {
  return Array.isArray(value) ? (value as [unknown, unknown][]) : [];
}
