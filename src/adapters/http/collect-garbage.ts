import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A speed trick, fenced here: V8's own full garbage collection, the `gc()` that `node --expose-gc` gives,
 * taken without the flag (set for the one new context it is read from, then unset again), so that the API
 * needs no flag on its command line. Loading a dataset leaves hundreds of megabytes of dead rows in the old
 * generation, which V8 may keep for minutes; under load they cost the API a third of its throughput
 * (NOTES.md, "The web API"). test/adapters/http/collect-garbage.test.ts holds it to freeing memory.
 */
let collect: (() => void) | undefined;

/** Runs a full, blocking garbage collection (tens of milliseconds on a loaded dataset): after a load only. */
export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  // every fragmented page evacuated, not only the emptiest: the load's survivors are spread over the pages its
  // rows filled, and pages kept for them cost every young-generation collection afterwards
  setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
