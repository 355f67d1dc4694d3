// The manager dashboard (#/staff/dashboard): what is due today, what is late, where the open
// cases are (by department and by stage, as charts with their tables), the oldest open cases and
// this year's performance against our standards, with a warning when the policy is past the
// review date it gives itself.
import { useEffect } from 'preact/hooks';
import { formatInstant, setOrganisationZone, useT, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { href } from '../route';
import { ErrorSummary } from '../ui/form';
import { BarChart, type ChartSeries } from './bar-chart';
import type { Dashboard, OldCase, StageTally, Tally } from './dashboard-types';
import { formatDate } from './format-date';
import { DataTable } from './data-table';
import { StandardsPanel } from './dashboard-standards';
import { useApi } from './use-api';
import './admin.css';

function tallySeries(t: Translate): ChartSeries[] {
  return [
    { key: 'open', label: t('dash_series_open'), heading: t('dash_open') },
    { key: 'due_today', label: t('dash_series_due_today'), heading: t('dash_due_today') },
    { key: 'breached', label: t('dash_series_breached'), heading: t('dash_breached') },
  ];
}

function stageName(t: Translate, stage: StageTally['stage']): string {
  return t(`dash_stage_${stage ?? 'none'}` as MessageKey);
}

export function DashboardPage() {
  const t = useT();
  const { data, error } = useApi<Dashboard>('/api/v1/dashboard');
  useEffect(() => {
    if (data) setOrganisationZone(data.time_zone);
  }, [data?.time_zone]);
  return (
    <section aria-labelledby="dash-title" class="admin">
      <h1 id="dash-title" tabIndex={-1}>
        {t('dash_title')}
      </h1>
      <ErrorSummary error={error} />
      {!data && !error && <p role="status">{t('loading')}</p>}
      {data && <DashboardFigures data={data} />}
    </section>
  );
}

function DashboardFigures({ data }: { data: Dashboard }) {
  const t = useT();
  return (
    <>
      <p class="hint">{t('dash_as_of', { when: formatInstant(data.as_of) })}</p>
      {data.policy.review_overdue && (
        <div class="warning" role="note">
          <h2>{t('dash_review_title')}</h2>
          <p>{t('dash_review_overdue', { date: formatDate(data.policy.review_date) })}</p>
          <p>
            <a href={href('staff', 'admin', 'policy')}>{t('dash_review_action')}</a>
          </p>
        </div>
      )}
      <dl class="totals">
        <div>
          <dt>{t('dash_due_today')}</dt>
          <dd>{data.due_today}</dd>
        </div>
        <div class={data.breached > 0 ? 'total-breached' : undefined}>
          <dt>{t('dash_breached')}</dt>
          <dd>{data.breached}</dd>
        </div>
        <div>
          <dt>{t('dash_open')}</dt>
          <dd>{data.open}</dd>
        </div>
      </dl>
      <TallyChart
        id="by-department"
        title={t('dash_by_department')}
        open={data.open}
        rows={data.by_department.map((d) => ({ ...d, label: d.name ?? t('dash_unrouted') }))}
      />
      <TallyChart
        id="by-stage"
        title={t('dash_by_stage')}
        open={data.open}
        rows={data.by_stage.map((s) => ({ ...s, label: stageName(t, s.stage) }))}
      />
      <OldestCases cases={data.oldest} />
      <StandardsPanel />
    </>
  );
}

// Open, due today and late for each group, as a chart under its own heading.
function TallyChart(props: { id: string; title: string; open: number; rows: (Tally & { label: string })[] }) {
  const t = useT();
  return (
    <>
      <h2>{props.title}</h2>
      <BarChart
        id={props.id}
        title={props.title}
        description={t('dash_chart_desc', { open: props.open })}
        series={tallySeries(t)}
        rows={props.rows.map((row) => ({
          label: row.label,
          values: { open: row.open, due_today: row.due_today, breached: row.breached },
        }))}
      />
    </>
  );
}

function OldestCases({ cases }: { cases: OldCase[] }) {
  const t = useT();
  return (
    <>
      <h2 id="oldest-title">{t('dash_oldest')}</h2>
      {cases.length === 0 ? (
        <p>{t('dash_oldest_none')}</p>
      ) : (
        <DataTable
          labelledBy="oldest-title"
          columns={[
            t('dash_col_reference'),
            t('dash_col_subject'),
            t('dash_col_received'),
            t('dash_col_next_due'),
          ]}
        >
          {cases.map((c) => (
            <tr key={c.reference}>
              <th scope="row">
                <a href={href('staff', 'case', c.reference)}>{c.reference}</a>
              </th>
              <td>{c.subject}</td>
              <td>{formatInstant(c.received_at)}</td>
              <td>
                {c.next_due ? formatInstant(c.next_due) : t('dash_no_deadline')}
                {c.next_status === 'breached' && (
                  <span class="badge badge-breached"> {t('deadline_status_breached')}</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
