/** Number of fans in one country. */
export interface CountryCount {
  country: string;
  count: number;
}

/** Up to `limit` countries with the most fans, most first, ties by code ascending. */
export function topCountries(counts: readonly CountryCount[], limit = 3): string[] {
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0))
    .slice(0, limit)
    .map((c) => c.country);
}
