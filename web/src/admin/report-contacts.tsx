// The report's contacts: how many in all (complaints and compliments among them), and by kind,
// channel, service, nature and department.
import { useT, type Translate } from '../i18n';
import type { MessageKey } from '../i18n/en';
import type { Department } from '../staff/departments';
import { channelWord, given, kindWord } from './report-format';
import { CountTable, FiguresTable, ReportSection } from './report-parts';
import type { KeyCount, PeriodFigures } from './report-types';

// A department's key is its id (its name, were the server to send that): shown by name.
function departmentWord(t: Translate, departments: Department[], key: string): string {
  if (!key) return t('dash_unrouted');
  return departments.find((d) => String(d.id) === key)?.name ?? key;
}

interface Group {
  name: string;
  caption: MessageKey;
  heading: MessageKey;
  counts: KeyCount[];
  words: (key: string) => string;
}

export function ContactFigures({ figures, departments }: { figures: PeriodFigures; departments: Department[] }) {
  const t = useT();
  const groups: Group[] = [
    { name: 'kind', caption: 'report_by_kind', heading: 'report_col_kind', counts: figures.by_kind,
      words: (key) => kindWord(t, key) },
    { name: 'channel', caption: 'report_by_channel', heading: 'report_col_channel', counts: figures.by_channel,
      words: (key) => channelWord(t, key) },
    { name: 'service', caption: 'report_by_service', heading: 'report_col_service', counts: figures.by_service,
      words: (key) => given(t, key) },
    { name: 'nature', caption: 'report_by_nature', heading: 'report_col_nature', counts: figures.by_nature,
      words: (key) => given(t, key) },
    { name: 'department', caption: 'report_by_department', heading: 'report_col_department',
      counts: figures.by_department, words: (key) => departmentWord(t, departments, key) },
  ];
  return (
    <ReportSection id="report-contacts" title={t('report_contacts')}>
      <FiguresTable id="report-contacts-totals" caption={t('report_contacts_totals')} rows={[
        [t('report_contacts_all'), figures.contacts],
        [t('report_complaints'), figures.complaints],
        [t('report_compliments'), figures.compliments],
      ]} />
      <div class="report-tables">
        {groups.map((group) => (
          <CountTable key={group.name} id={`report-by-${group.name}`} caption={t(group.caption)}
            keyHeading={t(group.heading)} countHeading={t('report_col_contacts')} counts={group.counts}
            words={group.words} />
        ))}
      </div>
    </ReportSection>
  );
}
