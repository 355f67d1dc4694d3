import { setLanguage } from '../i18n';
import { click, fakeApi, mount, submit, type } from '../test-support';
import type { OutboxMessage } from './outbox-message';
import { TodoPage } from './todo';

function task(id: number, delivery: 'letter' | 'call', recipient: string): OutboxMessage {
  return {
    id, case_id: id, reference: `CD-2026-00000${id}`, kind: 'acknowledgement', delivery, recipient,
    language: 'en', subject: 'We have your message', text: 'Thank you for contacting us.',
    large_print: delivery === 'letter', status: 'pending', attempts: 0, last_error: '',
    created_at: '2026-11-23T09:00:00+00:00', sent_at: null,
  };
}

describe('the to-do list', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists letters and calls oldest first, each with its case', async () => {
    const sent = fakeApi(() => [200, {
      messages: [task(2, 'call', 'Cy Call 0113 496 0001'), task(1, 'letter', 'Dee Post\n3 Mill Lane')],
      next_cursor: null,
    }]);
    const host = await mount(<TodoPage />);
    expect(sent[0].url).toBe('/api/v1/outbox?status=pending&limit=200');
    expect([...host.querySelectorAll('.tasks h2')].map((h) => h.textContent)).toEqual([
      'Letter to Dee Post, 3 Mill Lane', 'Call Cy Call 0113 496 0001',
    ]);
    const letter = host.querySelector('.tasks li')!;
    expect(letter.querySelector('a')?.getAttribute('href')).toBe('#/staff/case/CD-2026-000001');
    expect(letter.textContent).toContain('Large print');
    expect([...letter.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Download letter (PDF)', 'Mark done']);
    expect(letter.querySelector('button[type="submit"]')?.getAttribute('aria-label')).toBe(
      'Mark done: Letter to Dee Post, 3 Mill Lane',
    );
  });

  it('marks a call done with what was said, and then it is off the list', async () => {
    const sent = fakeApi((r) => r.method === 'POST'
      ? [r.body && (r.body as { summary?: string }).summary ? 200 : 422,
        r.body && (r.body as { summary?: string }).summary
          ? { ...task(2, 'call', 'Cy'), status: 'sent' }
          : { error: { code: 'invalid', field: 'summary', message: 'summary must say what was said on the call' } }]
      : [200, { messages: [task(2, 'call', 'Cy Call 0113 496 0001')], next_cursor: null }]);
    const host = await mount(<TodoPage />);
    const form = host.querySelector<HTMLFormElement>('.tasks form')!;
    await submit(form);
    expect(host.querySelector('#summary-2-error')?.textContent).toContain('what was said on the call');
    await type(host.querySelector<HTMLTextAreaElement>('#summary-2')!, 'Told Cy the post is slow.');
    await submit(form);
    expect(sent.filter((r) => r.method === 'POST').at(-1)).toEqual({
      url: '/api/v1/outbox/2/done', method: 'POST', body: { summary: 'Told Cy the post is slow.' },
    });
    expect(host.querySelector('.tasks')).toBeNull();
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Done: Call Cy Call 0113 496 0001.');
    expect(host.textContent).toContain('Nothing to do');
  });

  it('downloads a letter as a PDF through fetch', async () => {
    const sent = fakeApi(() => [200, { messages: [task(1, 'letter', 'Dee Post')], next_cursor: null }]);
    const created = vi.fn(() => 'blob:letter');
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: created, revokeObjectURL: () => {} }));
    const host = await mount(<TodoPage />);
    await click([...host.querySelectorAll('button')].find((b) => b.textContent === 'Download letter (PDF)')!);
    expect(sent.at(-1)!.url).toBe('/api/v1/outbox/1/letter.pdf');
    expect(created).toHaveBeenCalled();
  });
});
