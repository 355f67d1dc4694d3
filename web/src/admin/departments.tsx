// Departments (#/staff/admin/departments): the list with each one's manager, and adding one.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { DataTable } from './data-table';
import { asApiError, useApi } from './use-api';
import type { StaffMember } from './staff-accounts';

export interface Department {
  id: number;
  name: string;
  manager_id: number | null;
}

export function Departments() {
  const t = useT();
  const departments = useApi<{ departments: Department[] }>('/api/v1/departments');
  const staff = useApi<{ staff: StaffMember[] }>('/api/v1/staff');
  const nameOf = (id: number | null) =>
    staff.data?.staff.find((s) => s.id === id)?.name ?? t('dept_no_manager');
  return (
    <>
      <h2 id="dept-list">{t('dept_list')}</h2>
      <ErrorSummary error={departments.error} />
      {departments.data && (
        <DataTable
          labelledBy="dept-list"
          columns={[
            t('dept_name'),
            t('dept_manager'),
          ]}
        >
          {departments.data.departments.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name}</th>
              <td>{nameOf(d.manager_id)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <AddDepartment managers={staff.data?.staff ?? []} onAdded={departments.reload} />
    </>
  );
}

function AddDepartment({ managers, onAdded }: { managers: StaffMember[]; onAdded: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [manager, setManager] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setSaved('');
    try {
      const body: Record<string, unknown> = { name: name.trim() };
      if (manager) body.manager_id = Number(manager);
      const added = await call<Department>('/api/v1/departments', { method: 'POST', body });
      setSaved(t('dept_added', { name: added.name }));
      setName('');
      setManager('');
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="dept-add">
      <h2 id="dept-add">{t('dept_add')}</h2>
      <ErrorSummary error={error} />
      <p role="status" class="saved">
        {saved}
      </p>
      <Field id="dept-name" label={t('dept_name')} required error={fieldError(error, 'name')}>
        {(describedBy) => (
          <input
            id="dept-name"
            value={name}
            aria-describedby={describedBy}
            onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
          />
        )}
      </Field>
      <Field id="dept-manager" label={t('dept_manager')} error={fieldError(error, 'manager_id')}>
        {(describedBy) => (
          <select
            id="dept-manager"
            value={manager}
            aria-describedby={describedBy}
            onChange={(e) => setManager((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">{t('dept_no_manager')}</option>
            {managers
              .filter((s) => s.active && (s.role === 'manager' || s.role === 'admin'))
              .map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <button type="submit">{t('dept_add_button')}</button>
    </form>
  );
}
