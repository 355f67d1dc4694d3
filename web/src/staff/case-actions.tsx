// Everything staff may record on a case, each action behind its own disclosure so the page
// stays short on a phone: the everyday ones first, the rarer ones under "More actions". The
// actions shown are those the case's status (and kind) allow; the API has the last word and
// says why when it refuses.
import type { JSX } from 'preact';
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { ActionForm } from './action-form';
import { actionSpecs } from './action-specs';
import { AssignForm } from './assign-form';
import { ResolveForm } from './resolve-form';
import type { Me, StaffRole } from './page-registry';
import type { StaffCase } from './staff-case';

const everyday = ['acknowledged', 'note', 'call_logged', 'replied', 'holding_sent', 'referred',
  'extended', 'paused', 'resumed', 'resolved', 'escalated', 'closed', 'reopened', 'assigned'];
const rarer = ['reclassified', 'redirected', 'decided', 'preventive_action_done',
  'preventive_action_verified', 'external_referral'];

// What the role may record (src/core/access.h): an auditor nothing, an admin only assignments,
// an agent only notes and calls once a complaint is at stage 2 or beyond (a manager's then).
export function mayRecord(role: StaffRole, stage: string | null, type: string): boolean {
  if (role === 'auditor') return false;
  if (role === 'admin') return type === 'assigned';
  if (role === 'agent' && (stage === 'stage2' || stage === 'external')) {
    return type === 'note' || type === 'call_logged';
  }
  return true;
}

export function CaseActions({ me, shown, onRecorded }: {
  me: Me; shown: StaffCase; onRecorded: (s: StaffCase) => void;
}) {
  const t = useT();
  const open = shown.status === 'open' || shown.status === 'paused';
  const forms: Record<string, JSX.Element> = {};
  for (const spec of actionSpecs) {
    if (spec.statuses.includes(shown.status) && (!spec.kinds || spec.kinds.includes(shown.kind))) {
      forms[spec.type] = <ActionForm spec={spec} shown={shown} onRecorded={onRecorded} />;
    }
  }
  if (open) {
    forms.resolved = <ResolveForm shown={shown} onRecorded={onRecorded} />;
    forms.assigned = <AssignForm shown={shown} onRecorded={onRecorded} />;
  }
  const allowed = (type: string) => forms[type] && mayRecord(me.role, shown.stage, type);
  const disclosures = (types: string[]) => types.filter(allowed).map((type) => (
    <details key={type} class="action">
      <summary>{t(`staff_action_${type}` as MessageKey)}</summary>
      {forms[type]}
    </details>
  ));
  const more = disclosures(rarer);
  const usual = disclosures(everyday);
  if (usual.length + more.length === 0) return null;
  return (
    <section aria-labelledby="actions-title" class="case-actions">
      <h2 id="actions-title">{t('staff_actions')}</h2>
      {usual}
      {more.length > 0 && (
        <details class="more-actions">
          <summary>{t('staff_more_actions')}</summary>
          {more}
        </details>
      )}
    </section>
  );
}
