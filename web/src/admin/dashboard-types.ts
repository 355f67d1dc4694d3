// GET /api/v1/dashboard, as the server answers it.
export interface Tally {
  open: number;
  due_today: number;
  breached: number;
}

export interface DepartmentTally extends Tally {
  department_id: number | null;
  name: string | null; // null: cases not yet routed to a department
}

export interface StageTally extends Tally {
  stage: 'informal' | 'stage1' | 'stage2' | 'external' | null; // null: not a complaint
}

export interface OldCase {
  reference: string;
  subject: string;
  kind: string;
  stage: string | null;
  status: string;
  department_id: number | null;
  received_at: string;
  next_due: string | null;
  next_standard: string;
  next_status: string | null;
}

export interface Dashboard extends Tally {
  as_of: string;
  today: string;
  time_zone: string;
  by_department: DepartmentTally[];
  by_stage: StageTally[];
  oldest: OldCase[];
  policy: { version: string; review_date: string | null; review_overdue: boolean };
}
