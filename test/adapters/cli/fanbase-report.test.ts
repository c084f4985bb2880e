import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { describeReport } from '../../../src/adapters/cli/fanbase-report.js';

const Describe = suite('describeReport');

Describe('lists sources, totals, problems with policy and examples, and warnings', () => {
  const text = describeReport({
    as_of: '2026-06-15',
    sources: [
      { table: 'users', format: 'csv', files: ['u.csv'], rows: 3, missing_columns: ['country'] },
      { table: 'follows', format: 'none', files: [], rows: 0, missing_columns: [] },
    ],
    issues: [
      {
        table: 'users',
        reason: 'consent_missing',
        count: 2,
        policy: 'treated as no',
        examples: ['user_id 1'],
      },
    ],
    totals: { users: 3, eligible_users: 1, streams: 9, follows: 0, artists_with_fans: 1, fans: 1 },
    warnings: ['users has no country'],
    timings: { 'read users': 0.1 },
  });
  assert.is(
    text,
    [
      'Data report (as of 2026-06-15)',
      '',
      '  users: 3 rows, csv, 1 file(s); without country',
      '  follows: absent',
      '',
      '  In the answers (consenting users only): 1 users, 1 fans over 1 artists',
      '  In the exports (every row, consenting or not): 3 users, 9 streams, 0 follows',
      '',
      'Problem rows (none is dropped silently):',
      '  users consent_missing: 2',
      '    policy: treated as no',
      '    e.g. user_id 1',
      '',
      'Warnings:',
      '  users has no country',
      '',
    ].join('\n'),
  );
});

Describe('says when there is nothing wrong', () => {
  const text = describeReport({
    as_of: '2026-06-15',
    sources: [],
    issues: [],
    totals: { users: 0, eligible_users: 0, streams: 0, follows: 0, artists_with_fans: 0, fans: 0 },
    warnings: [],
    timings: {},
  });
  assert.match(text, /No problem rows\.\n$/);
});

Describe.run();
