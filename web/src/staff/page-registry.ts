// What the staff shell (staff-app.tsx) needs to know of a screen: its route name ("#/staff/NAME"),
// its label in the navigation, who may open it, and the component. The staff console's screens
// are in staff/pages.ts, the manager dashboard's and admin's in admin/pages.ts.
import type { JSX } from 'preact';
import type { MessageKey } from '../i18n/en';

export type StaffRole = 'agent' | 'manager' | 'auditor' | 'admin';

// GET /api/v1/me for a signed-in staff member.
export interface Me {
  kind: string;
  id: string | number;
  name: string;
  role: StaffRole;
  csrf_token?: string;
  [field: string]: unknown;
}

export interface StaffPage {
  name: string;
  label: MessageKey;
  roles: StaffRole[];
  inNav: boolean;
  component: (props: { param?: string; me: Me }) => JSX.Element;
}
