// The manager dashboard's and admin's screens, for the staff shell's navigation.
import type { StaffPage } from '../staff/page-registry';
import { AdminPage } from './admin-page';
import { DashboardPage } from './dashboard';
import { NoticesPage } from './notices';
import { ReportsPage } from './reports';

export const adminPages: StaffPage[] = [
  {
    name: 'dashboard',
    label: 'nav_dashboard',
    roles: ['manager', 'auditor', 'admin'],
    inNav: true,
    component: DashboardPage,
  },
  {
    name: 'reports',
    label: 'report_nav',
    roles: ['manager', 'auditor', 'admin'],
    inNav: true,
    component: ReportsPage,
  },
  {
    name: 'notices',
    label: 'nav_notices',
    roles: ['manager', 'admin'],
    inNav: true,
    component: NoticesPage,
  },
  { name: 'admin', label: 'nav_admin', roles: ['admin'], inNav: true, component: AdminPage },
];
