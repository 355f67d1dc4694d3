import { setLanguage } from '../i18n';
import type { OutboxMessage } from '../staff/outbox-message';
import { act } from 'preact/test-utils';
import { click, fakeApi, mount, submit } from '../test-support';
import { Outbox } from './outbox';

const failed: OutboxMessage = {
  id: 9, case_id: 1, reference: 'CD-2026-000001', kind: 'acknowledgement', delivery: 'email',
  recipient: 'ann@example.com', language: 'en', subject: 'We have your message', text: 'Thanks.',
  large_print: false, status: 'failed', attempts: 5, last_error: '550 mailbox unavailable',
  created_at: '2026-11-23T09:00:00+00:00', sent_at: null,
};

describe('the outbox', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('starts with the failures, each with the error that stopped it, and sends one again', async () => {
    const sent = fakeApi((r) => r.method === 'POST'
      ? [200, { ...failed, status: 'pending', attempts: 0, last_error: '' }]
      : [200, { messages: [failed], next_cursor: null }]);
    const host = await mount(<Outbox />);
    expect(sent[0].url).toBe('/api/v1/outbox?status=failed');
    const row = host.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Last error: 550 mailbox unavailable');
    expect(row.textContent).toContain('5 attempt(s)');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('#/staff/case/CD-2026-000001');
    const retry = row.querySelector('button')!;
    expect(retry.getAttribute('aria-label')).toBe('Send again: We have your message');
    await click(retry);
    expect(sent.at(-1)).toMatchObject({ url: '/api/v1/outbox/9/retry', method: 'POST' });
    expect(host.querySelector('tbody tr')!.textContent).toContain('Waiting');
    expect(host.querySelector('tbody tr button')?.textContent).toBe('Cancel');
    expect(host.querySelector('[role="status"]')?.textContent).toBe('It will be sent again: We have your message.');
  });

  it('filters by status and by how messages are sent', async () => {
    const sent = fakeApi(() => [200, { messages: [], next_cursor: null }]);
    const host = await mount(<Outbox />);
    const choose = (id: string, value: string) =>
      act(() => {
        const select = host.querySelector<HTMLSelectElement>(id)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await choose('#outbox-status', '');
    await choose('#outbox-delivery', 'letter');
    await submit(host.querySelector('form')!);
    expect(sent.at(-1)!.url).toBe('/api/v1/outbox?delivery=letter');
    expect(host.textContent).toContain('No messages.');
  });
});
