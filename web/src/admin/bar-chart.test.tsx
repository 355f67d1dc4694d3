import { render } from 'preact';
import { setLanguage } from '../i18n';
import { BarChart } from './bar-chart';

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
});
