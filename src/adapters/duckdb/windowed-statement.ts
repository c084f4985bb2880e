import { sqlFile } from '../../duckdb/sql-files.js';
import { WINDOW_RELATIONS as RELATIONS } from '../../load/load-dataset.js';
import { declaredReads } from '../../sql-header.js';

const cache = new Map<string, string>();

/**
 * Question `sql/duckdb/<name>.sql` over a window of days: the tables of the load it reads (`WINDOW_RELATIONS`:
 * the sums, `fan_scores`, `fans`, `artist_profiles`) computed again, as common table expressions from `sql/load/<relation>.sql`, over the
 * daily aggregates the snapshot keeps, for `$window_start`..`$window_end` (and `$artist_id` when the
 * question names one). The same files as the load: a window changes which days count, never a rule.
 */
export function windowedStatement(name: string): string {
  let statement = cache.get(name);
  if (statement !== undefined) return statement;
  const own = sqlFile(`duckdb/${name}`);
  const needed = new Set<string>();
  const visit = (text: string) => {
    for (const relation of declaredReads(text)) {
      if (!(RELATIONS as readonly string[]).includes(relation) || needed.has(relation)) continue;
      needed.add(relation);
      visit(sqlFile(`load/${relation}`));
    }
  };
  visit(own);
  const ctes = RELATIONS.filter((r) => needed.has(r)).map((r) => `${r} as (\n${sqlFile(`load/${r}`)}\n)`);
  const body = own.replace(/^(\s*--[^\n]*\n)+/, '').trim();
  // a question with common table expressions of its own has them after the window's
  const ownCtes = /^with\s/i.test(body);
  const rest = ownCtes ? `,\n${body.replace(/^with\s+/i, '')}` : `\n${body}`;
  statement = `-- fanbase: ${name} over a window\nwith ${ctes.join(',\n')}${rest}`;
  cache.set(name, statement);
  return statement;
}
