// The queue's cases page by page (GET /api/v1/cases with keyset paging): a new set of filters
// starts again from the first page; `loadMore` fetches the next one, once at a time, so a fast
// scroll through 10,000 cases asks for each page once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import type { QueueCase, QueuePage } from './case-summary';

export interface QueueFilters {
  status: string;
  kind: string;
  deadline: string;
  department_id: string;
  assignee_id: string;
  q: string;
}

export const pageSize = 100;

export function queuePath(filters: QueueFilters, cursor: string | null): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  query.set('limit', String(pageSize));
  if (cursor) query.set('cursor', cursor);
  return `/api/v1/cases?${query}`;
}

export function useQueue(filters: QueueFilters) {
  const [cases, setCases] = useState<QueueCase[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const busy = useRef(false);
  const key = JSON.stringify(filters);

  async function fetchPage(from: string | null, reset: boolean) {
    const mine = ++generation.current;
    busy.current = true;
    setLoading(true);
    try {
      const page = await call<QueuePage>(queuePath(filters, from));
      if (mine !== generation.current) return;
      setCases((before) => (reset ? page.cases : [...before, ...page.cases]));
      setCursor(page.next_cursor);
      setDone(!page.next_cursor);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(e as ApiError);
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }

  useEffect(() => {
    setCases([]);
    setDone(false);
    void fetchPage(null, true);
  }, [key]);

  function loadMore() {
    if (!busy.current && !done && cursor) void fetchPage(cursor, false);
  }

  return { cases, hasMore: !done, loadMore, error, loading };
}
