import { render } from 'preact';
import { setLanguage, setOrganisationZone } from '../i18n';
import { DeadlineList } from './deadlines';

describe('DeadlineList', () => {
  it('says each date and its state in words, leaving out what has no date', () => {
    setLanguage('en');
    setOrganisationZone('Europe/London');
    const host = document.createElement('div');
    render(
      <DeadlineList
        deadlines={[
          { standard: 'ack', event: 'acknowledged', due: '2026-11-30T17:30:00+00:00', status: 'breached' },
          { standard: 'reply', event: 'replied', due: '2026-12-07T17:30:00+00:00', status: 'pending' },
          { standard: 'stage2', event: 'replied', due: null, status: 'pending' },
        ]}
      />,
      host,
    );
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^We acknowledge it: by Monday.*30 November 2026.*17:30 late$/);
    expect(items[1]).toMatch(/We reply in full: by .*7 December 2026.* on track$/);
  });
});
