import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ApiError } from '../api';
import { setLanguage } from '../i18n';
import { ErrorSummary, errorMessage, fieldError } from './form';

describe('API errors in the reader language', () => {
  it('translates an error about a field it knows, and keeps the server words otherwise', () => {
    setLanguage('es');
    const subject = new ApiError(422, 'subject must not be empty', 'subject');
    expect(errorMessage(subject)).toBe('Escriba un asunto: unas palabras sobre de qué se trata.');
    expect(errorMessage(new ApiError(422, 'customer.email is not an email address', 'customer.email')))
      .toBe('Escriba un correo electrónico como nombre@ejemplo.com.');
    expect(errorMessage(new ApiError(409, 'the case is closed'))).toBe('the case is closed');
    expect(fieldError(subject, 'subject')).toBe(errorMessage(subject));
    expect(fieldError(subject, 'body')).toBeUndefined();
    setLanguage('en');
  });

  it('shows the summary as an alert with every problem the server listed', () => {
    setLanguage('en');
    const host = document.createElement('div');
    render(<ErrorSummary error={new ApiError(422, 'the policy has 2 problems', undefined, ['3: bad', '9: worse'])} />, host);
    const alert = host.querySelector('[role=alert]')!;
    expect(alert.querySelector('h2')?.textContent).toBe('There is a problem');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['3: bad', '9: worse']);
  });

  it('takes the focus once for each error, not again while the reader mends the field', async () => {
    setLanguage('en');
    const host = document.createElement('div');
    document.body.appendChild(host);
    const error = new ApiError(422, 'year must be a number', 'year');
    const form = (value: string, shown = error) => (
      <form>
        <ErrorSummary error={shown} />
        <input id="year" value={value} />
      </form>
    );
    await act(() => render(form('20x'), host));
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
    host.querySelector<HTMLInputElement>('#year')!.focus();
    await act(() => render(form('2025'), host));
    expect(document.activeElement?.id).toBe('year');
    await act(() => render(form('2025', new ApiError(422, 'still wrong', 'year')), host));
    expect(document.activeElement?.getAttribute('role')).toBe('alert');
    host.remove();
  });
});
