import { lineProblem } from './policy';

describe('lineProblem', () => {
  it('splits the API\'s "line: reason" into the line and the reason', () => {
    expect(lineProblem('12: unknown key "zone" in [calendar]')).toEqual({
      line: 12,
      reason: 'unknown key "zone" in [calendar]',
    });
  });

  it('keeps a problem without a line whole', () => {
    expect(lineProblem('the text is empty')).toEqual({ line: null, reason: 'the text is empty' });
  });
});
