import { LRUCache } from 'lru-cache';

/**
 * The serialized answers of one dataset's GET questions (an artist's audience, a page of its top fans), by
 * request, least recently used out first past `maxBytes`: a dataset is immutable while it is served, so an
 * answer computed once is the answer until the next dataset, which brings a cache of its own. Requests
 * for the same answer while it is computed wait for that one computation.
 */
export interface AnswerCache {
  /**
   * The body of `key`, as UTF-8 bytes: kept, or computed by `compute` (once, however many ask at the same
   * time) and kept. Kept as bytes, outside the JavaScript heap: written as they are, never encoded again.
   */
  get(key: string, compute: () => Promise<string>): Promise<Buffer>;
  /** The body of `key` when it is kept, without waiting: the hot path's lookup, before `get`. */
  peek(key: string): Buffer | undefined;
  /** Bytes kept, about: the bodies, their keys and their bookkeeping. */
  readonly bytes: number;
}

/** A cache of at most `maxBytes` (0: none; every answer computed). */
export function createAnswerCache(maxBytes: number): AnswerCache {
  if (maxBytes <= 0) {
    return { get: async (_key, compute) => Buffer.from(await compute()), peek: () => undefined, bytes: 0 };
  }
  const cache = new LRUCache<string, Buffer, () => Promise<string>>({
    maxSize: maxBytes,
    // the body's bytes, the key (a string: two bytes per character at most) and the entry's bookkeeping
    sizeCalculation: (body, key) => body.length + 2 * key.length + 64,
    fetchMethod: async (_key, _stale, { context }) => Buffer.from(await context()),
  });
  return {
    async get(key, compute) {
      const body = await cache.fetch(key, { context: compute });
      // the body of an answer is never empty: an undefined one would be the cache's, not the answer's
      if (body === undefined) return Buffer.from(await compute());
      return body;
    },
    peek: (key) => cache.get(key),
    get bytes() {
      return cache.calculatedSize;
    },
  };
}
