// A performance report as the server would answer it for 2025 under the default policy, for the
// component tests: some standards met, one missed, one with nothing settled yet, a tiered
// standard as two rows, redress in two currencies, and the first three months.
import type { MonthFigures, PerformanceReport, PeriodFigures, StandardResult } from './report-types';

function standard(
  id: string, name: string, tier: number, target: string, targetShare: number,
  met: number, breached: number, pending: number,
): StandardResult {
  const settled = met + breached;
  const share = settled === 0 ? null : met / settled;
  return {
    standard: id, name, tier, target, target_share: targetShare, applied: settled + pending, met, breached,
    pending, share_met: share, target_met: share === null ? null : share >= targetShare,
  };
}

export const sampleStandards: StandardResult[] = [
  standard('complaint-ack', 'We acknowledge complaints within 5 working days', 0, '100% within 5 working_days', 1,
    40, 0, 2),
  standard('complaint-reply', 'We reply fully to complaints within 10 working days', 0,
    '100% within 10 working_days', 1, 30, 8, 4),
  standard('email-answer', 'We answer emails within 2 working days, 4 in 5 within 1 working day', 1,
    '80% within 1 working_days', 0.8, 72, 28, 3),
  standard('email-answer', 'We answer emails within 2 working days, 4 in 5 within 1 working day', 2,
    '100% within 2 working_days', 1, 100, 0, 3),
  standard('stage2-ack', 'We acknowledge a request for a review within 5 working days', 0,
    '100% within 5 working_days', 1, 0, 0, 1),
];

const spread = (count: number, min: number, median: number, p90: number, max: number) =>
  ({ count, min, median, p90, max, mean: (min + max) / 2 });
const noSpread = { count: 0, min: null, median: null, p90: null, max: null, mean: null };

export const sampleTotal: PeriodFigures = {
  contacts: 180, compliments: 12, complaints: 44,
  by_kind: [{ key: 'question', count: 110 }, { key: 'complaint', count: 44 }, { key: 'compliment', count: 12 },
    { key: 'suggestion', count: 14 }],
  by_channel: [{ key: 'email', count: 120 }, { key: 'phone', count: 40 }, { key: 'in_person', count: 20 }],
  by_service: [{ key: 'Certificates', count: 100 }, { key: '', count: 80 }],
  by_nature: [{ key: 'Delay', count: 30 }, { key: '', count: 150 }],
  by_department: [{ key: '3', count: 120 }, { key: '', count: 60 }],
  standards: sampleStandards,
  acknowledge: { working_hours: spread(42, 0.5, 6, 20.25, 37), working_days: spread(42, 0, 1, 3, 5) },
  reply: { working_hours: spread(38, 2, 31.5, 70, 90), working_days: spread(38, 0, 4, 9, 12) },
  outcomes: [
    { stage: 'stage1', outcome: 'upheld', count: 10 },
    { stage: 'stage1', outcome: 'partly_upheld', count: 6 },
    { stage: 'stage1', outcome: 'not_upheld', count: 20 },
    { stage: 'stage2', outcome: 'not_upheld', count: 3 },
  ],
  escalation: { stage1_resolved: 36, escalated: 3, rate: 0.0833 },
  extensions: { cases: 5, reasons: [{ key: 'Waiting for the printer', count: 3 }, { key: '', count: 2 }] },
  remedies: [{ key: 'apology', count: 14 }, { key: 'financial_redress', count: 4 }],
  redress: [{ currency: 'GBP', minor_units: 123450, count: 3 }, { currency: 'EUR', minor_units: 5000, count: 1 }],
  root_causes: [{ key: 'Printer backlog', count: 9 }],
  satisfaction: {
    invited: 40, responses: 10, response_rate: 0.25, scores: { '1': 1, '2': 0, '3': 2, '4': 3, '5': 4 },
    mean_score: 3.9, comment_count: 3, comments: ['Quick and kind.', 'The letter never came.'],
  },
  prevention: { open: 2, overdue: 1, done: 4, verified: 3, recurred: 1, not_recurred: 2 },
  suggestions: { received: 14, under_review: 5, adopted: 6, not_adopted: 3, published: 4 },
};

function month(name: string, contacts: number, complaints: number, shares: (number | null)[]): MonthFigures {
  return {
    ...sampleTotal, month: name, contacts, complaints,
    standards: sampleStandards.map((row, i) => ({ ...row, share_met: shares[i] })),
    reply: { working_hours: noSpread, working_days: noSpread },
    escalation: { stage1_resolved: 3, escalated: 1, rate: 0.33 },
  };
}

export const sampleReport: PerformanceReport = {
  from: '2025-01-01T00:00:00+00:00',
  until: '2026-01-01T00:00:00+00:00',
  at: '2025-11-23T09:00:00+00:00',
  filter: { kind: [], channel: [], stage: [], department_id: [], service: [] },
  total: sampleTotal,
  months: [
    month('2025-01', 20, 5, [1, 0.75, 0.7, 1, null]),
    month('2025-02', 15, 4, [1, 0.8, 0.75, 1, null]),
    month('2025-03', 0, 0, [null, null, null, null, null]),
  ],
};
