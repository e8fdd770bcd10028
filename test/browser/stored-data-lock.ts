/**
 * Browser test files run side by side, in frames of one origin, so they share its IndexedDB: a file that
 * clears the app's stored data ("Clear my data") would delete what another file has just stored and is
 * about to check. Files that store, clear or check the app's stored data hold this lock (Web Locks are
 * shared by the origin's frames) while they do; the others never touch it.
 */
const LOCK = 'pcw-test-stored-data';

/** Waits for the lock and returns its release. */
export function holdStoredData(): Promise<() => void> {
  return new Promise((held) => {
    void navigator.locks.request(LOCK, () => new Promise<void>((release) => held(release)));
  });
}

/** Runs `fn` holding the lock. */
export async function withStoredData<T>(fn: () => Promise<T>): Promise<T> {
  const release = await holdStoredData();
  try {
    return await fn();
  } finally {
    release();
  }
}
