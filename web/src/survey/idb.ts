/** A tiny key-value store in IndexedDB: drafts kept on this device while the network is down. */

let opened: Promise<IDBDatabase> | null = null;

function db(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const req = indexedDB.open('diemcau-survey', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('drafts');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opened;
}

async function run<T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest): Promise<T | undefined> {
  try {
    const store = (await db()).transaction('drafts', mode).objectStore('drafts');
    return await new Promise<T>((resolve, reject) => {
      const req = op(store);
      req.onsuccess = () => resolve(req.result as T);
      req.onerror = () => reject(req.error);
    });
  } catch {
    // Private windows and blocked storage: the form still works, only without a copy on this device.
    return undefined;
  }
}

export const idbGet = <T>(key: string) => run<T>('readonly', (s) => s.get(key));
export const idbSet = (key: string, value: unknown) => run('readwrite', (s) => s.put(value, key));
export const idbDelete = (key: string) => run('readwrite', (s) => s.delete(key));
