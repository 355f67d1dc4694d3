// The growing lists of a resolution: remedies (with an amount for financial redress) and
// preventive actions (what, who, by when). Each row's inputs name the API field they fill, so
// that a refusal ("remedies[0].amount.currency is required") shows beside the right input.
import type { ApiError } from '../api';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { Field, fieldError } from '../ui/form';

export const remedyTypes = ['apology', 'provide_service', 'review_procedure', 'review_policy',
  'staff_training', 'disciplinary_action', 'financial_redress', 'invoice_restitution'] as const;

export interface RemedyDraft { type: string; description: string; amount: string; currency: string }
export interface ActionDraft { description: string; owner: string; due: string }

const valueOf = (e: Event) => (e.target as HTMLInputElement).value;

// One labelled text input for field `path` of the event ("remedies[0].description").
function TextField({ id, label, value, error, path, onChange, type = 'text', hint, required }: {
  id: string; label: string; value: string; error: ApiError | null; path: string[];
  onChange: (value: string) => void; type?: string; hint?: string; required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint} required={required} error={fieldError(error, ...path)}>
      {(d) => <input id={id} type={type} value={value} aria-describedby={d} onInput={(e) => onChange(valueOf(e))} />}
    </Field>
  );
}

// Editing one item of a list kept in state.
function edit<T>(list: T[], set: (next: T[]) => void, i: number) {
  return (change: Partial<T>) => set(list.map((item, j) => (i === j ? { ...item, ...change } : item)));
}

export function RemedyList({ remedies, set, error }: {
  remedies: RemedyDraft[]; set: (next: RemedyDraft[]) => void; error: ApiError | null;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('staff_remedies')}</legend>
      {remedies.map((r, i) => {
        const change = edit(remedies, set, i);
        const at = `remedies[${i}]`;
        return (
          <div key={i} class="repeat">
            <Field id={`remedy-${i}-type`} label={t('staff_remedy_type', { number: i + 1 })} required
              error={fieldError(error, `${at}.type`)}>
              {(d) => (
                <select id={`remedy-${i}-type`} value={r.type} aria-describedby={d}
                  onChange={(e) => change({ type: valueOf(e) })}>
                  {remedyTypes.map((type) => (
                    <option key={type} value={type}>{t(`staff_remedy_${type}` as MessageKey)}</option>
                  ))}
                </select>
              )}
            </Field>
            <TextField id={`remedy-${i}-description`} label={t('staff_field_description')} value={r.description}
              error={error} path={[`${at}.description`]} onChange={(description) => change({ description })} />
            <TextField id={`remedy-${i}-amount`} label={t('staff_field_amount')} hint={t('staff_amount_hint')}
              value={r.amount} error={error} path={[`${at}.amount`, `${at}.amount.minor_units`]}
              onChange={(amount) => change({ amount })} />
            <TextField id={`remedy-${i}-currency`} label={t('staff_field_currency')} value={r.currency}
              error={error} path={[`${at}.amount.currency`]} onChange={(currency) => change({ currency })} />
            <button type="button" class="secondary" onClick={() => set(remedies.filter((_, j) => j !== i))}>
              {t('staff_remove_remedy', { number: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="secondary"
        onClick={() => set([...remedies, { type: 'apology', description: '', amount: '', currency: '' }])}>
        {t('staff_add_remedy')}
      </button>
    </fieldset>
  );
}

export function PreventiveActionList({ actions, set, error }: {
  actions: ActionDraft[]; set: (next: ActionDraft[]) => void; error: ApiError | null;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('staff_preventive_actions')}</legend>
      {actions.map((a, i) => {
        const change = edit(actions, set, i);
        const at = `preventive_actions[${i}]`;
        return (
          <div key={i} class="repeat">
            <TextField id={`action-${i}-description`} label={t('staff_preventive_action', { number: i + 1 })}
              required value={a.description} error={error} path={[`${at}.description`]}
              onChange={(description) => change({ description })} />
            <TextField id={`action-${i}-owner`} label={t('staff_field_owner')} required value={a.owner}
              error={error} path={[`${at}.owner`]} onChange={(owner) => change({ owner })} />
            <TextField id={`action-${i}-due`} label={t('staff_field_due')} required type="datetime-local"
              value={a.due} error={error} path={[`${at}.due`]} onChange={(due) => change({ due })} />
            <button type="button" class="secondary" onClick={() => set(actions.filter((_, j) => j !== i))}>
              {t('staff_remove_preventive_action', { number: i + 1 })}
            </button>
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={() => set([...actions, { description: '', owner: '', due: '' }])}>
        {t('staff_add_preventive_action')}
      </button>
    </fieldset>
  );
}
