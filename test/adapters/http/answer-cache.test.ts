import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createAnswerCache } from '../../../src/adapters/http/answer-cache.js';

const Cache = suite('answer cache');

Cache('an answer is computed once, however many ask for it at the same time', async () => {
  const cache = createAnswerCache(1 << 20);
  let computed = 0;
  const compute = async () => {
    computed++;
    await new Promise((resolve) => setTimeout(resolve, 10));
    return '{"total_fans":10}';
  };
  const bodies = await Promise.all([1, 2, 3].map(() => cache.get('a', compute)));
  assert.equal(bodies.map(String), ['{"total_fans":10}', '{"total_fans":10}', '{"total_fans":10}']);
  assert.is(String(await cache.get('a', compute)), '{"total_fans":10}');
  assert.is(computed, 1);
  assert.is(String(await cache.get('b', async () => 'other')), 'other', 'another key, another answer');
  // kept as UTF-8 bytes: a country name or a reason with accents is sized and served as bytes
  assert.is((await cache.get('é', async () => 'é')).length, 2);
});

Cache('peek: the kept body at once, nothing while it is computed or once it is let go', async () => {
  const cache = createAnswerCache(400);
  assert.is(cache.peek('a'), undefined);
  let release = () => {};
  const computing = cache.get('a', () => new Promise<string>((resolve) => (release = () => resolve('A'))));
  assert.is(cache.peek('a'), undefined, 'still computed: the caller waits on get');
  release();
  await computing;
  assert.is(String(cache.peek('a')), 'A');
  // 100 + 2 + 64 bytes each: b and c leave no room for a, the least recently asked
  await cache.get('b', async () => 'x'.repeat(100));
  await cache.get('c', async () => 'x'.repeat(100));
  await cache.get('d', async () => 'x'.repeat(100));
  assert.is(cache.peek('a'), undefined);
  // no cache: nothing is ever kept
  const none = createAnswerCache(0);
  await none.get('a', async () => 'A');
  assert.is(none.peek('a'), undefined);
});

Cache('past its bytes, the least recently asked answer goes first', async () => {
  // each entry: 100 + 2 * 1 + 64 = 166 bytes; 400 hold two
  const cache = createAnswerCache(400);
  const body = 'x'.repeat(100);
  const asked: string[] = [];
  const compute = (key: string) => async () => {
    asked.push(key);
    return body;
  };
  await cache.get('a', compute('a'));
  await cache.get('b', compute('b'));
  await cache.get('a', compute('a')); // a asked again: b is now the least recent
  await cache.get('c', compute('c')); // b goes
  await cache.get('a', compute('a'));
  await cache.get('b', compute('b'));
  assert.equal(asked, ['a', 'b', 'c', 'b']);
  assert.ok(cache.bytes <= 400, `${cache.bytes} bytes kept`);
});

Cache('a failed computation is not kept: the next ask computes again', async () => {
  const cache = createAnswerCache(1 << 20);
  let calls = 0;
  const flaky = async () => {
    calls++;
    if (calls === 1) throw new Error('engine busy');
    return 'ok';
  };
  const failed = await cache.get('a', flaky).then(
    () => null,
    (error: Error) => error.message,
  );
  assert.is(failed, 'engine busy');
  assert.is(String(await cache.get('a', flaky)), 'ok');
  assert.is(calls, 2);
});

Cache('0 bytes: no cache, every ask computes', async () => {
  const cache = createAnswerCache(0);
  let calls = 0;
  const compute = async () => `${++calls}`;
  assert.is(String(await cache.get('a', compute)), '1');
  assert.is(String(await cache.get('a', compute)), '2');
  assert.is(cache.bytes, 0);
});

Cache.run();
