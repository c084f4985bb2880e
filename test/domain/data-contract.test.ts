import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DATA_CONTRACT } from '../../src/domain/data-contract.js';

const Contract = suite('data contract');

Contract('users and streams are required; their ids are required columns', () => {
  const required = DATA_CONTRACT.filter((t) => t.required).map((t) => t.name);
  assert.equal(required, ['users', 'streams']);
  for (const table of DATA_CONTRACT) {
    assert.ok(table.columns.find((c) => c.name === 'user_id')?.required, table.name);
  }
});

Contract('every optional column and table says what the tools lose without it', () => {
  for (const table of DATA_CONTRACT) {
    if (!table.required) assert.ok(table.whenAbsent, table.name);
    for (const column of table.columns.filter((c) => !c.required && table.required)) {
      assert.ok(column.whenAbsent, `${table.name}.${column.name}`);
    }
  }
});

Contract('docs/data-contract.md documents every column of the contract', () => {
  const page = readFileSync(new URL('../../docs/data-contract.md', import.meta.url), 'utf8');
  for (const table of DATA_CONTRACT) {
    for (const column of table.columns)
      assert.ok(
        page.includes(`| \`${column.name}\``),
        `docs/data-contract.md lacks ${table.name}.${column.name}`,
      );
  }
});

Contract.run();
