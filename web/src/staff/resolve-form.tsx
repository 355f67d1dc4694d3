// Resolving the current stage: the outcome (one per point of complaint when it has points),
// the remedies (an amount for financial redress), the root cause, whether a service failed,
// and the preventive actions that will stop it recurring.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { ErrorSummary, Field, fieldError, TextArea } from '../ui/form';
import { instantOf, outcomes } from './action-specs';
import { useRecordEvent } from './record-event';
import { PreventiveActionList, RemedyList, type ActionDraft, type RemedyDraft } from './resolve-parts';
import type { StaffCase } from './staff-case';
import { Suggestions, useActivePolicy } from './active-policy';

// The points of complaint recorded when the contact came in (and on reclassification).
function pointsOf(shown: StaffCase): string[] {
  return shown.events
    .filter((e) => (e.type === 'received' || e.type === 'reclassified') && Array.isArray(e.payload.points))
    .flatMap((e) => (e.payload.points as unknown[]).filter((p): p is string => typeof p === 'string'));
}

export interface ResolutionDraft {
  outcome: string;
  pointOutcomes: string[];
  remedies: RemedyDraft[];
  actions: ActionDraft[];
  rootCause: string;
  serviceFailure: boolean;
  summary: string;
}

// The `resolved` event's body; a point without its own outcome takes the overall one.
export function resolutionBody(draft: ResolutionDraft) {
  return {
    type: 'resolved',
    outcome: draft.outcome || undefined,
    points: draft.pointOutcomes
      .map((o, i) => ({ number: i + 1, outcome: o || draft.outcome }))
      .filter((p) => p.outcome),
    remedies: draft.remedies.map((r) => ({
      type: r.type,
      description: r.description.trim(),
      amount: r.amount.trim()
        ? { minor_units: Math.round(Number(r.amount) * 100), currency: r.currency.trim().toUpperCase() }
        : undefined,
    })),
    root_cause: draft.rootCause.trim(),
    service_failure: draft.serviceFailure,
    preventive_actions: draft.actions.map((a) => ({
      description: a.description.trim(),
      owner: a.owner.trim(),
      due: a.due ? instantOf(a.due) : '',
    })),
    summary: draft.summary.trim(),
  };
}

export function ResolveForm({ shown, onRecorded }: { shown: StaffCase; onRecorded: (s: StaffCase) => void }) {
  const t = useT();
  const policy = useActivePolicy();
  const points = pointsOf(shown);
  const [draft, setDraft] = useState<ResolutionDraft>({
    outcome: '', pointOutcomes: points.map(() => ''), remedies: [], actions: [], rootCause: '',
    serviceFailure: false, summary: '',
  });
  const change = (next: Partial<ResolutionDraft>) => setDraft((d) => ({ ...d, ...next }));
  const { record, error, busy } = useRecordEvent(shown.reference, onRecorded);
  const valueOf = (e: Event) => (e.target as HTMLInputElement).value;

  const outcomeSelect = (id: string, current: string, onChange: (v: string) => void, d?: string) => (
    <select id={id} value={current} aria-describedby={d} onChange={(e) => onChange(valueOf(e))}>
      <option value="">{t('staff_choose')}</option>
      {outcomes.map((o) => <option key={o} value={o}>{t(`staff_outcome_${o}`)}</option>)}
    </select>
  );
  const setPoint = (i: number) => (v: string) =>
    change({ pointOutcomes: draft.pointOutcomes.map((o, j) => (i === j ? v : o)) });

  return (
    <form onSubmit={(e) => { e.preventDefault(); void record(resolutionBody(draft)); }} noValidate>
      <ErrorSummary error={error} />
      <Field id="resolved-outcome" label={t('staff_field_outcome')} required={shown.kind === 'complaint'}
        error={fieldError(error, 'outcome')}>
        {(d) => outcomeSelect('resolved-outcome', draft.outcome, (outcome) => change({ outcome }), d)}
      </Field>
      {points.map((point, i) => (
        <Field key={i} id={`resolved-point-${i}`} label={t('staff_point_outcome', { number: i + 1, point })}
          error={fieldError(error, `points[${i}].outcome`, `points[${i}]`)}>
          {(d) => outcomeSelect(`resolved-point-${i}`, draft.pointOutcomes[i], setPoint(i), d)}
        </Field>
      ))}
      <TextArea id="resolved-summary" label={t('staff_field_summary')} rows={3} value={draft.summary}
        error={fieldError(error, 'summary')} onValue={(summary) => change({ summary })} />
      <Field id="resolved-root-cause" label={t('staff_field_root_cause')} error={fieldError(error, 'root_cause')}>
        {(d) => (
          <>
            <input id="resolved-root-cause" value={draft.rootCause} aria-describedby={d}
              list="root-causes" onInput={(e) => change({ rootCause: valueOf(e) })} />
            <Suggestions id="root-causes" options={policy?.root_causes ?? []} />
          </>
        )}
      </Field>
      <div class="check">
        <input id="resolved-service-failure" type="checkbox" checked={draft.serviceFailure}
          onChange={(e) => change({ serviceFailure: (e.target as HTMLInputElement).checked })} />
        <label for="resolved-service-failure">{t('staff_field_service_failure')}</label>
      </div>
      <RemedyList remedies={draft.remedies} set={(remedies) => change({ remedies })} error={error} />
      <PreventiveActionList actions={draft.actions} set={(actions) => change({ actions })} error={error} />
      <button type="submit" disabled={busy}>{t('staff_do_resolved')}</button>
    </form>
  );
}
