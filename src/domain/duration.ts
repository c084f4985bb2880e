const UNITS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 };

/** The longest duration accepted anywhere (a token's lifetime, its maximum): a year. */
export const MAX_DURATION_SECONDS = 366 * 86_400;

/** `90`, `90s`, `15m`, `12h`, `30d` as seconds; undefined for anything else, for 0 and beyond a year. */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * (UNITS[match[2] as string] as number);
  return seconds > 0 && seconds <= MAX_DURATION_SECONDS ? seconds : undefined;
}

/** Seconds as a duration text for messages: `90s`, `15m`, `24h`, `30d` (days from 48 hours on). */
export function durationText(seconds: number): string {
  if (seconds % 86_400 === 0 && seconds >= 2 * 86_400) return `${seconds / 86_400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
