import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { problemOf } from '../../../src/adapters/http/problem.js';
import { FanbaseError } from '../../../src/domain/errors.js';

const ProblemOf = suite('problemOf');

ProblemOf('client errors are exposed with their status', () => {
  assert.equal(problemOf(new FanbaseError('INVALID_REQUEST', 'artist_id is missing')), {
    type: 'urn:fanbase:problem:invalid-request',
    title: 'Invalid request',
    status: 400,
    detail: 'artist_id is missing',
  });
  assert.is(problemOf(new FanbaseError('PAYLOAD_TOO_LARGE', 'x')).status, 413);
  assert.is(problemOf(new FanbaseError('METHOD_NOT_ALLOWED', 'x')).status, 405);
  assert.is(problemOf(new FanbaseError('NOT_FOUND', 'x')).status, 404);
  assert.is(problemOf(new FanbaseError('UNSUPPORTED_ENCODING', 'x')).status, 415);
});

ProblemOf('server-side errors never leak their message', () => {
  for (const error of [
    new Error('secret path /home/x'),
    new FanbaseError('DATA_MALFORMED', 'users.csv line 3 has user 42'),
    new FanbaseError('INTERNAL', 'bug'),
    'a string',
  ]) {
    const problem = problemOf(error);
    assert.is(problem.status, 500);
    assert.not.match(problem.detail, /secret|42|bug|string/);
  }
  const notReady = problemOf(new FanbaseError('NOT_READY', 'loading'));
  assert.is(notReady.status, 503);
  assert.match(notReady.detail, /retry/);
});

ProblemOf.run();
