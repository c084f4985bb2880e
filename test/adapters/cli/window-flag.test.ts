import { cac } from 'cac';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkWindowFlag, windowFlag, withWindowFlag } from '../../../src/adapters/cli/window-flag.js';
import type { FanDataset } from '../../../src/domain/fanbase.js';
import { resolveSettings } from '../../../src/domain/settings.js';
import { expectFanbaseError } from '../../support/expect-error.js';

const Window = suite('--window');

Window('is declared with what it accepts', () => {
  const command = withWindowFlag(cac('topfans').command(''));
  const option = command.options.find((o) => o.name === 'window');
  assert.ok(option, 'declared');
  assert.match(option?.description ?? '', /all, 7d, 28d, 12m .* YYYY-MM-DD\.\.YYYY-MM-DD/);
});

Window('windowFlag: the spelling checked before any data is read, named --window', async () => {
  assert.is(windowFlag({}), undefined);
  for (const w of ['all', '7d', '28d', '12m', '2026-06-01..2026-06-30'])
    assert.is(windowFlag({ window: w }), w);
  await expectFanbaseError(() => windowFlag({ window: '1w' }), 'INVALID_ARGUMENT', /^--window must be "all"/);
  await expectFanbaseError(() => windowFlag({ window: ['7d', '28d'] }), 'INVALID_ARGUMENT', /given 2 times/);
  await expectFanbaseError(() => windowFlag({ window: true }), 'INVALID_ARGUMENT', /--window needs a value/);
});

Window('checkWindowFlag: a range must end by the loaded as_of', async () => {
  const fanbase = { settings: resolveSettings({ asOf: '2026-06-15' }) } as FanDataset;
  checkWindowFlag(undefined, fanbase);
  checkWindowFlag('2026-06-01..2026-06-15', fanbase);
  await expectFanbaseError(
    () => checkWindowFlag('2026-06-01..2026-06-16', fanbase),
    'INVALID_ARGUMENT',
    /^--window 2026-06-01\.\.2026-06-16 ends after as_of \(2026-06-15\)/,
  );
});

Window.run();
