// Assigning the case to a staff member (an `assigned` event naming them).
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { useT } from '../i18n';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { useRecordEvent } from './record-event';
import type { StaffCase } from './staff-case';

export interface StaffMember {
  id: number;
  name: string;
  initials: string;
  role: string;
  active: boolean;
}

export function AssignForm({ shown, onRecorded }: { shown: StaffCase; onRecorded: (s: StaffCase) => void }) {
  const t = useT();
  const [staff, setStaff] = useState<StaffMember[]>([]);
  const [chosen, setChosen] = useState('');
  const { record, error, busy } = useRecordEvent(shown.reference, onRecorded);
  useEffect(() => {
    call<{ staff: StaffMember[] }>('/api/v1/staff').then(
      (answer) => setStaff(answer.staff.filter((s) => s.active && (s.role === 'agent' || s.role === 'manager'))),
      () => setStaff([]),
    );
  }, []);
  function submit(event: Event) {
    event.preventDefault();
    const person = staff.find((s) => String(s.id) === chosen);
    void record({
      type: 'assigned',
      assignee: person ? { id: String(person.id), name: person.name, initials: person.initials } : undefined,
    });
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      <Field id="assigned-assignee" label={t('staff_field_assignee')} required
        error={fieldError(error, 'assignee', 'assignee.id', 'assignee.name')}>
        {(d) => (
          <select id="assigned-assignee" value={chosen} aria-describedby={d}
            onChange={(e) => setChosen((e.target as HTMLSelectElement).value)}>
            <option value="">{t('staff_choose')}</option>
            {staff.map((s) => <option key={s.id} value={String(s.id)}>{s.name} ({s.initials})</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={busy}>{t('staff_do_assigned')}</button>
    </form>
  );
}
