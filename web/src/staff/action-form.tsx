// One action's form, built from its spec (action-specs.ts): every field labelled, the API's
// answer to a refused action shown at the top and again beside the field it names.
import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { eventBody, type ActionField, type ActionSpec } from './action-specs';
import { useRecordEvent } from './record-event';
import type { StaffCase } from './staff-case';

type Values = Record<string, string | boolean>;

// The words for one option of a select field.
export function useOptionLabel() {
  const t = useT();
  return (field: string, value: string): string => {
    if (value === '') return t(field === 'standard_id' ? 'staff_every_open_standard' : 'staff_none');
    if (field === 'new_kind') return t(`kind_${value}` as MessageKey);
    if (field === 'decision') return t(`staff_decision_${value}` as MessageKey);
    if (field === 'outcome') return t(`staff_outcome_${value}` as MessageKey);
    return value;
  };
}

function FieldInput({ id, field, shown, values, set, error }: {
  id: string; field: ActionField; shown: StaffCase; values: Values;
  set: (name: string, value: string | boolean) => void; error?: string;
}) {
  const t = useT();
  const optionLabel = useOptionLabel();
  const label = t((field.label ?? `staff_field_${field.name}`) as MessageKey);
  const value = values[field.name];
  if (field.kind === 'checkbox') {
    return (
      <div class="check">
        <input id={id} type="checkbox" checked={Boolean(value ?? field.initial)}
          onChange={(e) => set(field.name, (e.target as HTMLInputElement).checked)} />
        <label for={id}>{label}</label>
        {error && <p class="error-text">{error}</p>}
      </div>
    );
  }
  const text = typeof value === 'string' ? value : '';
  const onInput = (e: Event) => set(field.name, (e.target as HTMLInputElement).value);
  return (
    <Field id={id} label={label} required={field.required} error={error}>
      {(d) => {
        if (field.kind === 'textarea') return <textarea id={id} rows={3} value={text} aria-describedby={d} onInput={onInput} />;
        if (field.kind === 'select') {
          const options = typeof field.options === 'function' ? field.options(shown) : field.options ?? [];
          return (
            <select id={id} value={text} aria-describedby={d} onChange={onInput}>
              {!options.includes('') && <option value="">{t('staff_choose')}</option>}
              {options.map((o) => <option key={o} value={o}>{optionLabel(field.name, o)}</option>)}
            </select>
          );
        }
        const type = field.kind === 'datetime' ? 'datetime-local' : field.kind === 'number' ? 'number' : 'text';
        const min = field.kind === 'number' ? 1 : undefined;
        return <input id={id} type={type} min={min} value={text} aria-describedby={d} onInput={onInput} />;
      }}
    </Field>
  );
}

export function ActionForm({ spec, shown, onRecorded }: {
  spec: ActionSpec; shown: StaffCase; onRecorded: (shown: StaffCase) => void;
}) {
  const t = useT();
  const [values, setValues] = useState<Values>({});
  const { record, error, busy } = useRecordEvent(shown.reference, onRecorded);
  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  async function submit(event: Event) {
    event.preventDefault();
    if (await record(eventBody(spec, values))) setValues({});
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      {spec.fields.map((field) => (
        <FieldInput key={field.name} id={`${spec.type}-${field.name}`} field={field} shown={shown}
          values={values} set={set} error={fieldError(error, field.name)} />
      ))}
      <button type="submit" disabled={busy}>{t(`staff_do_${spec.type}` as MessageKey)}</button>
    </form>
  );
}
