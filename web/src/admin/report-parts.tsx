// The reports page's building blocks: a section under its own heading, a table of named figures
// ("Escalated: 3") and a table of counts by key ("Contacts by channel"), each with a caption.
import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { DataTable } from './data-table';
import type { KeyCount } from './report-types';

export function ReportSection({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`} class="report-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

interface FiguresProps {
  id: string; // the caption's id
  caption: string;
  rows: [string, string | number][]; // what, and its figure
}

export function FiguresTable({ id, caption, rows }: FiguresProps) {
  const t = useT();
  return (
    <DataTable labelledBy={id} caption={caption} columns={[t('report_col_measure'), t('report_col_figure')]}>
      {rows.map(([what, figure]) => (
        <tr key={what}>
          <th scope="row">{what}</th>
          <td>{figure}</td>
        </tr>
      ))}
    </DataTable>
  );
}

// In place of a table with no rows: "Remedies given: none in this period."
export function NoneInPeriod({ what }: { what: string }) {
  const t = useT();
  return <p>{t('report_none_in_period', { what })}</p>;
}

interface CountsProps {
  id: string;
  caption: string;
  keyHeading: string; // "Channel"
  countHeading: string; // "Contacts"
  counts: KeyCount[];
  words: (key: string) => string; // the key in words: "in_person" → "In person"
}

// Counts by key, in the order the server sends them.
export function CountTable({ id, caption, keyHeading, countHeading, counts, words }: CountsProps) {
  if (counts.length === 0) return <NoneInPeriod what={caption} />;
  return (
    <DataTable labelledBy={id} caption={caption} columns={[keyHeading, countHeading]}>
      {counts.map((c) => (
        <tr key={c.key}>
          <th scope="row">{words(c.key)}</th>
          <td>{c.count}</td>
        </tr>
      ))}
    </DataTable>
  );
}
