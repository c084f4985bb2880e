import * as assert from 'uvu/assert';
import { FanbaseError, type FanbaseErrorCode } from '../../src/domain/errors.js';

/** Asserts that `run` fails with a FanbaseError of `code` whose message matches every pattern. */
export async function expectFanbaseError(
  run: () => unknown,
  code: FanbaseErrorCode,
  ...patterns: RegExp[]
): Promise<FanbaseError> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof FanbaseError)) throw error;
    assert.is(error.code, code, `${error.code}: ${error.message}`);
    for (const pattern of patterns) assert.match(error.message, pattern);
    return error;
  }
  assert.unreachable(`expected a FanbaseError ${code}`);
  throw new Error('unreachable');
}
