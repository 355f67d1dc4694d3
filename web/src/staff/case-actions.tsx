// Everything staff may record on a case, each action behind its own disclosure so the page
// stays short on a phone; the actions shown are those the case's status allows (the API has
// the last word and says why when it refuses).
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ActionForm } from './action-form';
import { actionSpecs } from './action-specs';
import { AssignForm } from './assign-form';
import { ResolveForm } from './resolve-form';
import type { StaffCase } from './staff-case';

export function CaseActions({ shown, onRecorded }: { shown: StaffCase; onRecorded: (s: StaffCase) => void }) {
  const t = useT();
  const open = shown.status === 'open' || shown.status === 'paused';
  const specs = actionSpecs.filter((spec) => spec.statuses.includes(shown.status));
  const action = (type: string, form: preact.JSX.Element) => (
    <details key={type} class="action">
      <summary>{t(`staff_action_${type}` as MessageKey)}</summary>
      {form}
    </details>
  );
  return (
    <section aria-labelledby="actions-title" class="case-actions">
      <h2 id="actions-title">{t('staff_actions')}</h2>
      {specs.map((spec) => action(spec.type, <ActionForm spec={spec} shown={shown} onRecorded={onRecorded} />))}
      {open && action('resolved', <ResolveForm shown={shown} onRecorded={onRecorded} />)}
      {open && action('assigned', <AssignForm shown={shown} onRecorded={onRecorded} />)}
    </section>
  );
}
