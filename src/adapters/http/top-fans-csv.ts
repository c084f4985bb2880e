import { Writable } from 'node:stream';
import type { TopFan } from '../../domain/answers.js';
import { DEFAULT_PRECISION, writeTopFans } from '../../output/top-fans-output.js';

/**
 * `fans` as the `topfans` command prints them by default (src/output/top-fans-output.ts), in one string;
 * with `explain`, as `topfans --explain` prints them (the fans must then carry their components).
 */
export async function topFansCsv(fans: readonly TopFan[], explain = false): Promise<string> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await writeTopFans(fans, sink, { format: 'csv', precision: DEFAULT_PRECISION, explain });
  return Buffer.concat(chunks).toString('utf8');
}
