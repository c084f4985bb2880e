import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeLoadProgress, progressLine } from '../../../src/adapters/cli/progress-line.js';

const fakeStream = (isTTY: boolean, columns = 80) => {
  const written: string[] = [];
  return {
    stream: { isTTY, columns, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
    written,
  };
};

const Line = suite('progressLine');

Line('on a terminal: the line is drawn in place, then cleared before the closing line', () => {
  const { stream, written } = fakeStream(true);
  const line = progressLine(stream);
  line.show('[1/12] read users (0 s)');
  line.done('topfans: done');
  assert.equal(written, ['\r\x1b[2K[1/12] read users (0 s)', '\r\x1b[2K', 'topfans: done\n']);
});

Line('on a terminal: at most ten redraws a second, and never wider than the terminal', () => {
  const { stream, written } = fakeStream(true, 20);
  const line = progressLine(stream);
  line.show('first, far too long for twenty columns');
  line.show('second, at once after: not drawn');
  assert.equal(written, ['\r\x1b[2Kfirst, far too lon…']);
});

Line('elsewhere (a pipe, a log): nothing but the closing line', () => {
  const { stream, written } = fakeStream(false);
  const line = progressLine(stream);
  line.show('[1/12] read users (0 s)');
  line.clear();
  line.done('fanbase: done');
  assert.equal(written, ['fanbase: done\n']);
});

Line('quiet: nothing at all, on a terminal or not', () => {
  for (const isTTY of [true, false]) {
    const { stream, written } = fakeStream(isTTY);
    const line = progressLine(stream, true);
    line.show('[1/12] read users (0 s)');
    line.done('fanbase: done');
    assert.equal(written, []);
  }
});

Line('a failure clears the line, so that the error starts a line of its own', () => {
  const { stream, written } = fakeStream(true);
  const line = progressLine(stream);
  line.show('[5/12] build streams_daily 37% (12 s)');
  line.clear();
  line.clear();
  assert.equal(written, ['\r\x1b[2K[5/12] build streams_daily 37% (12 s)', '\r\x1b[2K']);
});

Line("describeLoadProgress: the step, DuckDB's share when it has one, the time so far", () => {
  const step = { step: 'build streams_daily', index: 5, steps: 13, elapsed: 12.4 };
  assert.is(describeLoadProgress({ ...step, percent: 37.4 }), '[5/13] build streams_daily 37% (12 s)');
  assert.is(describeLoadProgress({ ...step, percent: null }), '[5/13] build streams_daily (12 s)');
});

Line.run();
