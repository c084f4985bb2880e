/** Numbers as the page writes them: in full, with thousands separators (3,292, never 3.3k). */
const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count of people, in full; a withheld one (`null`) as "withheld". */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? 'withheld' : WHOLE.format(n);
}

/** A score from 0 to 1, to two decimals as `topfans` prints it. */
export function score(n: number): string {
  return n.toFixed(2);
}

/** A date `YYYY-MM-DD` as "1 Jun 2026", read in UTC so that no time zone moves it. */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

/** A month `YYYY-MM` as "Jun 2026"; `short`: as "Jun 26", for the axis of a chart. */
export function month(iso: string, short = false): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const year = short ? '2-digit' : 'numeric';
  return new Intl.DateTimeFormat('en-US', { month: 'short', year, timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, 1),
  );
}
