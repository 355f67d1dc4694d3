// What the component tests share: a fake API (fetch answered by a function of the request, every
// request kept), mounting a component in the document, typing and submitting as a person would,
// and waiting for the promises a render started.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export interface Sent {
  url: string;
  method: string;
  body: unknown;
}

// Answers each fetch with `reply(request)`: [status, body]. Returns the requests made.
export function fakeApi(reply: (request: Sent) => [number, unknown]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    const request = { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
    sent.push(request);
    const [status, body] = reply(request);
    return Promise.resolve(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );
  });
  return sent;
}

export async function settle() {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
}

export async function mount(node: ComponentChild): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.appendChild(host);
  await act(() => render(node, host));
  await settle();
  return host;
}

export async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function submit(form: HTMLFormElement) {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

export async function click(element: HTMLElement) {
  await act(() => element.click());
  await settle();
}
