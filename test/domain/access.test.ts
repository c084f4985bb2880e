import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ADMIN_SCOPE, grantFromClaims, mayRead } from '../../src/domain/access.js';
import { expectFanbaseError } from '../support/expect-error.js';

const Access = suite('access');

Access('a token reads the artists it lists, an admin reads every artist', () => {
  const label = grantFromClaims({ sub: 'label-a', artists: [123, 7] });
  assert.ok(mayRead(label, 123));
  assert.ok(mayRead(label, 7));
  assert.not.ok(mayRead(label, 124));
  const ops = grantFromClaims({ scope: `openid ${ADMIN_SCOPE} email` });
  assert.ok(ops.admin);
  assert.ok(mayRead(ops, 999_999));
  // a scope word that merely starts with the admin scope is not it
  const near = grantFromClaims({ scope: `${ADMIN_SCOPE}s`, artists: [1] });
  assert.not.ok(near.admin);
  assert.not.ok(mayRead(near, 2));
});

Access('a token that grants nothing, or lists ids badly, is refused', async () => {
  for (const claims of [{}, { artists: [] }, { scope: 'openid' }]) {
    await expectFanbaseError(() => grantFromClaims(claims), 'UNAUTHENTICATED', /grants no artist/);
  }
  for (const artists of [['123'], [1.5], [-1], 123, [2 ** 53]]) {
    await expectFanbaseError(
      () => grantFromClaims({ artists }),
      'UNAUTHENTICATED',
      /"artists" claim must be a list/,
    );
  }
});

Access.run();
