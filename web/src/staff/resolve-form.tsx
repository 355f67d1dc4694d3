// Resolving the current stage: the outcome (one per point of complaint when it has points),
// the remedies (an amount for financial redress), the root cause, whether a service failed,
// and the preventive actions that will stop it recurring. Remedies and preventive actions are
// lists the caseworker grows one at a time.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { instantOf, outcomes } from './action-specs';
import { useRecordEvent } from './record-event';
import type { StaffCase } from './staff-case';

export const remedyTypes = ['apology', 'provide_service', 'review_procedure', 'review_policy',
  'staff_training', 'disciplinary_action', 'financial_redress', 'invoice_restitution'] as const;

interface RemedyDraft { type: string; description: string; amount: string; currency: string }
interface ActionDraft { description: string; owner: string; due: string }

// The points of complaint recorded when the contact came in (and on reclassification).
function pointsOf(shown: StaffCase): string[] {
  return shown.events.flatMap((e) => (Array.isArray(e.payload.points) && (e.type === 'received' || e.type === 'reclassified')
    ? (e.payload.points as unknown[]).filter((p): p is string => typeof p === 'string') : []));
}

export function resolutionBody(outcome: string, pointOutcomes: string[], remedies: RemedyDraft[],
  actions: ActionDraft[], rootCause: string, serviceFailure: boolean, summary: string) {
  return {
    type: 'resolved',
    outcome: outcome || undefined,
    points: pointOutcomes.map((o, i) => ({ number: i + 1, outcome: o || outcome })).filter((p) => p.outcome),
    remedies: remedies.map((r) => ({
      type: r.type,
      description: r.description.trim(),
      amount: r.amount.trim() ? { minor_units: Math.round(Number(r.amount) * 100), currency: r.currency.trim().toUpperCase() } : undefined,
    })),
    root_cause: rootCause.trim(),
    service_failure: serviceFailure,
    preventive_actions: actions.map((a) => ({ description: a.description.trim(), owner: a.owner.trim(), due: a.due ? instantOf(a.due) : '' })),
    summary: summary.trim(),
  };
}

export function ResolveForm({ shown, onRecorded }: { shown: StaffCase; onRecorded: (s: StaffCase) => void }) {
  const t = useT();
  const points = pointsOf(shown);
  const [outcome, setOutcome] = useState('');
  const [pointOutcomes, setPointOutcomes] = useState<string[]>(points.map(() => ''));
  const [remedies, setRemedies] = useState<RemedyDraft[]>([]);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [rootCause, setRootCause] = useState('');
  const [serviceFailure, setServiceFailure] = useState(false);
  const [summary, setSummary] = useState('');
  const { record, error, busy } = useRecordEvent(shown.reference, onRecorded);
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const editRemedy = (i: number, change: Partial<RemedyDraft>) => setRemedies((list) => list.map((r, j) => (i === j ? { ...r, ...change } : r)));
  const editAction = (i: number, change: Partial<ActionDraft>) => setActions((list) => list.map((a, j) => (i === j ? { ...a, ...change } : a)));

  function submit(event: Event) {
    event.preventDefault();
    void record(resolutionBody(outcome, pointOutcomes, remedies, actions, rootCause, serviceFailure, summary));
  }

  const outcomeSelect = (id: string, current: string, onChange: (v: string) => void, d?: string) => (
    <select id={id} value={current} aria-describedby={d} onChange={(e) => onChange(value(e))}>
      <option value="">{t('staff_choose')}</option>
      {outcomes.map((o) => <option key={o} value={o}>{t(`staff_outcome_${o}`)}</option>)}
    </select>
  );

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      <Field id="resolved-outcome" label={t('staff_field_outcome')} required={shown.kind === 'complaint'} error={fieldError(error, 'outcome')}>
        {(d) => outcomeSelect('resolved-outcome', outcome, setOutcome, d)}
      </Field>
      {points.map((point, i) => (
        <Field key={i} id={`resolved-point-${i}`} label={t('staff_point_outcome', { number: i + 1, point })} error={fieldError(error, `points[${i}].outcome`, `points[${i}]`)}>
          {(d) => outcomeSelect(`resolved-point-${i}`, pointOutcomes[i], (v) => setPointOutcomes((list) => list.map((o, j) => (i === j ? v : o))), d)}
        </Field>
      ))}
      <Field id="resolved-summary" label={t('staff_field_summary')} error={fieldError(error, 'summary')}>
        {(d) => <textarea id="resolved-summary" rows={3} value={summary} aria-describedby={d} onInput={(e) => setSummary(value(e))} />}
      </Field>
      <Field id="resolved-root-cause" label={t('staff_field_root_cause')} error={fieldError(error, 'root_cause')}>
        {(d) => <input id="resolved-root-cause" value={rootCause} aria-describedby={d} onInput={(e) => setRootCause(value(e))} />}
      </Field>
      <div class="check">
        <input id="resolved-service-failure" type="checkbox" checked={serviceFailure} onChange={(e) => setServiceFailure((e.target as HTMLInputElement).checked)} />
        <label for="resolved-service-failure">{t('staff_field_service_failure')}</label>
      </div>
      <fieldset>
        <legend>{t('staff_remedies')}</legend>
        {remedies.map((r, i) => (
          <div key={i} class="repeat">
            <Field id={`remedy-${i}-type`} label={t('staff_remedy_type', { number: i + 1 })} required error={fieldError(error, `remedies[${i}].type`)}>
              {(d) => (
                <select id={`remedy-${i}-type`} value={r.type} aria-describedby={d} onChange={(e) => editRemedy(i, { type: value(e) })}>
                  {remedyTypes.map((type) => <option key={type} value={type}>{t(`staff_remedy_${type}` as MessageKey)}</option>)}
                </select>
              )}
            </Field>
            <Field id={`remedy-${i}-description`} label={t('staff_field_description')} error={fieldError(error, `remedies[${i}].description`)}>
              {(d) => <input id={`remedy-${i}-description`} value={r.description} aria-describedby={d} onInput={(e) => editRemedy(i, { description: value(e) })} />}
            </Field>
            <Field id={`remedy-${i}-amount`} label={t('staff_field_amount')} hint={t('staff_amount_hint')} error={fieldError(error, `remedies[${i}].amount`, `remedies[${i}].amount.minor_units`)}>
              {(d) => <input id={`remedy-${i}-amount`} inputMode="decimal" value={r.amount} aria-describedby={d} onInput={(e) => editRemedy(i, { amount: value(e) })} />}
            </Field>
            <Field id={`remedy-${i}-currency`} label={t('staff_field_currency')} error={fieldError(error, `remedies[${i}].amount.currency`)}>
              {(d) => <input id={`remedy-${i}-currency`} maxLength={3} value={r.currency} aria-describedby={d} onInput={(e) => editRemedy(i, { currency: value(e) })} />}
            </Field>
            <button type="button" class="secondary" onClick={() => setRemedies((list) => list.filter((_, j) => j !== i))}>{t('staff_remove_remedy', { number: i + 1 })}</button>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => setRemedies((list) => [...list, { type: 'apology', description: '', amount: '', currency: '' }])}>{t('staff_add_remedy')}</button>
      </fieldset>
      <fieldset>
        <legend>{t('staff_preventive_actions')}</legend>
        {actions.map((a, i) => (
          <div key={i} class="repeat">
            <Field id={`action-${i}-description`} label={t('staff_preventive_action', { number: i + 1 })} required error={fieldError(error, `preventive_actions[${i}].description`)}>
              {(d) => <input id={`action-${i}-description`} value={a.description} aria-describedby={d} onInput={(e) => editAction(i, { description: value(e) })} />}
            </Field>
            <Field id={`action-${i}-owner`} label={t('staff_field_owner')} required error={fieldError(error, `preventive_actions[${i}].owner`)}>
              {(d) => <input id={`action-${i}-owner`} value={a.owner} aria-describedby={d} onInput={(e) => editAction(i, { owner: value(e) })} />}
            </Field>
            <Field id={`action-${i}-due`} label={t('staff_field_due')} required error={fieldError(error, `preventive_actions[${i}].due`)}>
              {(d) => <input id={`action-${i}-due`} type="datetime-local" value={a.due} aria-describedby={d} onInput={(e) => editAction(i, { due: value(e) })} />}
            </Field>
            <button type="button" class="secondary" onClick={() => setActions((list) => list.filter((_, j) => j !== i))}>{t('staff_remove_preventive_action', { number: i + 1 })}</button>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => setActions((list) => [...list, { description: '', owner: '', due: '' }])}>{t('staff_add_preventive_action')}</button>
      </fieldset>
      <button type="submit" disabled={busy}>{t('staff_do_resolved')}</button>
    </form>
  );
}
