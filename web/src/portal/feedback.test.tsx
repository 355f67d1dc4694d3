import { setLanguage } from '../i18n';
import { click, fakeApi, mount, submit, type } from '../test-support';
import { FeedbackPage } from './feedback';

describe('How did we do?', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    setLanguage('en');
  });

  it('offers the ratings 1 to 5 as radio buttons in one labelled group', async () => {
    setLanguage('en');
    fakeApi(() => [201, {}]);
    const host = await mount(<FeedbackPage />);
    const group = host.querySelector('fieldset')!;
    expect(group.querySelector('legend')?.textContent).toBe('How would you rate us? (required)');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(radios.map((r) => r.closest('label')?.textContent)).toEqual([
      '1: very poor', '2: poor', '3: all right', '4: good', '5: very good',
    ]);
  });

  it('sends the rating, the comment and the reader language, then thanks them', async () => {
    setLanguage('es');
    const sent = fakeApi(() => [201, { id: 1, rating: 4 }]);
    const host = await mount(<FeedbackPage />);
    await click(host.querySelectorAll<HTMLInputElement>('input[type="radio"]')[3]);
    await type(host.querySelector<HTMLTextAreaElement>('#feedback-comment')!, 'Muy amables');
    await submit(host.querySelector('form')!);
    expect(sent[0]).toEqual({
      url: '/api/v1/portal/satisfaction', method: 'POST',
      body: { rating: 4, comment: 'Muy amables', language: 'es' },
    });
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Gracias. Leemos todas las respuestas.');
    expect(host.querySelector<HTMLInputElement>('input[type="radio"]:checked')).toBeNull();
  });

  it('says in words, beside the ratings, when none was chosen', async () => {
    setLanguage('en');
    fakeApi(() => [422, { error: { code: 'invalid', field: 'rating', message: 'rating is missing' } }]);
    const host = await mount(<FeedbackPage />);
    await submit(host.querySelector('form')!);
    expect(host.querySelector('#rating-error')?.textContent).toContain('Choose a rating from 1 to 5.');
    expect(host.querySelector('fieldset')?.getAttribute('aria-describedby')).toBe('rating-error');
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
  });
});
