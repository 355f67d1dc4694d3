// The staff console's screens for the shell's navigation and routing (see page-registry.ts).
import type { StaffPage } from './page-registry';
import { CasePage } from './case-page';
import { NewContactPage } from './new-contact';
import { QueuePage } from './queue';
import { TodoPage } from './todo';

const handlers: StaffPage['roles'] = ['agent', 'manager', 'auditor', 'admin'];

export const staffPages: StaffPage[] = [
  { name: 'queue', label: 'staff_nav_queue', roles: handlers, inNav: true, component: QueuePage },
  { name: 'new', label: 'staff_nav_new', roles: ['agent', 'manager'], inNav: true, component: NewContactPage },
  { name: 'todo', label: 'nav_todo', roles: ['agent', 'manager'], inNav: true, component: TodoPage },
  { name: 'case', label: 'staff_nav_case', roles: handlers, inNav: false, component: CasePage },
];
