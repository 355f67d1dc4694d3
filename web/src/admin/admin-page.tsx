// The admin area (#/staff/admin/SECTION): staff and their roles, departments, the policy, the
// business calendar, the message templates and the outbox, one section at a time with their own
// navigation.
import type { JSX } from 'preact';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';
import { CalendarPreview } from './calendar';
import { Departments } from './departments';
import { Outbox } from './outbox';
import { PolicyAdmin } from './policy';
import { StaffAccounts } from './staff-accounts';
import { Templates } from './templates';
import type { Me } from '../staff/page-registry';
import './admin.css';

interface Section {
  name: string;
  label: MessageKey;
  component: (props: { me: Me }) => JSX.Element;
}

export const adminSections: Section[] = [
  { name: 'staff', label: 'admin_staff', component: StaffAccounts },
  { name: 'departments', label: 'admin_departments', component: Departments },
  { name: 'policy', label: 'admin_policy', component: PolicyAdmin },
  { name: 'calendar', label: 'admin_calendar', component: CalendarPreview },
  { name: 'templates', label: 'admin_templates', component: Templates },
  { name: 'outbox', label: 'admin_outbox', component: Outbox },
];

export function AdminPage({ param, me }: { param?: string; me: Me }) {
  const t = useT();
  const section = adminSections.find((s) => s.name === param) ?? adminSections[0];
  const Shown = section.component;
  return (
    <section aria-labelledby="admin-title" class="admin">
      <h1 id="admin-title" tabIndex={-1}>
        {t('admin_title')}: {t(section.label)}
      </h1>
      <nav aria-label={t('admin_sections')} class="subnav">
        <ul>
          {adminSections.map((s) => (
            <li key={s.name}>
              <a
                href={href('staff', 'admin', s.name)}
                aria-current={s === section ? 'page' : undefined}
              >
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Shown me={me} />
    </section>
  );
}
