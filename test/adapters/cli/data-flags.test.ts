import { cac } from 'cac';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { dataOptions, withDataFlags } from '../../../src/adapters/cli/data-flags.js';

const DataFlags = suite('data flags');

DataFlags('flags win over FANBASE_* variables, which win over the defaults', () => {
  const env = { FANBASE_DATA: '/env/data', FANBASE_MAPPING: '/env/m.json', FANBASE_AS_OF: '2026-01-01' };
  assert.equal(dataOptions({ data: '/flag', asOf: '2026-06-15' }, env), {
    data: '/flag',
    mapping: '/env/m.json',
    asOf: '2026-06-15',
  });
  assert.equal(dataOptions({}, {}), { data: undefined, mapping: undefined, asOf: undefined });
  assert.equal(dataOptions({}, { FANBASE_DATA: '  ' }).data, undefined);
});

DataFlags('declares --data, --mapping and --as-of on a command', () => {
  const command = withDataFlags(cac('x').command('run', 'r'));
  assert.equal(
    command.options.map((o) => o.name),
    ['data', 'mapping', 'asOf'],
  );
});

DataFlags.run();
