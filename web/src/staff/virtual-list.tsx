// A list that renders only the rows in view (and a few either side), so that a queue of 10,000
// cases scrolls as smoothly as one of ten. Rows have one fixed height; the list asks for more
// (`onNeedMore`) as the reader nears the end of what is loaded. It stays a real list for
// assistive technology (each row says its position and, once all is loaded, the size) and for
// the keyboard: Tab reaches the rows in order (the browser scrolls the focused one into view)
// and the arrow keys, Home and End move between rows, rendering the one they land on.
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: T[];
  rowHeight: number;
  // The scrolling window's height in pixels.
  height: number;
  label: string;
  hasMore: boolean;
  onNeedMore: () => void;
  renderRow: (item: T, index: number) => ComponentChildren;
  itemKey: (item: T) => string;
  overscan?: number;
}

// The first and last (exclusive) indexes to render at `scrollTop`.
export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number,
  overscan: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return [first, last];
}

export function VirtualList<T>(props: Props<T>) {
  const { items, rowHeight, height, label, hasMore, onNeedMore, renderRow, itemKey } = props;
  const overscan = props.overscan ?? 4;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  // The row to focus once it is rendered (after an arrow key took the reader there).
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [first, last] = visibleRange(scrollTop, height, rowHeight, items.length, overscan);

  useEffect(() => {
    if (hasMore && last >= items.length - overscan) onNeedMore();
  }, [last, items.length, hasMore]);

  useLayoutEffect(() => {
    if (focusIndex === null) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${focusIndex}"] a`);
    if (row) {
      row.focus();
      setFocusIndex(null);
    }
  }, [focusIndex, first, last]);

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(items.length - 1, index));
    const element = scroller.current!;
    const top = target * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + height) element.scrollTop = top + rowHeight - height;
    setScrollTop(element.scrollTop);
    setFocusIndex(target);
  }

  function onKeyDown(event: KeyboardEvent) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    const index = Number(row.dataset.index);
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page,
      Home: 0, End: items.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    moveTo(moves[event.key]);
  }

  return (
    <div
      ref={scroller}
      class="virtual-list"
      style={{ height: `${height}px` }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      onKeyDown={onKeyDown}
    >
      <ul aria-label={label} style={{ height: `${items.length * rowHeight}px` }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li
              key={itemKey(item)}
              data-index={index}
              aria-posinset={index + 1}
              aria-setsize={hasMore ? -1 : items.length}
              style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
            >
              {renderRow(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
