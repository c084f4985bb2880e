import { Writable } from 'node:stream';
import { pino } from 'pino';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { accessLogWriter } from '../../../src/adapters/http/access-log-writer.js';

/** A pino logger writing into `lines`, with the API's base fields. */
function logger(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).trim().split('\n'));
      done();
    },
  });
  return { log: pino({ level, base: { service: 'fanbase' } }, stream), lines };
}

const Writer = suite('accessLogWriter');

Writer("pino's private symbols still give its stream and bindings: the lines are pino's own", async () => {
  const ours = logger();
  const write = accessLogWriter(ours.log);
  write('POST', '/fanbase', 200, 1.5, 'req-1');
  write('GET', '/"odd"', 404, 0.25, 'req-2');
  await new Promise((resolve) => setImmediate(resolve));
  const theirs = logger();
  theirs.log.info(
    { method: 'POST', path: '/fanbase', status: 200, duration_ms: 1.5, request_id: 'req-1' },
    'request',
  );
  const without = (line: string) => {
    const { time: _, ...rest } = JSON.parse(line);
    return rest;
  };
  assert.is(ours.lines.length, 2, 'both lines, written in one turn');
  assert.equal(without(ours.lines[0] as string), without(theirs.lines[0] as string));
  assert.is(JSON.parse(ours.lines[1] as string).path, '/"odd"');
});

Writer('writes nothing when info is off', async () => {
  const quiet = logger('warn');
  accessLogWriter(quiet.log)('GET', '/health', 200, 1, 'r');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(quiet.lines, []);
});

Writer.run();
