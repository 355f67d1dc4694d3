// What customers and staff made of the service: satisfaction (the survey's response rate, the
// scores given and the comments), preventive actions, and suggestions.
import { useT } from '../i18n';
import { DataTable } from './data-table';
import { formatNumber, formatShare } from './report-format';
import { FiguresTable, ReportSection } from './report-parts';
import type { PeriodFigures, Prevention, SuggestionFigures } from './report-types';

const scores = ['1', '2', '3', '4', '5'];

export function SatisfactionFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  const s = figures.satisfaction;
  return (
    <ReportSection id="report-satisfaction" title={t('report_satisfaction')}>
      <FiguresTable id="report-survey" caption={t('report_survey_table')} rows={[
        [t('report_invited'), s.invited],
        [t('report_responses'), s.responses],
        [t('report_response_rate'), formatShare(t, s.response_rate)],
        [t('report_mean_score'), s.mean_score === null
          ? formatNumber(t, null) : t('report_score_of', { score: formatNumber(t, s.mean_score) })],
      ]} />
      <DataTable labelledBy="report-scores" caption={t('report_scores_table')}
        columns={[t('report_col_score'), t('report_responses')]}>
        {scores.map((score) => (
          <tr key={score}>
            <th scope="row">{t('report_score_of', { score })}</th>
            <td>{s.scores[score] ?? 0}</td>
          </tr>
        ))}
      </DataTable>
      <h3 id="report-comments">{t('report_comments')}</h3>
      {s.comments.length === 0 ? (
        <p>{t('report_comments_none')}</p>
      ) : (
        <>
          {s.comment_count > s.comments.length && (
            <p class="hint">{t('report_comments_some', { shown: s.comments.length, count: s.comment_count })}</p>
          )}
          <ul class="report-comments" aria-labelledby="report-comments">
            {s.comments.map((comment, i) => <li key={i}>{comment}</li>)}
          </ul>
        </>
      )}
    </ReportSection>
  );
}

const preventionRows: (keyof Prevention)[] = ['open', 'overdue', 'done', 'verified', 'recurred', 'not_recurred'];
const suggestionRows: (keyof SuggestionFigures)[] = ['received', 'under_review', 'adopted', 'not_adopted', 'published'];

export function PreventionFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  return (
    <ReportSection id="report-prevention" title={t('report_prevention')}>
      <FiguresTable id="report-prevention-table" caption={t('report_prevention_table')}
        rows={preventionRows.map((row) => [t(`report_prevention_${row}`), figures.prevention[row]])} />
    </ReportSection>
  );
}

export function SuggestionsFigures({ figures }: { figures: PeriodFigures }) {
  const t = useT();
  return (
    <ReportSection id="report-suggestions" title={t('report_suggestions')}>
      <FiguresTable id="report-suggestions-table" caption={t('report_suggestions_table')}
        rows={suggestionRows.map((row) => [t(`report_suggestions_${row}`), figures.suggestions[row]])} />
    </ReportSection>
  );
}
