// A case as staff see it (GET /api/v1/cases/{reference}): every event, every deadline, the
// customer record.
import type { CaseHeader } from './case-summary';

export interface StaffEvent {
  seq: number;
  type: string;
  at: string;
  recorded_at?: string;
  actor: { id?: string; name: string; initials: string };
  payload: Record<string, unknown>;
}

export interface Tier {
  within: string;
  share: number;
  due: string | null;
  met: boolean;
}

export interface StaffDeadline {
  standard: string;
  event: string;
  due: string | null;
  status: string;
  start: string | null;
  fulfilled_at: string | null;
  extended: boolean;
  tiers: Tier[];
}

export interface Customer {
  id: number;
  name: string;
  email: string;
  phone: string;
  address: string;
  language: string;
  accessibility: string;
  adjustments: string[];
  contact_preference: string;
  representative: { name: string; email?: string; relationship?: string } | null;
}

export interface StaffCase extends CaseHeader {
  anonymous: boolean;
  logged_at: string;
  nature: string;
  service: string;
  customer: Customer | null;
  events: StaffEvent[];
  deadlines: StaffDeadline[];
}
