// GET /api/v1/reports/performance, as the server answers it: the figures of a period (a year by
// default) in all and month by month, for the contacts the filter lets through.

// A count of contacts (or remedies, reasons…) under one key; the key "" means none was given.
export interface KeyCount {
  key: string;
  count: number;
}

// How one standard was met in the period. A tiered standard has one row per tier (tier 1..n),
// an untiered one a single row (tier 0). "Settled" deadlines are those met or breached; pending
// ones are still running.
export interface StandardResult {
  standard: string; // the policy's id, "complaint-ack"
  name: string;
  tier: number;
  target: string; // "80% within 1 working_days"
  target_share: number; // 0.8
  applied: number;
  met: number;
  breached: number;
  pending: number;
  share_met: number | null; // null: nothing settled yet
  target_met: boolean | null; // null: nothing settled yet
}

// The spread of a duration over the cases counted; the figures are null when none was.
export interface Spread {
  count: number;
  min: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
  mean: number | null;
}

export interface Durations {
  working_hours: Spread;
  working_days: Spread;
}

export type Stage = 'informal' | 'stage1' | 'stage2' | 'external';
export type Outcome = 'upheld' | 'partly_upheld' | 'not_upheld' | 'unresolved' | 'withdrawn';

export interface OutcomeCount {
  stage: Stage | null;
  outcome: Outcome;
  count: number;
}

export interface RedressTotal {
  currency: string; // ISO 4217, "GBP"
  minor_units: number; // 123450: £1,234.50
  count: number;
}

export interface Satisfaction {
  invited: number;
  responses: number;
  response_rate: number | null;
  scores: Record<string, number>; // "1" … "5"
  mean_score: number | null;
  comment_count: number;
  comments: string[];
}

export interface Prevention {
  open: number;
  overdue: number;
  done: number;
  verified: number;
  recurred: number;
  not_recurred: number;
}

export interface SuggestionFigures {
  received: number;
  under_review: number;
  adopted: number;
  not_adopted: number;
  published: number;
}

// The figures of a period: the whole report's, or one month's.
export interface PeriodFigures {
  contacts: number;
  compliments: number;
  complaints: number;
  by_kind: KeyCount[];
  by_channel: KeyCount[];
  by_service: KeyCount[];
  by_nature: KeyCount[];
  by_department: KeyCount[];
  standards: StandardResult[];
  acknowledge: Durations;
  reply: Durations;
  outcomes: OutcomeCount[];
  escalation: { stage1_resolved: number; escalated: number; rate: number | null };
  extensions: { cases: number; reasons: KeyCount[] };
  remedies: KeyCount[];
  redress: RedressTotal[];
  root_causes: KeyCount[];
  satisfaction: Satisfaction;
  prevention: Prevention;
  suggestions: SuggestionFigures;
}

export interface MonthFigures extends PeriodFigures {
  month: string; // "2025-01"
}

export interface ReportFilter {
  kind: string[];
  channel: string[];
  stage: string[];
  department_id: (number | string)[];
  service: string[];
}

export interface PerformanceReport {
  from: string; // instants; `until` is not included
  until: string;
  at: string; // when the figures were counted
  filter: ReportFilter;
  total: PeriodFigures;
  months: MonthFigures[];
}

// The channels a contact comes in by, as the API names them.
export const channels = ['phone', 'email', 'post', 'fax', 'in_person', 'web', 'social', 'forum'] as const;
