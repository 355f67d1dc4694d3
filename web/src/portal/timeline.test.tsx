import { render } from 'preact';
import { setLanguage, setOrganisationZone } from '../i18n';
import { Timeline } from './timeline';

const actor = { name: 'Alba Agente', initials: 'AA' };

describe('Timeline', () => {
  it('names each event in the reader language and shows what was said, the score with its comment', () => {
    setLanguage('es');
    setOrganisationZone('Europe/Madrid');
    const host = document.createElement('div');
    render(
      <Timeline
        events={[
          { seq: 1, type: 'received', at: '2026-11-23T09:00:00+00:00', actor, payload: { body: 'Sigo esperando.' } },
          { seq: 2, type: 'replied', at: '2026-11-24T10:00:00+00:00', actor, payload: { summary: 'Enviado ayer.' } },
          { seq: 3, type: 'survey_answered', at: '2026-11-25T11:00:00+00:00', actor, payload: { score: 4, comment: 'Amable.' } },
          { seq: 4, type: 'something_new', at: '2026-11-26T12:00:00+00:00', actor, payload: {} },
        ]}
      />,
      host,
    );
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items[0]).toMatch(/^Recibido lunes, 23 de noviembre de 2026, 10:00Sigo esperando\.$/);
    expect(items[1]).toMatch(/^Respuesta .*Enviado ayer\.$/);
    expect(items[2]).toContain('4 / 5 — Amable.');
    expect(items[3]).toMatch(/^Actualización /);
    expect(host.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-23T09:00:00+00:00');
    setLanguage('en');
  });
});
