// Adding a staff member: email, name, role, department, and a password when they will sign in
// in a browser (API-only accounts need none).
import { useState } from 'preact/hooks';
import { ApiError, call } from '../api';
import { useT } from '../i18n';
import type { StaffRole } from '../staff/page-registry';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import type { Department } from './departments';
import { roleKey, staffRoles, type StaffMember } from './staff-accounts';
import { asApiError } from './use-api';

const empty = { email: '', name: '', role: 'agent' as StaffRole, department: '', password: '' };

export function AddStaffForm(props: { departments: Department[]; onAdded: () => void }) {
  const t = useT();
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState('');
  const set = (field: keyof typeof empty) => (e: Event) =>
    setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    setSaved('');
    const body: Record<string, unknown> = {
      email: form.email.trim(),
      name: form.name.trim(),
      role: form.role,
    };
    if (form.department) body.department_id = Number(form.department);
    if (form.password) body.password = form.password;
    try {
      const added = await call<StaffMember>('/api/v1/staff', { method: 'POST', body });
      setSaved(t('staff_added', { name: added.name }));
      setForm(empty);
      props.onAdded();
    } catch (e) {
      setError(asApiError(e));
    }
  }

  const text = (field: 'email' | 'name' | 'password', type: string, autocomplete: string) => (
    <Field
      id={`staff-new-${field}`}
      label={t(`staff_${field}`)}
      required={field !== 'password'}
      hint={field === 'password' ? t('staff_password_hint') : undefined}
      error={fieldError(error, field)}
    >
      {(describedBy) => (
        <input
          id={`staff-new-${field}`}
          type={type}
          autocomplete={autocomplete}
          value={form[field]}
          aria-describedby={describedBy}
          onInput={set(field)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-labelledby="staff-add">
      <h2 id="staff-add">{t('staff_add')}</h2>
      <ErrorSummary error={error} />
      <p role="status" class="saved">
        {saved}
      </p>
      {text('email', 'email', 'off')}
      {text('name', 'text', 'off')}
      <Field id="staff-new-role" label={t('staff_role')} required error={fieldError(error, 'role')}>
        {(describedBy) => (
          <select id="staff-new-role" value={form.role} aria-describedby={describedBy} onChange={set('role')}>
            {staffRoles.map((r) => (
              <option key={r} value={r}>
                {t(roleKey(r))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="staff-new-department"
        label={t('staff_department')}
        error={fieldError(error, 'department_id')}
      >
        {(describedBy) => (
          <select
            id="staff-new-department"
            value={form.department}
            aria-describedby={describedBy}
            onChange={set('department')}
          >
            <option value="">{t('staff_no_department')}</option>
            {props.departments.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('password', 'password', 'new-password')}
      <button type="submit">{t('staff_add_button')}</button>
    </form>
  );
}
