// A table of records named by a heading or by its own caption: column headings, one row per
// record, and its own horizontal scroll (reachable by keyboard) so that a narrow screen never
// scrolls sideways as a whole.
import type { ComponentChildren } from 'preact';

interface Props {
  labelledBy: string; // the id of the heading that names the table, or of its caption
  caption?: string; // given: the table's own caption, with the id `labelledBy`
  columns: string[];
  children: ComponentChildren; // the <tr> rows
}

export function DataTable({ labelledBy, caption, columns, children }: Props) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table class="figures" aria-labelledby={labelledBy}>
        {caption && <caption id={labelledBy}>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
