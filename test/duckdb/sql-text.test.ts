import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sqlIdentifier, sqlString, sqlStringList } from '../../src/duckdb/sql-text.js';
import { freshConnection } from '../support/duckdb.js';

const Quote = suite('sql quoting');

Quote('quotes strings and identifiers so that no text escapes them', async () => {
  assert.is(sqlString("it's"), "'it''s'");
  assert.is(sqlIdentifier('a"b'), '"a""b"');
  assert.is(sqlStringList(['a', "b'"]), "['a', 'b''']");
  const { conn, close } = await freshConnection();
  try {
    const nasty = "x'); drop table t; --";
    const rows = (
      await conn.runAndReadAll(`select ${sqlString(nasty)} as ${sqlIdentifier('we"ird')}`)
    ).getRowObjectsJS();
    assert.equal(rows, [{ 'we"ird': nasty }]);
  } finally {
    close();
  }
});

Quote.run();
