import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { topFansCsv } from '../../../src/adapters/http/top-fans-csv.js';

const Csv = suite('topFansCsv');

Csv(
  'the topfans CSV: its header, the country quoted, the score to 2 decimals, a line end after each row',
  async () => {
    const csv = await topFansCsv([
      { rank: 4, artist_id: 123, user_id: 9, country: 'TN', score: 0.223702161 },
      { rank: 5, artist_id: 123, user_id: 5, country: null, score: 0.1 },
    ]);
    // 0.223702161 to 2 decimals is 0.22; an unknown country is an empty quoted field, as topfans prints it
    assert.is(csv, 'rank,artist_id,user_id,country,score\n4,123,9,"TN",0.22\n5,123,5,"",0.10\n');
  },
);

Csv('no fans: the header alone', async () => {
  assert.is(await topFansCsv([]), 'rank,artist_id,user_id,country,score\n');
});

Csv.run();
