import { type EventSourceLike, parseCaseChange, subscribeToCaseChanges } from './live';

// An EventSource the test drives: it opens, delivers events and fails when told to.
class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  readyState = 0; // CONNECTING
  onopen: ((event: Event) => unknown) | null = null;
  onerror: ((event: Event) => unknown) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent) => void)[]>();

  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: string) {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(new MessageEvent(type, { data }));
    }
  }
  // The server refused (401, 503 …): EventSource gives up.
  refuse() {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
  // The stream ended: EventSource reconnects by itself.
  drop() {
    this.readyState = 0;
    this.onerror?.(new Event('error'));
  }
}

const change = {
  reference: 'CD-2026-000001',
  status: 'open',
  next_due: '2026-05-01T16:00:00Z',
  department_id: 2,
  assignee_id: null,
  event: 'received',
};

function subscribe(onChange = vi.fn(), onOpen = vi.fn()) {
  const unsubscribe = subscribeToCaseChanges(onChange, {
    onOpen,
    openEventSource: (url) => new FakeEventSource(url),
    firstRetryMs: 1000,
    maxRetryMs: 4000,
  });
  return { onChange, onOpen, unsubscribe };
}

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('subscribeToCaseChanges', () => {
  it('opens the staff event stream and hands over each case change', () => {
    const { onChange, onOpen } = subscribe();
    const source = FakeEventSource.opened[0];
    expect(source.url).toBe('/api/v1/events');
    source.open();
    expect(onOpen).toHaveBeenCalledTimes(1);
    source.emit('case', JSON.stringify(change));
    expect(onChange).toHaveBeenCalledWith(change);
  });

  it('ignores data that is not a change', () => {
    const { onChange } = subscribe();
    FakeEventSource.opened[0].emit('case', 'not json');
    FakeEventSource.opened[0].emit('case', JSON.stringify({ reference: 7 }));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('leaves a dropped stream to EventSource, and says when it is open again', () => {
    const { onOpen } = subscribe();
    const source = FakeEventSource.opened[0];
    source.open();
    source.drop();
    vi.advanceTimersByTime(10000);
    expect(FakeEventSource.opened).toHaveLength(1);
    source.open();
    expect(onOpen).toHaveBeenCalledTimes(2);
  });

  it('tries again with a growing pause after the server refuses, and resets once open', () => {
    subscribe();
    FakeEventSource.opened[0].refuse();
    expect(FakeEventSource.opened[0].closed).toBe(true);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.opened).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.opened).toHaveLength(2);
    FakeEventSource.opened[1].refuse();
    vi.advanceTimersByTime(1999);
    expect(FakeEventSource.opened).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.opened).toHaveLength(3);
    FakeEventSource.opened[2].refuse();
    vi.advanceTimersByTime(4000);
    FakeEventSource.opened[3].refuse();
    vi.advanceTimersByTime(4000); // at most maxRetryMs
    expect(FakeEventSource.opened).toHaveLength(5);
    FakeEventSource.opened[4].open();
    FakeEventSource.opened[4].refuse();
    vi.advanceTimersByTime(1000);
    expect(FakeEventSource.opened).toHaveLength(6);
  });

  it('closes the stream and stops trying once unsubscribed', () => {
    const { onChange, unsubscribe } = subscribe();
    const source = FakeEventSource.opened[0];
    source.refuse();
    unsubscribe();
    vi.advanceTimersByTime(60000);
    expect(FakeEventSource.opened).toHaveLength(1);

    const second = subscribe(onChange);
    const open = FakeEventSource.opened[1];
    second.unsubscribe();
    expect(open.closed).toBe(true);
    open.emit('case', JSON.stringify(change));
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('parseCaseChange', () => {
  it('fills what is missing with null', () => {
    expect(parseCaseChange('{"reference":"CD-2026-000002","status":"closed","event":"closed"}'))
      .toEqual({
        reference: 'CD-2026-000002',
        status: 'closed',
        next_due: null,
        department_id: null,
        assignee_id: null,
        event: 'closed',
      });
  });
});
