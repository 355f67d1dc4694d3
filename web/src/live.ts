// Live updates of cases for the staff console: GET /api/v1/events, a Server-Sent Events stream
// with one `case` event per change to a case the signed-in staff member may see (docs/http.md,
// "Live updates"). EventSource reconnects by itself when the server ends the stream (after the
// `retry:` it sent); when it gives up — the server answered 401, 403 or 503 instead of a
// stream — this tries again after a growing pause. Changes made while the stream was down are
// not replayed: `onOpen` says when to re-read the queue.

// One change, as the server sends it.
export interface CaseChange {
  reference: string;
  status: string;
  next_due: string | null; // RFC 3339, UTC
  department_id: number | null;
  assignee_id: number | null;
  event: string; // the event type just recorded: received, acknowledged, note, ...
}

// The part of EventSource this module uses (a test passes a fake).
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveOptions {
  // Called each time the stream opens, the first time included: re-read what may have changed.
  onOpen?: () => void;
  url?: string;
  openEventSource?: EventSourceFactory;
  firstRetryMs?: number; // the pause before trying again after the server refused; doubles
  maxRetryMs?: number;
}

const CLOSED = 2; // EventSource.CLOSED

// The change in an event's data, or null when it is not one.
export function parseCaseChange(data: string): CaseChange | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const change = value as Partial<CaseChange>;
    if (typeof change.reference !== 'string' || typeof change.status !== 'string') return null;
    if (typeof change.event !== 'string') return null;
    return {
      reference: change.reference,
      status: change.status,
      next_due: typeof change.next_due === 'string' ? change.next_due : null,
      department_id: typeof change.department_id === 'number' ? change.department_id : null,
      assignee_id: typeof change.assignee_id === 'number' ? change.assignee_id : null,
      event: change.event,
    };
  } catch {
    return null;
  }
}

// Calls `onChange` with every change until the returned function is called.
export function subscribeToCaseChanges(
  onChange: (change: CaseChange) => void,
  options: LiveOptions = {},
): () => void {
  const url = options.url ?? '/api/v1/events';
  const open =
    options.openEventSource ??
    ((target: string) => new EventSource(target) as EventSourceLike);
  const firstRetryMs = options.firstRetryMs ?? 3000;
  const maxRetryMs = options.maxRetryMs ?? 60000;
  let retryMs = firstRetryMs;
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const connect = () => {
    timer = null;
    if (stopped) return;
    const current = open(url);
    source = current;
    current.onopen = () => {
      retryMs = firstRetryMs;
      options.onOpen?.();
    };
    current.onerror = () => {
      // CONNECTING: EventSource retries by itself. CLOSED: it gave up; so do we, for a while.
      if (stopped || current.readyState !== CLOSED || source !== current) return;
      current.close();
      source = null;
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    };
    current.addEventListener('case', (event: MessageEvent) => {
      if (stopped) return;
      const change = parseCaseChange(String(event.data));
      if (change) onChange(change);
    });
  };

  connect();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    source?.close();
    source = null;
  };
}
