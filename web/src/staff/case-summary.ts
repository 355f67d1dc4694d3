// What the staff console reads of a case (GET /api/v1/cases and /api/v1/cases/{reference}).
// What both the queue and the case page answer of a case.
export interface CaseHeader {
  reference: string;
  kind: string;
  channel: string;
  status: string;
  stage: string | null;
  subject: string;
  received_at: string;
  department_id: number | null;
  assignee_id: number | null;
}

export interface QueueCase extends CaseHeader {
  customer_id: number | null;
  next_due: string | null;
  next_standard: string | null;
  next_status: string | null;
}

export interface QueuePage {
  cases: QueueCase[];
  next_cursor: string | null;
}

// How a case or deadline stands, in the four words the queue uses (never by colour alone).
export type Standing = 'on_track' | 'due_soon' | 'breached' | 'paused' | 'none';

export function standingOf(status: string | null | undefined, caseStatus?: string): Standing {
  if (caseStatus === 'paused' || status === 'paused') return 'paused';
  if (status === 'breached') return 'breached';
  if (status === 'due_soon') return 'due_soon';
  if (status === 'pending') return 'on_track';
  return 'none';
}

export const standingIcon: Record<Standing, string> = {
  on_track: '✓',
  due_soon: '⏰',
  breached: '⚠',
  paused: '⏸',
  none: '–',
};
