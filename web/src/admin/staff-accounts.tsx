// Staff and their roles (#/staff/admin/staff): everyone on staff with their role, department
// and whether the account is active; changing someone's role or department or deactivating
// them (which signs them out everywhere); adding someone.
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import type { Me, StaffRole } from '../staff/page-registry';
import { ErrorSummary } from '../ui/form';
import type { Department } from './departments';
import { AddStaffForm } from './staff-add';
import { asApiError, useApi } from './use-api';

export interface StaffMember {
  id: number;
  email: string;
  name: string;
  initials: string;
  role: StaffRole;
  department_id: number | null;
  active: boolean;
}

export const staffRoles: StaffRole[] = ['agent', 'manager', 'auditor', 'admin'];

export function roleKey(role: StaffRole): MessageKey {
  return `role_${role}` as MessageKey;
}

export function StaffAccounts({ me }: { me: Me }) {
  const t = useT();
  const staff = useApi<{ staff: StaffMember[] }>('/api/v1/staff');
  const departments = useApi<{ departments: Department[] }>('/api/v1/departments');
  const list = departments.data?.departments ?? [];
  return (
    <>
      <h2>{t('staff_list')}</h2>
      <ErrorSummary error={staff.error} />
      <ul class="cards">
        {staff.data?.staff.map((member) => (
          <StaffCard
            key={member.id}
            member={member}
            departments={list}
            self={String(member.id) === String(me.id)}
            onChanged={staff.reload}
          />
        ))}
      </ul>
      <AddStaffForm departments={list} onAdded={staff.reload} />
    </>
  );
}

interface CardProps {
  member: StaffMember;
  departments: Department[];
  self: boolean;
  onChanged: () => void;
}

function StaffCard({ member, departments, self, onChanged }: CardProps) {
  const t = useT();
  const [role, setRole] = useState(member.role);
  const [department, setDepartment] = useState(String(member.department_id ?? ''));
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const departmentName =
    departments.find((d) => d.id === member.department_id)?.name ?? t('staff_no_department');
  const idFor = (what: string) => `staff-${member.id}-${what}`;

  async function change(body: Record<string, unknown>) {
    setError(null);
    setSaved('');
    try {
      await call(`/api/v1/staff/${member.id}`, { method: 'PATCH', body });
      setSaved(t('saved'));
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    const body: Record<string, unknown> = { role };
    if (department) body.department_id = Number(department);
    void change(body);
  }

  return (
    <li class={member.active ? 'card' : 'card card-inactive'}>
      <h3>{member.name}</h3>
      <dl class="facts">
        <dt>{t('staff_email')}</dt>
        <dd>{member.email}</dd>
        <dt>{t('staff_role')}</dt>
        <dd>{t(roleKey(member.role))}</dd>
        <dt>{t('staff_department')}</dt>
        <dd>{departmentName}</dd>
        <dt>{t('staff_state')}</dt>
        <dd>{member.active ? t('staff_active') : t('staff_inactive')}</dd>
      </dl>
      <details>
        <summary>{t('staff_change', { name: member.name })}</summary>
        <form onSubmit={submit} noValidate>
          <ErrorSummary error={error} />
          <p role="status" class="saved">
            {saved}
          </p>
          <div class="field">
            <label for={idFor('role')}>{t('staff_role')}</label>
            <select
              id={idFor('role')}
              value={role}
              onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as StaffRole)}
            >
              {staffRoles.map((r) => (
                <option key={r} value={r}>
                  {t(roleKey(r))}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={idFor('department')}>{t('staff_department')}</label>
            <select
              id={idFor('department')}
              value={department}
              onChange={(e) => setDepartment((e.currentTarget as HTMLSelectElement).value)}
            >
              <option value="" disabled={member.department_id !== null}>
                {t('staff_no_department')}
              </option>
              {departments.map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div class="actions">
            <button type="submit">{t('staff_save', { name: member.name })}</button>
            {!self && (
              <button
                type="button"
                class="secondary"
                onClick={() => void change({ active: !member.active })}
              >
                {member.active
                  ? t('staff_deactivate', { name: member.name })
                  : t('staff_reactivate', { name: member.name })}
              </button>
            )}
          </div>
        </form>
      </details>
    </li>
  );
}
