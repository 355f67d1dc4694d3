// A table of records under a heading that names it: column headings, one row per record, and
// its own horizontal scroll (reachable by keyboard) so that a narrow screen never scrolls
// sideways as a whole.
import type { ComponentChildren } from 'preact';

interface Props {
  labelledBy: string; // the id of the heading that names the table
  columns: string[];
  children: ComponentChildren; // the <tr> rows
}

export function DataTable({ labelledBy, columns, children }: Props) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table class="figures" aria-labelledby={labelledBy}>
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
