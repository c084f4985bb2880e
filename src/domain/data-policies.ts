/**
 * What fanbase does with each kind of problem row, by reason code. Nothing is dropped silently: every
 * reason is counted in the data report with this text beside it.
 */
export const DATA_POLICIES: Readonly<Record<string, string>> = {
  'users/null_user_id': 'row ignored: a user without an id cannot be matched to streams or follows',
  'users/duplicate_user_id':
    'user kept once; a field the rows disagree on becomes unknown, and consent counts only if every row says true',
  'users/birth_date_in_future':
    'birth date treated as unknown (counted as a fan, left out of ages, never in TopFans)',
  'users/birth_date_implausible':
    'birth date over 130 years before as_of treated as unknown (left out of ages, never in TopFans)',
  'users/unknown_country':
    'not an ISO 3166-1 alpha-2 code: country treated as unknown (left out of top countries, strictest age of majority)',
  'users/consent_missing':
    'no consent recorded: treated as no consent, the user is excluded from every result',
  'streams/null_id': 'stream ignored: it cannot be attributed to a user and an artist',
  'streams/null_streamed_at': 'stream ignored: without a time it cannot be placed in the window or a day',
  'streams/unknown_user': 'stream ignored: a user missing from the users export has no recorded consent',
  'streams/streamed_after_as_of': 'stream ignored: it happened after as_of',
  'streams/null_ms_played': 'stream does not qualify: its play time is unknown',
  'streams/negative_ms_played': 'stream does not qualify: a negative play time is not a play',
  'streams/duplicate_stream':
    'rows with the same user, artist and instant count as one stream (the longest ms_played is kept)',
  'follows/null_id': 'follow ignored: it cannot be attributed to a user and an artist',
  'follows/unknown_user': 'follow ignored: a user missing from the users export has no recorded consent',
  'follows/followed_after_as_of': 'follow ignored: it happened after as_of',
  'follows/duplicate_follow': 'rows with the same user and artist count as one follow',
};

/** The documented policy for a reason, or a plain statement that the row was counted. */
export function policyFor(table: string, reason: string): string {
  return DATA_POLICIES[`${table}/${reason}`] ?? 'counted in this report';
}
