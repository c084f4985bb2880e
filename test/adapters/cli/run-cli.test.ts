import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../support/cli.js';

// runCli is what both commands run through; these check its contract on the real programs.
const RunCli = suite('runCli');

RunCli('stdout carries only data; an error is one line on stderr plus where usage is', () => {
  const out = run('topfans', ['--artist_id', 'x']);
  assert.is(out.stdout, '');
  assert.is(
    out.stderr,
    'topfans: --artist_id must be a whole number from 0 to 9007199254740991, got "x"\nRun topfans --help for usage.\n',
  );
  assert.is(out.code, 2);
});

RunCli('a data error has no usage hint and exit code 1', () => {
  const out = run('fanbase', ['summary', '1', '--data', '/nowhere']);
  assert.is(out.stderr, 'fanbase: data folder /nowhere does not exist: check the path\n');
  assert.is(out.code, 1);
});

RunCli.run();
