import { PassThrough } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExplainedTopFan } from '../../src/domain/answers.js';
import { type OutputOptions, writeTopFans } from '../../src/output/top-fans-output.js';

async function render(
  fans: ExplainedTopFan[],
  options: Partial<OutputOptions> = {},
  highWaterMark = 16 * 1024,
) {
  const out = new PassThrough({ highWaterMark });
  let text = '';
  out.on('data', (c) => {
    text += c;
  });
  await writeTopFans(fans, out, { format: 'csv', precision: 2, explain: false, ...options });
  out.end();
  await new Promise((r) => out.once('end', r));
  return text;
}

const fan = (rank: number, country: string | null, score: number): ExplainedTopFan => ({
  rank,
  artist_id: 123,
  user_id: 900 + rank,
  country,
  score,
  components: { listening: null, streams: 0.5, regularity: 0.25, recency: 1, share: 0.125, follow: 0 },
  signals: {
    listening_ms: null,
    streams: 1,
    active_days: 1,
    days_since_last_stream: 0,
    share: 0.125,
    follows: false,
  },
});

const Output = suite('writeTopFans');

Output('CSV as in the specification: header, quoted country, 2 decimals', async () => {
  assert.is(
    await render([fan(1, 'TN', 0.9149), fan(2, null, 0.5)]),
    'rank,artist_id,user_id,country,score\n1,123,901,"TN",0.91\n2,123,902,"",0.50\n',
  );
  assert.is(await render([]), 'rank,artist_id,user_id,country,score\n');
  assert.is(
    await render([fan(1, 'A"B', 1)], { precision: 0 }),
    'rank,artist_id,user_id,country,score\n1,123,901,"A""B",1\n',
  );
});

Output('explain adds the components; an unknown one is empty', async () => {
  assert.is(
    await render([fan(1, 'FR', 0.5)], { explain: true }),
    'rank,artist_id,user_id,country,score,listening,streams,regularity,recency,share,follow\n1,123,901,"FR",0.50,,0.50,0.25,1.00,0.13,0.00\n',
  );
});

Output('JSON: an array of plain objects with rounded numbers', async () => {
  assert.is(await render([], { format: 'json' }), '[]\n');
  const json = JSON.parse(
    await render([fan(1, 'FR', 0.456), fan(2, null, 0.1)], { format: 'json', explain: true }),
  );
  assert.equal(json[0], {
    rank: 1,
    artist_id: 123,
    user_id: 901,
    country: 'FR',
    score: 0.46,
    listening: null,
    streams: 0.5,
    regularity: 0.25,
    recency: 1,
    share: 0.13,
    follow: 0,
  });
});

Output('many rows through a small buffer: back-pressure is respected, nothing lost', async () => {
  const fans = Array.from({ length: 5_000 }, (_, i) => fan(i + 1, 'FR', 1 - i / 10_000));
  const text = await render(fans, {}, 64);
  const lines = text.trim().split('\n');
  assert.is(lines.length, 5_001);
  assert.is(lines[5_000], '5000,123,5900,"FR",0.50');
});

Output.run();
