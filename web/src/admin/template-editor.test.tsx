import { setLanguage } from '../i18n';
import { fakeApi, mount, settle, submit, type } from '../test-support';
import { TemplateEditor, previewDelayMs } from './template-editor';
import type { TemplateEntry } from './template-types';

const entry: TemplateEntry = {
  kind: 'reply',
  language: 'en',
  subject: '[{{reference}}] Our reply',
  text: '{{reply_text}}',
  edited: true,
  variables: ['reference', 'reply_text', 'customer_name'],
  required: ['reference', 'reply_text'],
};
const variables = [
  { name: 'reference', meaning: 'the case reference' },
  { name: 'reply_text', meaning: 'the reply the member of staff wrote' },
  { name: 'customer_name', meaning: "the customer's name" },
];
const waitForPreview = () => new Promise((r) => setTimeout(r, previewDelayMs + 50));

describe('the template editor', () => {
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists the variables, marks those that must be used, and previews the draft in a sandboxed frame', async () => {
    const sent = fakeApi((r) => [200, {
      subject: '[CD-2026-000123] Our reply',
      text: `Dear Ana,\n\n${(r.body as { text: string }).text}\n`,
      html: '<!DOCTYPE html><p>Dear Ana,</p>',
      problems: [],
    }]);
    const host = await mount(<TemplateEditor entry={entry} variables={variables} onChanged={() => {}} onClose={() => {}} />);
    expect(document.activeElement?.id).toBe('tmpl-editor-title');
    const terms = [...host.querySelectorAll('.variables dt')].map((dt) => dt.textContent);
    expect(terms).toEqual(['{{reference}}must be used', '{{reply_text}}must be used', '{{customer_name}}']);
    expect(host.querySelector('.variables dd')?.textContent).toBe('the case reference');
    await type(host.querySelector<HTMLTextAreaElement>('#tmpl-text')!, 'Hello.\n\n{{reply_text}}');
    await waitForPreview();
    await settle();
    const previews = sent.filter((r) => r.url === '/api/v1/templates/preview');
    expect(previews.at(-1)!.body).toEqual({
      kind: 'reply', language: 'en', subject: '[{{reference}}] Our reply', text: 'Hello.\n\n{{reply_text}}',
      plain_text: false, large_print: false,
    });
    const frame = host.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('title')).toBe('Email preview: Reply (English)');
    expect((frame as HTMLIFrameElement).srcdoc).toContain('<p>Dear Ana,</p>');
    expect(host.querySelector('.preview-text')?.textContent).toContain('Hello.');
    expect(host.querySelector('.preview-subject')?.textContent).toBe('Subject: [CD-2026-000123] Our reply');
  });

  it("shows a draft that does not render as the server says, without taking the reader's focus", async () => {
    fakeApi(() => [422, { error: { code: 'invalid', message: 'the subject does not render: a section is never closed', field: 'subject' } }]);
    const host = await mount(<TemplateEditor entry={entry} variables={variables} onChanged={() => {}} onClose={() => {}} />);
    const subject = host.querySelector<HTMLInputElement>('#tmpl-subject')!;
    subject.focus();
    await type(subject, '{{#reference}}');
    await waitForPreview();
    await settle();
    expect(host.querySelector('.template-preview .error-text')?.textContent).toContain('a section is never closed');
    expect(document.activeElement).toBe(subject);
  });

  it("saves the draft, and a refusal names the field in the server's words", async () => {
    let saves = 0;
    const changed: string[] = [];
    const sent = fakeApi((r) => {
      if (r.method !== 'PUT') return [200, { subject: 's', text: 't', html: '', problems: [] }];
      saves++;
      return saves === 1
        ? [422, { error: { code: 'invalid', field: 'text', message: 'a reply template must use `reply_text` (the reply the member of staff wrote)', problems: ['a reply template must use `reply_text`'] } }]
        : [200, { ...entry, text: 'Thanks.\n\n{{reply_text}}' }];
    });
    const host = await mount(
      <TemplateEditor entry={entry} variables={variables} onChanged={(_, said) => changed.push(said)} onClose={() => {}} />,
    );
    await type(host.querySelector<HTMLTextAreaElement>('#tmpl-text')!, 'Thanks.');
    await submit(host.querySelector('form')!);
    expect(sent.find((r) => r.method === 'PUT')).toMatchObject({
      url: '/api/v1/templates/reply/en',
      body: { subject: '[{{reference}}] Our reply', text: 'Thanks.' },
    });
    expect(host.querySelector('#tmpl-text-error')?.textContent).toContain('must use `reply_text`');
    expect(host.querySelector('#tmpl-text')?.getAttribute('aria-describedby')).toContain('tmpl-text-error');
    expect(host.querySelector('[role="alert"]')?.textContent).not.toContain('Write your suggestion');
    await type(host.querySelector<HTMLTextAreaElement>('#tmpl-text')!, 'Thanks.\n\n{{reply_text}}');
    await submit(host.querySelector('form')!);
    expect(changed).toEqual(['The template "Reply (English)" was saved.']);
    expect(host.querySelector('[role="alert"]')).toBeNull();
  });
});
