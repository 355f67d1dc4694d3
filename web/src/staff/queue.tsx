// The work queue: the cases the signed-in person may handle, ordered by the next deadline
// (newest first when searching), with filters and full-text search. Only the rows in view are
// rendered (VirtualList) and pages are fetched as the reader scrolls.
import { useEffect, useRef, useState } from 'preact/hooks';
import { subscribeToCaseChanges } from '../live';
import { formatInstant, useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';
import { ErrorSummary } from '../ui/form';
import { standingOf, type QueueCase } from './case-summary';
import type { Me } from './page-registry';
import { QueueFiltersForm } from './queue-filters';
import { useQueue, type QueueFilters } from './queue-loader';
import { StandingBadge } from './standing';
import { VirtualList } from './virtual-list';

const narrow = '(max-width: 40rem)';

// Row height and window height for the screen: rows wrap to more lines on a phone.
function useListSize() {
  const measure = () => ({
    rowHeight: globalThis.matchMedia?.(narrow).matches ? 172 : 76,
    height: Math.max(320, Math.round((globalThis.innerHeight ?? 800) * 0.65)),
  });
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const changed = () => setSize(measure());
    globalThis.addEventListener('resize', changed);
    return () => globalThis.removeEventListener('resize', changed);
  }, []);
  return size;
}

function QueueRow({ item }: { item: QueueCase }) {
  const t = useT();
  return (
    <a class="queue-row" href={href('staff', 'case', item.reference)}>
      <span class="queue-ref">{item.reference}</span>
      <span class="queue-subject">{item.subject}</span>
      <span class="queue-kind">
        {t(`kind_${item.kind}` as MessageKey)}
        {item.stage && ` · ${t(`staff_stage_${item.stage}` as MessageKey)}`}
      </span>
      <span class="queue-due">
        {item.next_due ? t('staff_next_due', { due: formatInstant(item.next_due) }) : t('staff_no_deadline')}
      </span>
      <StandingBadge standing={standingOf(item.next_status, item.status)} />
    </a>
  );
}

export const emptyFilters: QueueFilters = {
  status: 'open,paused', kind: '', deadline: '', department_id: '', assignee_id: '', q: '',
};

// Re-reads the queue a moment after cases change (several changes at once: one re-read), and
// whenever the live stream (re)opens, since changes made while it was down are not replayed.
function useLiveRefresh(refresh: () => Promise<void>) {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void latest.current(), 300);
    };
    const stop = subscribeToCaseChanges(soon, { onOpen: soon });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
}

// The filters last chosen, so that coming back from a case finds the queue as it was left.
let lastFilters: QueueFilters = emptyFilters;

export function QueuePage({ me }: { me: Me }) {
  const t = useT();
  const [filters, setFiltersState] = useState<QueueFilters>(lastFilters);
  const setFilters = (next: QueueFilters) => {
    lastFilters = next;
    setFiltersState(next);
  };
  const { cases, hasMore, loadMore, refresh, error, loading } = useQueue(filters);
  useLiveRefresh(refresh);
  const { rowHeight, height } = useListSize();
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title" tabIndex={-1}>{t('staff_queue_title')}</h1>
      <QueueFiltersForm me={me} filters={filters} onChange={setFilters} />
      <ErrorSummary error={error} />
      <p role="status" class="queue-count">
        {loading ? t('loading') : hasMore ? t('staff_queue_count_more', { count: cases.length })
          : cases.length === 1 ? t('staff_queue_count_one') : t('staff_queue_count', { count: cases.length })}
      </p>
      {cases.length > 0 && (
        <VirtualList
          key={JSON.stringify(filters)}
          items={cases}
          rowHeight={rowHeight}
          height={Math.min(height, cases.length * rowHeight + 4)}
          label={t('staff_queue_list')}
          hasMore={hasMore}
          onNeedMore={loadMore}
          itemKey={(c) => c.reference}
          renderRow={(c) => <QueueRow item={c} />}
        />
      )}
    </section>
  );
}
