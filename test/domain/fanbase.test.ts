import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DataReport } from '../../src/domain/data-report.js';
import type { FanRepository } from '../../src/domain/fan-repository.js';
import { createFanbase } from '../../src/domain/fanbase.js';
import type { FanRecord } from '../../src/domain/repository-rows.js';
import { resolveSettings } from '../../src/domain/settings.js';

const report = { as_of: '2026-06-15' } as DataReport;

function fan(user_id: number, extra: Partial<FanRecord> = {}): FanRecord {
  return {
    artist_id: 7,
    user_id,
    country: 'FR',
    age: 30,
    is_adult: true,
    score: 0.5,
    listening_ms: 60_000,
    streams: 1,
    active_days: 1,
    days_since_last_stream: 0,
    share: 1,
    follows: false,
    ...extra,
  };
}

/** A repository that answers from a list, recording what it was asked. */
function fakeRepository(fans: FanRecord[]) {
  const calls: string[] = [];
  let closed = false;
  const repository: FanRepository = {
    report,
    async artistProfile(artistId) {
      calls.push(`profile ${artistId}`);
      return {
        artist_id: artistId,
        total_fans: 2,
        age_counts: [{ value: 30, count: 2 }],
        country_counts: [],
      };
    },
    async artistProfiles() {
      return [{ artist_id: 7, total_fans: 1, age_counts: [], country_counts: [{ country: 'TN', count: 1 }] }];
    },
    async topFans(artistId, limit, _window, offset = 0) {
      calls.push(`top ${artistId} ${limit}${offset ? ` from ${offset}` : ''}`);
      return fans.slice(offset, offset + limit);
    },
    async artistSegments() {
      return { super: 1, moderate: 0, light: 1 };
    },
    async artistTrend() {
      return [{ month: '2026-06', active_fans: 2, new_fans: 2 }];
    },
    async everyTopFans(limit) {
      calls.push(`every top ${limit}`);
      return fans.slice(0, limit);
    },
    async fans() {
      return fans;
    },
    async close() {
      closed = true;
    },
  };
  return { repository, calls, isClosed: () => closed };
}

const settings = resolveSettings({ asOf: '2026-06-15' });
const Service = suite('createFanbase');

Service('summary checks the id, then summarizes the profile', async () => {
  const { repository, calls } = fakeRepository([]);
  const fb = createFanbase(repository, settings);
  assert.equal(await fb.summary(7), {
    success: true,
    artist_id: 7,
    total_fans: 2,
    fans_median_age: 30,
    fans_top_countries: [],
  });
  assert.equal(calls, ['profile 7']);
  try {
    await fb.summary('7' as unknown as number);
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /artist_id must be a whole number/);
  }
  assert.equal(calls, ['profile 7'], 'a bad id never reaches the repository');
});

Service('topFans ranks 1..n and checks nb_fans', async () => {
  const { repository } = fakeRepository([fan(5, { score: 0.9 }), fan(3, { score: 0.4 })]);
  const fb = createFanbase(repository, settings);
  assert.equal(await fb.topFans(7, 5), [
    { rank: 1, artist_id: 7, user_id: 5, country: 'FR', score: 0.9 },
    { rank: 2, artist_id: 7, user_id: 3, country: 'FR', score: 0.4 },
  ]);
  await assert.not.throws(() => fb.topFans(7, 1));
  try {
    await fb.topFans(7, 0);
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /nb_fans must be a whole number >= 1/);
  }
});

Service("topFans with an offset: a page of the ranking, its ranks the whole ranking's", async () => {
  const { repository, calls } = fakeRepository([fan(5), fan(3), fan(8), fan(1)]);
  const fb = createFanbase(repository, settings);
  // the fans ranked 3 and 4: the repository is asked from the 2nd on
  assert.equal(
    (await fb.topFans(7, 2, { offset: 2 })).map((f) => [f.rank, f.user_id]),
    [
      [3, 8],
      [4, 1],
    ],
  );
  assert.equal(calls, ['top 7 2 from 2']);
  // past the last fan: empty, and no reason (the artist does show fans, on the pages before)
  const past = await fb.topFans(7, 2, { offset: 10 });
  assert.equal([...past], []);
  assert.is(past.reason, undefined);
  assert.equal((await fb.explainTopFans(7, 1, { offset: 3 }))[0]?.rank, 4);
  for (const offset of [-1, 1.5, '2']) {
    try {
      await fb.topFans(7, 2, { offset: offset as number });
      assert.unreachable();
    } catch (error) {
      assert.match((error as Error).message, /offset must be a whole number >= 0/);
    }
  }
});

Service('topFans never shows a minor, even if a repository sends one', async () => {
  const { repository } = fakeRepository([
    fan(1, { age: 17, is_adult: true }),
    fan(2, { age: 18, country: 'KR', is_adult: true }),
    fan(3, { age: null, is_adult: true }),
    fan(4, { is_adult: false }),
    fan(5),
  ]);
  const fb = createFanbase(repository, settings);
  assert.equal(
    (await fb.topFans(7, 10)).map((f) => [f.rank, f.user_id]),
    [[1, 5]],
  );
});

Service('explainTopFans adds the components of each score', async () => {
  const { repository } = fakeRepository([fan(5, { follows: true })]);
  const [first] = await createFanbase(repository, settings).explainTopFans(7, 1);
  assert.is(first?.components.follow, 1);
  assert.is(first?.components.recency, 1);
  assert.is(first?.signals.streams, 1);
});

Service('summaryIndex summarizes every profile once, zeros for the others', async () => {
  const { repository } = fakeRepository([]);
  const index = await createFanbase(repository, settings).summaryIndex();
  assert.is(index.artists, 1);
  assert.equal(index.get(7).fans_top_countries, ['TN']);
  assert.ok(index.has(7));
  assert.not.ok(index.has(8));
  assert.equal(index.get(8), {
    success: false,
    artist_id: 8,
    total_fans: 0,
    fans_median_age: null,
    fans_top_countries: [],
  });
});

Service('report and close pass through', async () => {
  const { repository, isClosed } = fakeRepository([]);
  const fb = createFanbase(repository, settings);
  assert.is(fb.report, report);
  assert.is(fb.settings, settings);
  await fb.close();
  assert.ok(isClosed());
});

Service.run();
