/** The part of `Storage` the app uses. */
export type SimpleStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const memory = new Map<string, string>();

/** Forgets everything when the page goes away; stands in for a storage the browser denies. */
const pageMemory: SimpleStorage = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, String(value)),
  removeItem: (key) => void memory.delete(key),
};

/**
 * The browser's `localStorage`, or a page-lifetime stand-in when the browser denies it (a frame
 * of another site in a browser that blocks third-party storage, e.g. the call bar embedded in a
 * CRM): the app then starts and works, and only forgets on reload.
 */
export function browserStorage(
  local: () => SimpleStorage = () => globalThis.localStorage,
): SimpleStorage {
  try {
    const storage = local();
    storage.getItem('cc.probe');
    return storage;
  } catch {
    return pageMemory;
  }
}
