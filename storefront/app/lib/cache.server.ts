/**
 * A small in-process cache for catalogue reads (products, categories, regions):
 * the backend answers a product page in ~100 ms and is CPU-bound under load, while
 * the catalogue changes rarely. Entries are fresh for `freshMs`; after that the
 * stale value is served while one refresh runs in the background, up to `maxStaleMs`.
 * Concurrent misses for one key share a single backend call.
 */
type Entry<T> = { value: T; storedAt: number; refreshing?: Promise<T> };

export type CacheOptions = { freshMs: number; maxStaleMs: number; now?: () => number };

export function createCache<T>({ freshMs, maxStaleMs, now = Date.now }: CacheOptions) {
  const entries = new Map<string, Entry<T>>();
  const pending = new Map<string, Promise<T>>();

  function load(key: string, loader: () => Promise<T>): Promise<T> {
    const running = pending.get(key);
    if (running) return running;
    const promise = loader()
      .then((value) => {
        entries.set(key, { value, storedAt: now() });
        return value;
      })
      .finally(() => pending.delete(key));
    pending.set(key, promise);
    return promise;
  }

  return {
    get(key: string, loader: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : Infinity;
      if (entry && age < freshMs) return Promise.resolve(entry.value);
      if (entry && age < freshMs + maxStaleMs) {
        // Serve stale, refresh once in the background; a failed refresh keeps the stale value.
        load(key, loader).catch(() => {});
        return Promise.resolve(entry.value);
      }
      return load(key, loader);
    },
    clear() {
      entries.clear();
    },
  };
}

/**
 * Directory reads are cached briefly: a new or changed group shows within 15 seconds, and
 * the backend is not asked again for every page view. Keys come from visitors (searches,
 * slugs), so the cache is bounded: the oldest entry goes when it is full. Concurrent misses
 * for one key share a single backend call; failures are not cached.
 */
export function createBoundedCache({ freshMs, maxEntries, now = Date.now }: { freshMs: number; maxEntries: number; now?: () => number }) {
  const entries = new Map<string, { value: unknown; storedAt: number }>();
  const pending = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      const entry = entries.get(key);
      if (entry && now() - entry.storedAt < freshMs) return Promise.resolve(entry.value as T);
      const running = pending.get(key);
      if (running) return running as Promise<T>;
      const promise = load()
        .then((value) => {
          entries.delete(key);
          entries.set(key, { value, storedAt: now() });
          while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
          return value;
        })
        .finally(() => pending.delete(key));
      pending.set(key, promise);
      return promise;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}

