import type { QueueCase } from './case-summary';
import { appendNew, withFreshTop } from './queue-loader';

const row = (reference: string, subject = reference) => ({ reference, subject }) as unknown as QueueCase;
const refs = (cases: QueueCase[]) => cases.map((c) => c.reference);

describe('the queue as pages arrive and cases change', () => {
  it('appends a page without repeating a case that moved down into it', () => {
    expect(refs(appendNew([row('A'), row('B')], [row('B'), row('C')]))).toEqual(['A', 'B', 'C']);
  });

  it('puts the re-read top first and keeps what was loaded beyond it, without repeats', () => {
    const before = [row('A'), row('B'), row('C'), row('D'), row('E')];
    const top = [row('N', 'new case'), row('A'), row('C')];
    expect(refs(withFreshTop(before, top))).toEqual(['N', 'A', 'C', 'D', 'E']);
    expect(withFreshTop(before, top)[0].subject).toBe('new case');
  });

  it('drops a case that left the top (closed or routed away)', () => {
    expect(refs(withFreshTop([row('A'), row('B')], [row('B')]))).toEqual(['B']);
  });
});
