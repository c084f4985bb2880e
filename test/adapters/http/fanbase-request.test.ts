import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseFanbaseRequest } from '../../../src/adapters/http/fanbase-request.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Parse = suite('parseFanbaseRequest');

Parse('takes the artist id of a well-formed body, and its window', () => {
  assert.equal(parseFanbaseRequest({ artist_id: 123 }), { artistId: 123, window: undefined });
  assert.equal(parseFanbaseRequest(JSON.parse('{"artist_id": 123.0}')), { artistId: 123, window: undefined });
  assert.equal(parseFanbaseRequest({ artist_id: 0 }), { artistId: 0, window: undefined });
  for (const window of ['all', '7d', '28d', '12m', '2026-06-01..2026-06-30']) {
    assert.equal(parseFanbaseRequest({ artist_id: 1, window }), { artistId: 1, window });
  }
});

Parse('says what is wrong with anything else', async () => {
  await expectFanbaseError(() => parseFanbaseRequest({}), 'INVALID_REQUEST', /artist_id is missing/);
  await expectFanbaseError(
    () => parseFanbaseRequest('x'),
    'INVALID_REQUEST',
    /must be a JSON object, got the string "x"/,
  );
  await expectFanbaseError(
    () => parseFanbaseRequest(JSON.parse('{"__proto__": 1, "artist_id": 1}')),
    'INVALID_REQUEST',
    /unknown field "__proto__"/,
  );
  await expectFanbaseError(
    () => parseFanbaseRequest({ artist_id: 'a'.repeat(100) }),
    'INVALID_REQUEST',
    /got the string "a{40}\.\.\."/,
  );
  await expectFanbaseError(
    () => parseFanbaseRequest({ artist_id: 1, window: '30d' }),
    'INVALID_REQUEST',
    /window must be "all", "7d", "28d", "12m" or a range "YYYY-MM-DD\.\.YYYY-MM-DD".*got the string "30d"/,
  );
  await expectFanbaseError(
    () => parseFanbaseRequest({ artist_id: 1, window: 28 }),
    'INVALID_REQUEST',
    /window must be a string such as "28d", got 28/,
  );
  await expectFanbaseError(
    () => parseFanbaseRequest({ artist_id: 1, window: '2026-07-01..2026-06-01' }),
    'INVALID_REQUEST',
    /starts after it ends/,
  );
});

Parse.run();
