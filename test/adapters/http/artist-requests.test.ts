import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAudienceRequest, parseTopFansRequest } from '../../../src/adapters/http/artist-requests.js';
import { FanbaseError } from '../../../src/domain/errors.js';

const Request = suite('parseTopFansRequest');

/** The INVALID_REQUEST error of a request, with the field it names. */
function refusal(
  artistId: string,
  query: Record<string, string | string[]>,
): { field?: string; message: string } {
  try {
    parseTopFansRequest(artistId, query);
  } catch (error) {
    assert.instance(error, FanbaseError);
    assert.is((error as FanbaseError).code, 'INVALID_REQUEST');
    return { field: (error as FanbaseError).location.field, message: (error as Error).message };
  }
  throw new Error(`${artistId} ${JSON.stringify(query)} was accepted`);
}

Request('the defaults: 100 fans from the first, over every day', () => {
  assert.equal(parseTopFansRequest('123', {}), {
    artistId: 123,
    limit: 100,
    offset: 0,
    window: 'all',
    explain: false,
  });
});

Request('a page over a window, at the bounds', () => {
  assert.equal(parseTopFansRequest('0', { limit: '1000', offset: '0', window: '28d', explain: 'true' }), {
    artistId: 0,
    limit: 1000,
    offset: 0,
    window: '28d',
    explain: true,
  });
  assert.is(parseTopFansRequest('0', { explain: 'false' }).explain, false);
  assert.equal(
    parseTopFansRequest('9007199254740991', { limit: '1', offset: '9007199254740991' }).offset,
    2 ** 53 - 1,
  );
  assert.is(parseTopFansRequest('1', { window: '2026-06-01..2026-06-30' }).window, '2026-06-01..2026-06-30');
});

Request('each bad parameter is refused, naming it', () => {
  for (const [artistId, query, field, pattern] of [
    ['x', {}, 'artist_id', /artist_id must be a whole number >= 0, got the string "x"/],
    ['-1', {}, 'artist_id', /artist_id must be a whole number/],
    ['9007199254740992', {}, 'artist_id', /artist_id must be a whole number/],
    ['1', { limit: '0' }, 'limit', /limit must be a whole number from 1 to 1000/],
    ['1', { limit: '1001' }, 'limit', /from 1 to 1000/],
    ['1', { limit: '1.5' }, 'limit', /limit must be a whole number/],
    ['1', { limit: ' 5' }, 'limit', /limit must be a whole number/],
    ['1', { limit: '' }, 'limit', /limit must be a whole number/],
    ['1', { offset: '-3' }, 'offset', /offset must be a whole number >= 0/],
    ['1', { offset: '1e3' }, 'offset', /offset must be a whole number >= 0/],
    ['1', { window: '30d' }, 'window', /window must be "all", "7d", "28d", "12m" or a range/],
    [
      '1',
      { limt: '3' },
      'limt',
      /unknown query parameter "limt": only limit, offset, window and explain are accepted/,
    ],
    ['1', { limit: ['2', '3'] }, 'limit', /limit is given 2 times: give it once/],
    ['1', { explain: '1' }, 'explain', /explain must be true or false, got the string "1"/],
    ['1', { explain: '' }, 'explain', /explain must be true or false/],
  ] as const) {
    const { field: named, message } = refusal(artistId, query as Record<string, string | string[]>);
    assert.is(named, field, `${artistId} ${JSON.stringify(query)}`);
    assert.match(message, pattern);
  }
});

Request('an audience request: the artist and a window, nothing else', () => {
  assert.equal(parseAudienceRequest('123', {}), { artistId: 123, window: 'all' });
  assert.equal(parseAudienceRequest('7', { window: '12m' }), { artistId: 7, window: '12m' });
  for (const [query, pattern] of [
    [{ limit: '3' }, /unknown query parameter "limit": only window is accepted/],
    [{ window: ['7d', '28d'] }, /window is given 2 times/],
    [{ window: '2026-02-30..2026-03-01' }, /window/],
  ] as const) {
    assert.throws(() => parseAudienceRequest('1', query as Record<string, string | string[]>), pattern);
  }
  assert.throws(() => parseAudienceRequest('1.0', {}), /artist_id must be a whole number/);
});

Request.run();
