import { render } from 'preact';
import { act } from 'preact/test-utils';
import { VirtualList, visibleRange } from './virtual-list';

const cases = Array.from({ length: 10000 }, (_, i) => ({ reference: `CD-2026-${String(i + 1).padStart(6, '0')}` }));

function mount(hasMore: boolean, onNeedMore = () => {}) {
  const host = document.createElement('div');
  document.body.appendChild(host);
  act(() => {
    render(
      <VirtualList
        items={cases}
        rowHeight={50}
        height={500}
        label="Queue"
        hasMore={hasMore}
        onNeedMore={onNeedMore}
        itemKey={(c) => c.reference}
        renderRow={(c) => <a href={`#/staff/case/${c.reference}`}>{c.reference}</a>}
      />,
      host,
    );
  });
  return host;
}

describe('VirtualList', () => {
  it('works out the rows in view with a margin either side', () => {
    expect(visibleRange(0, 500, 50, 10000, 4)).toEqual([0, 14]);
    expect(visibleRange(5000, 500, 50, 10000, 4)).toEqual([96, 114]);
    expect(visibleRange(499_500, 500, 50, 10000, 4)).toEqual([9986, 10000]);
  });

  it('renders only the rows in view of 10,000, as a list that says each position', () => {
    const host = mount(false);
    const rows = host.querySelectorAll('li');
    expect(rows.length).toBe(14);
    expect(host.querySelector('ul')!.getAttribute('aria-label')).toBe('Queue');
    expect(host.querySelector('ul')!.style.height).toBe('500000px');
    expect(rows[0].getAttribute('aria-posinset')).toBe('1');
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
    expect(rows[0].querySelector('a')!.getAttribute('href')).toBe('#/staff/case/CD-2026-000001');
    host.remove();
  });

  it('follows the scroll, and asks for more near the end of what is loaded', () => {
    const needMore = vi.fn();
    const host = mount(true, needMore);
    const scroller = host.querySelector<HTMLDivElement>('.virtual-list')!;
    expect(needMore).not.toHaveBeenCalled();
    act(() => {
      scroller.scrollTop = 250_000;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(host.querySelector('li')!.getAttribute('aria-posinset')).toBe('4997');
    expect(host.querySelector('li')!.getAttribute('aria-setsize')).toBe('-1');
    act(() => {
      scroller.scrollTop = 499_500;
      scroller.dispatchEvent(new Event('scroll'));
    });
    expect(needMore).toHaveBeenCalled();
    host.remove();
  });

  it('moves the focus between rows with the arrow keys and End, rendering the row it lands on', () => {
    const host = mount(false);
    const firstLink = host.querySelector<HTMLAnchorElement>('li a')!;
    firstLink.focus();
    act(() => {
      firstLink.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    expect(document.activeElement!.textContent).toBe('CD-2026-000002');
    act(() => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(document.activeElement!.textContent).toBe('CD-2026-010000');
    expect(host.querySelectorAll('li').length).toBeLessThan(30);
    host.remove();
  });
});
