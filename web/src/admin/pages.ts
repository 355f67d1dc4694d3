// The manager dashboard's and admin's screens, for the staff shell's navigation.
import type { StaffPage } from '../staff/page-registry';

export const adminPages: StaffPage[] = [];
