import { render } from 'preact';
import { setLanguage } from '../i18n';
import { BarChart, labelLines } from './bar-chart';

describe('BarChart', () => {
  const series = [
    { key: 'open', label: 'open', heading: 'Open cases' },
    { key: 'breached', label: 'late', heading: 'Late' },
  ];
  const rows = [
    { label: 'Certificates', values: { open: 4, breached: 1 } },
    { label: 'Billing', values: { open: 2, breached: 0 } },
  ];

  function draw() {
    setLanguage('en');
    const host = document.createElement('div');
    render(
      <BarChart id="c" title="Open cases by department" description="Three bars" series={series} rows={rows} />,
      host,
    );
    return host;
  }

  it('is an image named by its title and description', () => {
    const svg = draw().querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('c-title c-desc');
    expect(svg.querySelector('title')!.textContent).toBe('Open cases by department');
    expect(svg.querySelector('desc')!.textContent).toBe('Three bars');
  });

  it('says each figure in words beside its bar, the longest bar for the largest figure', () => {
    const host = draw();
    const values = [...host.querySelectorAll('.bar-value')].map((text) => text.textContent);
    expect(values).toEqual(['4 open', '1 late', '2 open', '0 late']);
    const widths = [...host.querySelectorAll('rect.bar')].map((bar) => parseFloat(bar.getAttribute('width')!));
    expect(widths[0]).toBeGreaterThan(widths[2]);
    expect(widths[2]).toBeGreaterThan(widths[1]);
  });

  it('gives the same figures as a table', () => {
    const cells = [...draw().querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(cells).toEqual([
      ['Certificates', '4', '1'],
      ['Billing', '2', '0'],
    ]);
  });

  it('wraps a long label over lines between words, so that it fits a narrow screen', () => {
    expect(labelLines('We acknowledge complaints within 5 working days')).toEqual([
      'We acknowledge complaints', 'within 5 working days',
    ]);
    expect(labelLines('Billing')).toEqual(['Billing']);
    expect(labelLines('Supercalifragilistic expialidocious', 10)).toEqual(['Supercalifragilistic', 'expialidocious']);
    const host = document.createElement('div');
    render(
      <BarChart id="s" title="Share met" description="d" max={100}
        series={[{ key: 'share', label: '%', heading: 'Share met (%)' }]}
        rows={[{ label: 'We acknowledge complaints within 5 working days', values: { share: 50 } }]} />,
      host,
    );
    const label = host.querySelector('.bar-label')!;
    expect([...label.querySelectorAll('tspan')].map((line) => line.textContent)).toEqual([
      'We acknowledge complaints', 'within 5 working days',
    ]);
    // Out of the `max` given, not of the largest figure.
    expect(parseFloat(host.querySelector('rect.bar')!.getAttribute('width')!)).toBe(39);
  });
});
