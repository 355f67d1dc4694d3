import { adminEn } from './admin.en';
import { mailEn } from './mail.en';
import { en, portalEn } from './en';
import { staffEn } from './staff.en';
import { es } from './es';
import { formatInstant, setLanguage, setOrganisationZone, translate } from './index';

describe('translations', () => {
  it('gives each key one meaning: the portal, staff, admin and mail dictionaries share none', () => {
    const parts = [Object.keys(portalEn), Object.keys(staffEn), Object.keys(adminEn), Object.keys(mailEn)];
    const all = parts.flat();
    expect(all.filter((key, i) => all.indexOf(key) !== i)).toEqual([]);
  });

  it('has every English string in Spanish, none left empty or untranslated by accident', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(es)) expect(text.trim(), key).not.toBe('');
  });

  it('keeps every placeholder of the English string', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const wanted = (en[key].match(/\{\w+\}/g) ?? []).sort();
      expect((es[key].match(/\{\w+\}/g) ?? []).sort(), key).toEqual(wanted);
    }
  });

  it('fills placeholders and follows the chosen language', () => {
    setLanguage('es');
    expect(translate('submitted_reference', { reference: 'CD-2026-000001' })).toBe(
      'Su referencia es CD-2026-000001.',
    );
    setLanguage('en');
    expect(translate('submitted_reference', { reference: 'CD-2026-000001' })).toBe(
      'Your reference is CD-2026-000001.',
    );
  });

  it("shows instants in the organisation's time zone, in the reader's language", () => {
    setOrganisationZone('Europe/Madrid');
    setLanguage('en');
    expect(formatInstant('2026-11-30T17:30:00+00:00')).toMatch(/Monday.*30 November 2026.*18:30/);
    setLanguage('es');
    expect(formatInstant('2026-11-30T17:30:00+00:00')).toMatch(/lunes.*30 de noviembre de 2026.*18:30/);
    setLanguage('en');
    setOrganisationZone('UTC');
  });
});
