import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type SourceReport, streamsHaveMsPlayed } from '../../src/domain/data-report.js';

const Report = suite('data report');

const streams = (missing: string[]): SourceReport => ({
  table: 'streams',
  format: 'csv',
  files: ['streams.csv'],
  rows: 1,
  missing_columns: missing,
});

Report('streamsHaveMsPlayed: unless the streams export lacks ms_played', () => {
  assert.is(streamsHaveMsPlayed([streams([])]), true);
  assert.is(streamsHaveMsPlayed([streams(['ms_played'])]), false);
  // another table's missing ms_played says nothing of the streams'; no report read yet: assume it
  assert.is(streamsHaveMsPlayed([{ ...streams(['ms_played']), table: 'follows' }]), true);
  assert.is(streamsHaveMsPlayed([]), true);
});

Report.run();
