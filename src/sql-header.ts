/**
 * What a SQL file of fanbase says of itself in its header, dbt-style: its grain on the first line
 * (`-- one row per (artist_id, user_id): ...`) and the relations it reads (`-- reads: fans, users`). The
 * ClickHouse questions are assembled from the declared reads; tests hold each header to its statement.
 */

/** The relations and tables a statement declares it reads (`-- reads: a, b`; `nothing` for none). */
export function declaredReads(sql: string): string[] {
  const line = /^-- reads: (.+)$/m.exec(sql)?.[1];
  if (line === undefined) throw new TypeError(`a SQL file without a "-- reads:" line: ${sql.split('\n')[0]}`);
  return line.trim() === 'nothing' ? [] : line.split(',').map((name) => name.trim());
}

/** The columns a statement's first line says make a row unique: `one row per (a, b)` or `one row per a`. */
export function declaredGrain(sql: string): string[] | null {
  const first = sql.split('\n')[0] ?? '';
  const listed = /^-- one row per \(([a-z_, ]+)\)/.exec(first)?.[1];
  if (listed !== undefined) return listed.split(',').map((c) => c.trim());
  const single = /^-- one row per ([a-z_]+_id)\b/.exec(first)?.[1];
  return single === undefined ? null : [single];
}
