// The queue's cases page by page (GET /api/v1/cases with keyset paging): a new set of filters
// starts again from the first page; `loadMore` fetches the next one, once at a time, so a fast
// scroll through 10,000 cases asks for each page once. `refresh` re-reads the top of the queue
// (as much as is loaded, up to 500 cases) when a case changes: live updates.
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

export function queuePath(filters: QueueFilters, cursor: string | null, limit = pageSize): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  query.set('limit', String(limit));
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
      setCases((before) => (reset ? page.cases : appendNew(before, page.cases)));
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

  // The top of the queue read again: it replaces what was loaded there, the rest stays.
  async function refresh() {
    if (busy.current) return;
    const mine = generation.current;
    const loaded = cases.length;
    const limit = Math.min(500, Math.max(pageSize, loaded));
    try {
      const page = await call<QueuePage>(queuePath(filters, null, limit));
      if (mine !== generation.current || busy.current) return;
      if (loaded <= limit || !page.next_cursor) {
        // what was loaded is all re-read: the answer replaces it (cases that left go)
        setCases(page.cases);
        setCursor(page.next_cursor);
        setDone(!page.next_cursor);
      } else {
        setCases((before) => withFreshTop(before, page.cases));
      }
    } catch {
      // the next change or reconnection tries again
    }
  }

  return { cases, hasMore: !done, loadMore, refresh, error, loading };
}

// `more` after `before`, leaving out any case already there (a case can move down the queue
// between two pages).
export function appendNew(before: QueueCase[], more: QueueCase[]): QueueCase[] {
  const seen = new Set(before.map((c) => c.reference));
  return [...before, ...more.filter((c) => !seen.has(c.reference))];
}

// `top` as the head of the queue, then what was loaded beyond it, less the cases `top` has.
export function withFreshTop(before: QueueCase[], top: QueueCase[]): QueueCase[] {
  const seen = new Set(top.map((c) => c.reference));
  return [...top, ...before.slice(top.length).filter((c) => !seen.has(c.reference))];
}
