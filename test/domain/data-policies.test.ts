import { readdirSync, readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_POLICIES, policyFor } from '../../src/domain/data-policies.js';

const Policies = suite('data policies');

Policies('every reason a report query can give has a documented policy, and no policy is orphaned', () => {
  const sqlDir = new URL('../../sql/load/', import.meta.url);
  const reasons = new Set<string>();
  for (const file of readdirSync(sqlDir).filter((f) => f.endsWith('_issues.sql'))) {
    const table = file.replace('_issues.sql', '');
    const text = readFileSync(new URL(file, sqlDir), 'utf8');
    for (const m of text.matchAll(/(?:select|then)\s+'([a-z_]+)'/g)) reasons.add(`${table}/${m[1]}`);
  }
  assert.ok(reasons.size >= 15, `found ${reasons.size}`);
  assert.equal([...reasons].sort(), Object.keys(DATA_POLICIES).sort());
});

Policies('docs/data-contract.md documents every policy', () => {
  const page = readFileSync(new URL('../../docs/data-contract.md', import.meta.url), 'utf8');
  for (const key of Object.keys(DATA_POLICIES)) {
    const reason = key.split('/')[1] as string;
    assert.ok(page.includes(`\`${reason}\``), `docs/data-contract.md lacks ${reason}`);
  }
});

Policies('an unknown reason still reads as counted', () => {
  assert.is(policyFor('users', 'nope'), 'counted in this report');
  assert.match(policyFor('users', 'consent_missing'), /treated as no consent/);
});

Policies.run();
