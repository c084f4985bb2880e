/**
 * Sharding equivalence: the demo dataset (generated: 300 artists with fans) split by the cluster's shard key,
 * intHash64(artist_id) % N, into N chdb sessions, each answering for its own artists with the same question
 * SQL, and the answers merged as a Distributed table would: the union of the shards' rows. Each shard holds
 * what a node of the cluster holds (sql/clickhouse/cluster): every user; the streams and follows of its
 * artists, hence their artist_listening; and user_listening as the Distributed table reads it, the
 * sums of every shard (exact: the shards' sums add up to the single node's).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chdbTransport } from '../../../src/adapters/clickhouse/chdb-transport.js';
import { ClickHouseFanRepository } from '../../../src/adapters/clickhouse/clickhouse-fan-repository.js';
import { loadExports } from '../../../src/adapters/clickhouse/load-exports.js';
import { createSchema } from '../../../src/adapters/clickhouse/schema.js';
import type { ClickHouseTransport } from '../../../src/adapters/clickhouse/transport.js';
import type { ArtistProfile, FanRecord } from '../../../src/domain/repository-rows.js';
import { resolveSettings } from '../../../src/domain/settings.js';
import type { RankedFan } from '../../../src/domain/top-fans-index.js';
import { FIXTURES } from '../../support/duckdb.js';

const SHARDS = 3;
const SETTINGS = resolveSettings({ asOf: '2026-06-15' });

interface Answers {
  profiles: ArtistProfile[];
  top: RankedFan[];
  fans: Map<number, FanRecord[]>;
}

/** What a node answers; the fans of `artists` it holds (default: its 20 largest artists, where shares matter most). */
async function answersOf(transport: ClickHouseTransport, artists?: number[]): Promise<Answers> {
  const repository = await ClickHouseFanRepository.open(transport, SETTINGS);
  try {
    const profiles = await repository.artistProfiles();
    const fans = new Map<number, FanRecord[]>();
    const largest = [...profiles].sort((a, b) => b.total_fans - a.total_fans || a.artist_id - b.artist_id);
    const held =
      artists?.filter((a) => profiles.some((p) => p.artist_id === a)) ??
      largest.slice(0, 20).map((p) => p.artist_id);
    for (const artist of held) fans.set(artist, await repository.fans(artist));
    return { profiles, top: await repository.everyTopFans(100), fans };
  } finally {
    await repository.close();
  }
}

const Sharding = suite('sharding by artist_id');

Sharding(`${SHARDS} shards answer what one node answers`, async () => {
  const work = mkdtempSync(join(tmpdir(), 'fanbase-shards-'));
  try {
    // one node: the reference, and the split by the shard key
    const single = await chdbTransport();
    let reference: Answers;
    try {
      await loadExports(single, join(FIXTURES, 'demo'), {}, SETTINGS);
      for (let shard = 0; shard < SHARDS; shard++) {
        for (const table of ['streams_source', 'follows_source']) {
          await single.command(
            `insert into function file({file:String}, Native) select * from ${table} where intHash64(artist_id) % {shards:UInt32} = {shard:UInt32}`,
            { file: join(work, `${table}-${shard}.native`), shards: SHARDS, shard },
          );
        }
      }
      await single.command('insert into function file({file:String}, Native) select * from users_source', {
        file: join(work, 'users_source.native'),
      });
      reference = await answersOf(single); // closes the session
    } finally {
      await single.close();
    }

    // each shard's node: all users, its artists' streams and follows; its materialized views fill its tables
    const folders = Array.from({ length: SHARDS }, (_, shard) => join(work, `node-${shard}`));
    for (let shard = 0; shard < SHARDS; shard++) {
      const node = await chdbTransport({ path: folders[shard] });
      try {
        await createSchema(node, SETTINGS.fan.minMsPlayed);
        const insert = (table: string, file: string) =>
          node.command(`insert into ${table} select * from file({file:String}, Native)`, {
            file: join(work, file),
          });
        await insert('users_source', 'users_source.native');
        await insert('streams_source', `streams_source-${shard}.native`);
        await insert('follows_source', `follows_source-${shard}.native`);
        await node.command('insert into function file({file:String}, Native) select * from user_listening', {
          file: join(work, `user_listening-${shard}.native`),
        });
      } finally {
        await node.close();
      }
    }

    // user_listening as the Distributed table reads it: every shard's sums; then each shard answers
    const merged: Answers = { profiles: [], top: [], fans: new Map() };
    const owner = new Map<number, number>();
    for (let shard = 0; shard < SHARDS; shard++) {
      const node = await chdbTransport({ path: folders[shard] });
      for (let other = 0; other < SHARDS; other++) {
        if (other === shard) continue;
        await node.command('insert into user_listening select * from file({file:String}, Native)', {
          file: join(work, `user_listening-${other}.native`),
        });
      }
      const answers = await answersOf(node, [...reference.fans.keys()]);
      assert.ok(answers.profiles.length > 0, `shard ${shard} holds artists`);
      for (const profile of answers.profiles) {
        assert.not.ok(owner.has(profile.artist_id), `artist ${profile.artist_id} on two shards`);
        owner.set(profile.artist_id, shard);
      }
      merged.profiles.push(...answers.profiles);
      merged.top.push(...answers.top);
      for (const [artist, fans] of answers.fans) merged.fans.set(artist, fans);
    }

    // the merge a Distributed query makes: union, in the order the question asks for
    merged.profiles.sort((a, b) => a.artist_id - b.artist_id);
    const rankOf = new Map(reference.top.map((f, i) => [`${f.artist_id}/${f.user_id}`, i]));
    merged.top.sort(
      (a, b) =>
        a.artist_id - b.artist_id ||
        (rankOf.get(`${a.artist_id}/${a.user_id}`) ?? 0) - (rankOf.get(`${b.artist_id}/${b.user_id}`) ?? 0),
    );
    assert.equal(merged.profiles, reference.profiles);
    assert.is(merged.top.length, reference.top.length);
    merged.top.forEach((fan, i) => {
      const expected = reference.top[i] as RankedFan;
      assert.equal({ ...fan, score: 0 }, { ...expected, score: 0 });
      assert.ok(Math.abs(fan.score - expected.score) < 1e-12, `${fan.artist_id}/${fan.user_id}`);
    });
    for (const [artist, fans] of reference.fans) {
      const got = merged.fans.get(artist) ?? [];
      assert.is(got.length, fans.length, `fans of ${artist}`);
      fans.forEach((fan, i) => {
        const actual = got[i] as FanRecord;
        assert.equal({ ...actual, score: 0, share: 0 }, { ...fan, score: 0, share: 0 }, `fans of ${artist}`);
        assert.ok(Math.abs(actual.share - fan.share) < 1e-12, `share of ${artist}/${fan.user_id}`);
        assert.ok(Math.abs(actual.score - fan.score) < 1e-12, `score of ${artist}/${fan.user_id}`);
      });
    }
    assert.is(new Set(owner.values()).size, SHARDS);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

Sharding.run();
