import { cac } from 'cac';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { restoreRawValues } from '../../../src/adapters/cli/raw-values.js';

function parse(argv: string[]) {
  const cli = cac('t');
  cli
    .command('', 'x')
    .option('--artist-id, --artist_id <id>', 'a')
    .option('--data <folder>', 'd')
    .option('--explain', 'e');
  cli.parse(['node', 't', ...argv], { run: false });
  restoreRawValues(cli);
  return cli.options as Record<string, unknown>;
}

const Raw = suite('restoreRawValues');

Raw('gives back the text typed, under every name of the option', () => {
  assert.is(parse(['--artist_id', '0x7b']).artistId, '0x7b');
  assert.is(parse(['--artist-id=1e2']).artist_id, '1e2');
  assert.is(parse(['--artist_id', '']).artistId, '');
  assert.is(parse(['--data', '007']).data, '007');
  assert.equal(parse(['--artist_id', '1', '--artist-id', '2']).artistId, ['1', '2']);
});

Raw('leaves booleans and absent options alone', () => {
  const options = parse(['--explain', '--data', 'x']);
  assert.is(options.explain, true);
  assert.is(options.artistId, undefined);
});

Raw.run();
