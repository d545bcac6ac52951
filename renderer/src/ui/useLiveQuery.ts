/** Re-runs a Dexie query whenever the tables it read change (Dexie `liveQuery`), as React state. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[], initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (result) => setValue(result),
      error: (error: unknown) => console.error('live query failed', error),
    });
    return () => subscription.unsubscribe();
    // The caller lists the query's inputs, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
