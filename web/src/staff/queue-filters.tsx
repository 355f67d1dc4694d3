// The queue's filters: status, kind, how the next deadline stands, whose cases, which
// department, and full-text search. A choice applies at once; the search applies when sent.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { kinds } from '../portal/submit';
import { useDepartments } from './departments';
import type { Me } from './page-registry';
import type { QueueFilters } from './queue-loader';

interface Choice {
  value: string;
  label: string;
}

function Select({ id, label, value, choices, onChange }: {
  id: string; label: string; value: string; choices: Choice[]; onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
}

// The API's deadline status "pending" is what the queue calls "on track".
const standingKey = (status: string) =>
  `staff_standing_${status === 'pending' ? 'on_track' : status}` as MessageKey;

// "open,paused" → staff_filter_status_open_paused; "" (any) → staff_filter_status_all.
const statusKey = (statuses: string) =>
  `staff_filter_status_${statuses.replace(',', '_') || 'all'}` as MessageKey;

export function QueueFiltersForm({ me, filters, onChange }: {
  me: Me; filters: QueueFilters; onChange: (next: QueueFilters) => void;
}) {
  const t = useT();
  const departments = useDepartments();
  const [q, setQ] = useState(filters.q);
  // On a phone the rarer filters wait behind a button, so the queue itself is in view.
  const narrow = globalThis.matchMedia?.('(max-width: 40rem)').matches ?? false;
  const [allShown, setAllShown] = useState(!narrow);
  const set = (name: keyof QueueFilters) => (value: string) => onChange({ ...filters, [name]: value });
  const statuses = ['open,paused', 'open', 'paused', 'resolved', 'closed', ''];
  const deadlines = ['', 'pending', 'due_soon', 'breached', 'paused'];
  return (
    <form class="queue-filters" role="search" aria-label={t('staff_filters')}
      onSubmit={(e) => { e.preventDefault(); onChange({ ...filters, q: q.trim() }); }}>
      <Select id="filter-status" label={t('staff_filter_status')} value={filters.status}
        onChange={set('status')}
        choices={statuses.map((s) => ({ value: s, label: t(statusKey(s)) }))} />
      {narrow && (
        <button type="button" class="secondary more-filters" aria-expanded={allShown} onClick={() => setAllShown(!allShown)}>
          {t('staff_more_filters')}
        </button>
      )}
      {allShown && (
        <>
          <Select id="filter-kind" label={t('staff_filter_kind')} value={filters.kind} onChange={set('kind')}
            choices={[{ value: '', label: t('staff_any') }, ...kinds.map((k) => ({ value: k, label: t(`kind_${k}`) }))]} />
          <Select id="filter-deadline" label={t('staff_filter_deadline')} value={filters.deadline}
            onChange={set('deadline')}
            choices={deadlines.map((d) => ({ value: d, label: d ? t(standingKey(d)) : t('staff_any') }))} />
          <Select id="filter-assignee" label={t('staff_filter_assignee')} value={filters.assignee_id}
            onChange={set('assignee_id')}
            choices={[{ value: '', label: t('staff_anyone') }, { value: String(me.id), label: t('staff_mine') }]} />
          <Select id="filter-department" label={t('staff_filter_department')} value={filters.department_id}
            onChange={set('department_id')}
            choices={[{ value: '', label: t('staff_every_department') },
              ...departments.map((d) => ({ value: String(d.id), label: d.name }))]} />
        </>
      )}
      <div class="field queue-search">
        <label for="filter-q">{t('staff_search')}</label>
        <input id="filter-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('staff_search_submit')}</button>
      </div>
    </form>
  );
}
