import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { matchesIfNoneMatch } from '../../../src/adapters/http/if-none-match.js';

const IfNoneMatch = suite('matchesIfNoneMatch');

IfNoneMatch('the tag itself, in a list, weak on either side, or *', () => {
  assert.ok(matchesIfNoneMatch('"a-json"', '"a-json"'));
  assert.ok(matchesIfNoneMatch('"b-json", "a-json"', '"a-json"'));
  assert.ok(matchesIfNoneMatch('W/"a-json"', '"a-json"'));
  assert.ok(matchesIfNoneMatch('"a-json"', 'W/"a-json"'));
  assert.ok(matchesIfNoneMatch('*', '"a-json"'));
});

IfNoneMatch('no header, another tag, or a tag without its quotes', () => {
  assert.not.ok(matchesIfNoneMatch(undefined, '"a-json"'));
  assert.not.ok(matchesIfNoneMatch('"a-csv"', '"a-json"'));
  assert.not.ok(matchesIfNoneMatch('a-json', '"a-json"'));
  assert.not.ok(matchesIfNoneMatch('', '"a-json"'));
});

IfNoneMatch.run();
