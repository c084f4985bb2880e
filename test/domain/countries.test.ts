import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ISO_COUNTRY_CODES, isCountryCode } from '../../src/domain/countries.js';

const Countries = suite('countries');

Countries('lists the 249 assigned ISO 3166-1 alpha-2 codes once each', () => {
  assert.is(ISO_COUNTRY_CODES.length, 249);
  assert.is(new Set(ISO_COUNTRY_CODES).size, 249);
  assert.ok(ISO_COUNTRY_CODES.every((c) => /^[A-Z]{2}$/.test(c)));
});

Countries('knows codes, not names, lower case or reserved codes', () => {
  for (const code of ['FR', 'TN', 'NE', 'US', 'KR', 'SS', 'AX']) assert.ok(isCountryCode(code), code);
  for (const code of ['XX', 'fr', 'FRA', 'UK', 'EU', '']) assert.not.ok(isCountryCode(code), code);
});

Countries.run();
