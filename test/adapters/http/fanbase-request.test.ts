import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseFanbaseRequest } from '../../../src/adapters/http/fanbase-request.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Parse = suite('parseFanbaseRequest');

Parse('takes the artist id of a well-formed body', () => {
  assert.is(parseFanbaseRequest({ artist_id: 123 }), 123);
  assert.is(parseFanbaseRequest(JSON.parse('{"artist_id": 123.0}')), 123);
  assert.is(parseFanbaseRequest({ artist_id: 0 }), 0);
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
});

Parse.run();
