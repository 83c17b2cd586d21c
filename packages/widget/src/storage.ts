/**
 * localStorage under keys namespaced by the Candor server, so two Candor servers embedded on one site
 * keep separate visitors. Falls back to memory: localStorage throws when cookies are blocked or in some
 * sandboxed iframes, and the chat must still work for the page's lifetime.
 */
export interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function memoryStore(): Store {
  const data = new Map<string, string>();
  return {
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
}

export function browserStore(namespace: string): Store {
  const fallback = memoryStore();
  const key = (k: string) => `candor:${namespace}:${k}`;
  const attempt = <T>(run: (ls: Storage) => T, orElse: () => T): T => {
    try {
      return run(window.localStorage);
    } catch {
      return orElse();
    }
  };
  return {
    get: (k) =>
      attempt(
        (ls) => ls.getItem(key(k)),
        () => fallback.get(k),
      ),
    // A full quota must not lose the value for this page: memory keeps it.
    set: (k, v) =>
      attempt(
        (ls) => ls.setItem(key(k), v),
        () => fallback.set(k, v),
      ),
    remove: (k) => {
      fallback.remove(k);
      attempt(
        (ls) => ls.removeItem(key(k)),
        () => undefined,
      );
    },
  };
}
