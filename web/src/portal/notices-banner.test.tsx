import { setLanguage, setOrganisationZone } from '../i18n';
import { fakeApi, mount } from '../test-support';
import { NoticesBanner } from './notices-banner';

describe('the service notices banner', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('shows each notice in force with the service it affects and its end', async () => {
    setLanguage('en');
    setOrganisationZone('Europe/London');
    fakeApi(() => [200, {
      notices: [
        { id: 2, title: 'Phones down', text: 'Email us instead.', service: 'Finance', starts_at: '2026-11-23T09:00:00+00:00', ends_at: '2026-11-24T17:00:00+00:00' },
        { id: 1, title: 'Post delayed', text: 'Letters may take a week.', service: '', starts_at: '2026-11-20T09:00:00+00:00', ends_at: null },
      ],
    }]);
    const host = await mount(<NoticesBanner />);
    const region = host.querySelector('section')!;
    expect(region.getAttribute('aria-labelledby')).toBe('service-notices-title');
    expect(region.querySelector('h2')?.textContent).toBe('Service notices');
    const items = [...region.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toMatch(/^⚠ Phones downEmail us instead\.Affects: Finance · Until Tuesday.*24 November 2026.*17:00$/);
    expect(items[1]).toBe('⚠ Post delayedLetters may take a week.');
    setOrganisationZone('UTC');
  });

  it('shows nothing when no notice is in force, or when they cannot be read', async () => {
    fakeApi(() => [200, { notices: [] }]);
    expect((await mount(<NoticesBanner />)).innerHTML).toBe('');
    fakeApi(() => [503, { error: { code: 'unavailable', message: 'down' } }]);
    expect((await mount(<NoticesBanner />)).innerHTML).toBe('');
  });
});
