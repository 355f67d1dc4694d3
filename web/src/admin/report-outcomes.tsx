// How complaints ended: outcomes by stage, how many were escalated, their root causes, and the
// remedies given, with the financial redress paid in each currency.
import { useT } from '../i18n';
import { DataTable } from './data-table';
import { formatMoney, formatShare, given, outcomeWord, remedyWord, stageWord } from './report-format';
import { CountTable, FiguresTable, NoneInPeriod, ReportSection } from './report-parts';
import type { Outcome, OutcomeCount, PeriodFigures, Stage } from './report-types';

const stages: (Stage | null)[] = ['informal', 'stage1', 'stage2', 'external', null];
const outcomes: Outcome[] = ['upheld', 'partly_upheld', 'not_upheld', 'unresolved', 'withdrawn'];

export function OutcomeFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  const { escalation } = figures;
  return (
    <ReportSection id="report-outcomes" title={t('report_outcomes')}>
      <OutcomesByStage counts={figures.outcomes} />
      <FiguresTable id="report-escalation" caption={t('report_escalation_table')} rows={[
        [t('report_stage1_resolved'), escalation.stage1_resolved],
        [t('report_escalated'), escalation.escalated],
        [t('report_escalation_rate'), formatShare(t, escalation.rate)],
      ]} />
      <CountTable id="report-root-causes" caption={t('report_root_causes')} keyHeading={t('report_col_root_cause')}
        countHeading={t('report_col_cases')} counts={figures.root_causes} words={(key) => given(t, key)} />
    </ReportSection>
  );
}

// A row for each stage with outcomes, a column for each outcome, and the stage's total.
function OutcomesByStage({ counts }: { counts: OutcomeCount[] }) {
  const t = useT();
  const caption = t('report_outcomes_table');
  if (counts.length === 0) return <NoneInPeriod what={caption} />;
  const count = (stage: Stage | null, outcome: Outcome) =>
    counts.filter((c) => c.stage === stage && c.outcome === outcome).reduce((sum, c) => sum + c.count, 0);
  const shown = stages.filter((stage) => counts.some((c) => c.stage === stage));
  return (
    <DataTable labelledBy="report-outcomes-table" caption={caption}
      columns={[t('report_col_stage'), ...outcomes.map(outcomeWord), t('report_col_total')]}>
      {shown.map((stage) => (
        <tr key={stage ?? 'none'}>
          <th scope="row">{stageWord(t, stage)}</th>
          {outcomes.map((outcome) => <td key={outcome}>{count(stage, outcome)}</td>)}
          <td>{outcomes.reduce((sum, outcome) => sum + count(stage, outcome), 0)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function RemedyFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  return (
    <ReportSection id="report-remedies" title={t('report_remedies')}>
      <CountTable id="report-remedies-table" caption={t('report_remedies_table')} keyHeading={t('report_col_remedy')}
        countHeading={t('report_col_times')} counts={figures.remedies} words={(key) => remedyWord(t, key)} />
      {figures.redress.length === 0 ? (
        <NoneInPeriod what={t('report_redress_table')} />
      ) : (
        <DataTable labelledBy="report-redress" caption={t('report_redress_table')}
          columns={[t('report_col_currency'), t('report_col_amount'), t('report_col_payments')]}>
          {figures.redress.map((r) => (
            <tr key={r.currency}>
              <th scope="row">{r.currency}</th>
              <td>{formatMoney(r.minor_units, r.currency)}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </ReportSection>
  );
}
