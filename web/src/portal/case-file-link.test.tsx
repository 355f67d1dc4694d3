import { setLanguage } from '../i18n';
import { click, fakeApi, mount } from '../test-support';
import { CaseFileLink } from './case-file-link';

describe('the case file on the portal', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
    setLanguage('en');
  });

  it('downloads the customer copy as a PDF named for the case, sending the tracking code', async () => {
    const asked: { url: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
      asked.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
      return Promise.resolve(new Response('%PDF-1.5', { status: 200, headers: { 'content-type': 'application/pdf' } }));
    });
    const created = vi.fn(() => 'blob:case-file');
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: created, revokeObjectURL: () => {} }));
    const names: string[] = [];
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const host = await mount(<CaseFileLink reference="CD-2026-000042" secret="cdt_secret" />);
    await click(host.querySelector('button')!);
    expect(asked).toEqual([
      { url: '/api/v1/portal/cases/CD-2026-000042/file.pdf', headers: { 'x-tracking-secret': 'cdt_secret' } },
    ]);
    expect(created).toHaveBeenCalled();
    expect(names).toEqual(['CD-2026-000042.pdf']);
    expect(host.querySelector('[role="alert"]')).toBeNull();
    clicked.mockRestore();
  });

  it('says so when the file cannot be downloaded, in the reader language', async () => {
    setLanguage('es');
    fakeApi(() => [404, { error: { code: 'not_found', message: 'no case CD-2026-000042' } }]);
    const host = await mount(<CaseFileLink reference="CD-2026-000042" secret="" />);
    const button = host.querySelector('button')!;
    expect(button.textContent).toBe('Descargar el expediente del caso (PDF)');
    await click(button);
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('No se pudo descargar el expediente del caso.');
  });
});
