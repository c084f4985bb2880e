import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { progressBar } from '../../../src/adapters/cli/progress-bar.js';

const fakeStream = (isTTY: boolean) => {
  const written: string[] = [];
  return {
    stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
    written,
  };
};

const Bar = suite('progressBar');

Bar('draws on a terminal, ends with a new line', () => {
  const { stream, written } = fakeStream(true);
  const bar = progressBar(200, stream);
  bar(100);
  bar(200);
  assert.match(written[0] ?? '', /^\r\[#{15}\.{15}\] {2}50% 100\/200 streams, \d+ s$/);
  assert.match(written[1] ?? '', /100% 200\/200 streams/);
  assert.is(written[2], '\n');
});

Bar('stays silent when stderr is not a terminal', () => {
  const { stream, written } = fakeStream(false);
  progressBar(10, stream)(10);
  assert.equal(written, []);
});

Bar.run();
