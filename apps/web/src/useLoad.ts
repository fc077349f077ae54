import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, SignedOut } from './api';
import { useSession } from './context';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; status: number; message: string };

/**
 * Loads with the session's client; `reload` asks again without dropping what is shown (live
 * updates must not flash the page). A 401 signs out.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const { signOut } = useSession();
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const generation = useRef(0);
  const run = useCallback(
    (keep: boolean) => {
      const mine = ++generation.current;
      if (!keep) setLoaded({ state: 'loading' });
      load().then(
        (value) => {
          if (mine === generation.current) setLoaded({ state: 'ready', value });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          if (error instanceof SignedOut)
            return signOut('Your sign-in has expired or was refused.');
          const status = error instanceof ApiError ? error.status : 0;
          const message = error instanceof Error ? error.message : String(error);
          setLoaded({ state: 'error', status, message });
        },
      );
    },
    // The caller names what the load depends on, as with useEffect.
    deps,
  );
  useEffect(() => run(false), [run]);
  return [loaded, useCallback(() => run(true), [run])];
}
