// A horizontal bar chart in plain SVG, with the same figures as a table. The chart is an image
// with a title and a description; each bar carries its figure and what it counts in words, and
// each series has its own fill pattern, so nothing is told by colour alone. The table is what a
// screen reader (or anyone who prefers numbers) reads. A long label (a standard's name) is
// wrapped over several lines, since SVG text does not wrap and must fit a 320 px screen.
import { useT } from '../i18n';

export interface ChartSeries {
  key: string;
  label: string; // "open", shown beside each figure: "3 open"
  heading: string; // the table's column heading
}

export interface ChartRow {
  label: string;
  values: Record<string, number>;
}

interface Props {
  id: string;
  title: string;
  description: string;
  series: ChartSeries[];
  rows: ChartRow[];
  max?: number; // the figure the longest bar stands for (100 for shares); else the largest figure
}

const rowGap = 12;
const labelHeight = 22;
const barHeight = 20;
const barGap = 4;
const barSpan = 78; // per cent of the width the longest bar takes; the rest is for its figure
const labelChars = 28; // a label line's most characters: about 270 px of bold text at 15 px

// `label` in lines of at most `width` characters, broken between words (a longer word stands
// alone on its line).
export function labelLines(label: string, width = labelChars): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length > 0 ? lines : [''];
}

function rowHeight(lines: number, series: number): number {
  return lines * labelHeight + series * (barHeight + barGap) + rowGap;
}

export function BarChart({ id, title, description, series, rows, max: fullBar }: Props) {
  const t = useT();
  const max = fullBar ?? Math.max(1, ...rows.flatMap((row) => series.map((s) => row.values[s.key] ?? 0)));
  const labels = rows.map((row) => labelLines(row.label));
  const height = labels.reduce((sum, lines) => sum + rowHeight(lines.length, series.length), 0);
  let y = 0;
  return (
    <figure class="chart" aria-label={title}>
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={height}
        class="bar-chart"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="bar-fill-1" />
            <line x1="0" y1="0" x2="0" y2="6" class="bar-hatch" />
          </pattern>
          <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" class="bar-fill-2" />
            <circle cx="3" cy="3" r="1.5" class="bar-dot" />
          </pattern>
        </defs>
        {rows.map((row, rowIndex) => {
          const top = y;
          const lines = labels[rowIndex];
          y += rowHeight(lines.length, series.length);
          return (
            <g key={row.label}>
              <text x="0" y={top + 16} class="bar-label">
                {lines.map((line, i) => (
                  <tspan key={i} x="0" dy={i === 0 ? 0 : labelHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
              {series.map((s, index) => {
                const value = row.values[s.key] ?? 0;
                const width = (value / max) * barSpan;
                const barTop = top + lines.length * labelHeight + index * (barHeight + barGap);
                const fill = [undefined, `url(#${id}-hatch)`, `url(#${id}-dots)`][index % 3];
                return (
                  <g key={s.key}>
                    <rect
                      x="0"
                      y={barTop}
                      width={`${Math.max(width, 0.5)}%`}
                      height={barHeight}
                      class={`bar bar-${index % 3}`}
                      fill={fill}
                    />
                    <text x={`${width + 1}%`} y={barTop + 15} class="bar-value">
                      {t('chart_value', { value, what: s.label })}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <div class="table-scroll" role="region" aria-labelledby={`${id}-table`} tabIndex={0}>
      <table class="figures">
        <caption id={`${id}-table`}>{t('chart_table', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart_category')}</th>
            {series.map((s) => (
              <th scope="col" key={s.key}>
                {s.heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {series.map((s) => (
                <td key={s.key}>{row.values[s.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
