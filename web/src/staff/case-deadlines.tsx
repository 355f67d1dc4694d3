// Every deadline of a case under its policy version — not only the nearest: what falls due,
// by when, how it stands (words and icon), when it was met, whether it was extended, and its
// tiers ("4 in 5 within 1 working day").
import { formatInstant, useT } from '../i18n';
import { wordsFor } from './words';
import { standingOf } from './case-summary';
import { StandingBadge } from './standing';
import type { StaffDeadline } from './staff-case';

function DeadlineState({ deadline }: { deadline: StaffDeadline }) {
  const t = useT();
  if (deadline.status === 'met') {
    return (
      <span class="standing standing-met">
        <span aria-hidden="true">✔ </span>
        {t('staff_deadline_met', { at: formatInstant(deadline.fulfilled_at) })}
      </span>
    );
  }
  if (deadline.status === 'not_applicable') return <span>{t('staff_deadline_not_applicable')}</span>;
  if (!deadline.due) return <span>{t('staff_deadline_not_started')}</span>;
  return <StandingBadge standing={standingOf(deadline.status)} />;
}

export function CaseDeadlines({ deadlines, standardNames }: {
  deadlines: StaffDeadline[];
  standardNames: Record<string, string>;
}) {
  const t = useT();
  return (
    <section aria-labelledby="deadlines-title">
      <h2 id="deadlines-title">{t('staff_deadlines')}</h2>
      <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="deadlines-title">
        <table class="deadline-table">
          <thead>
            <tr>
              <th scope="col">{t('staff_standard')}</th>
              <th scope="col">{t('staff_due_and_state')}</th>
            </tr>
          </thead>
          <tbody>
            {deadlines.map((d) => (
              <tr key={d.standard + d.event}>
                <th scope="row">
                  {standardNames[d.standard] ?? d.standard}
                  <span class="hint-inline"> ({wordsFor(`staff_event_${d.event}`, d.event)})</span>
                </th>
                <td>
                  <DeadlineState deadline={d} />{' '}
                  {d.due && d.status !== 'not_applicable' && (
                    d.status === 'met' ? t('staff_was_due', { due: formatInstant(d.due) }) : formatInstant(d.due)
                  )}
                  {d.extended && <span class="hint-inline"> ({t('staff_deadline_extended')})</span>}
                  {d.tiers.length > 0 && (
                    <ul class="tiers">
                      {d.tiers.map((tier) => (
                        <li key={tier.within + tier.share}>
                          {t('staff_tier', {
                            share: Math.round(tier.share * 100),
                            within: tier.within,
                            due: formatInstant(tier.due),
                          })}{' '}
                          {tier.met ? t('staff_tier_met') : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
