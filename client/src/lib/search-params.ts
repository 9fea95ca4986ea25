import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

// A list's filters and cursor live in the URL, so a view can be bookmarked, shared and reloaded.
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<
    K,
    string | undefined
  >;
  const update = useCallback(
    (changes: Partial<Record<K, string | undefined>>, keepCursor = false) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes) as [K, string | undefined][]) {
          if (v === undefined || v === '') next.delete(k);
          else next.set(k, v);
        }
        if (!keepCursor && !('cursor' in changes)) next.delete('cursor');
        return next;
      });
    },
    [setParams],
  );
  return [values, update] as const;
}
