// The JSON API over fetch. Errors come back as { error: { code, message, field?, problems? } }
// and surface as ApiError so that forms can show the message next to the field it names.

export interface Problem {
  field?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

// The CSRF token answered at sign-in (staff or customer), sent with every write of the session;
// kept in the tab's session storage so that a reload keeps it, and forgotten with the tab.
const csrfKey = 'caredesk.csrf';
let csrfToken = globalThis.sessionStorage?.getItem(csrfKey) ?? '';
export function setCsrfToken(token: string) {
  csrfToken = token;
  if (token) globalThis.sessionStorage?.setItem(csrfKey, token);
  else globalThis.sessionStorage?.removeItem(csrfKey);
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: Blob;
  headers?: Record<string, string>;
}

export async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && options.method && options.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    credentials: 'same-origin',
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(
      response.status,
      error.message ?? response.statusText,
      error.field,
      error.problems ?? [],
    );
  }
  return json as T;
}

// Sends a file's bytes as the body (its own Content-Type), e.g. an attachment.
export async function upload<T>(path: string, file: File, headers: Record<string, string> = {}) {
  return call<T>(path, {
    method: 'POST',
    rawBody: file,
    headers: { 'content-type': file.type || 'application/octet-stream', ...headers },
  });
}

// Fetches a file and hands it to the browser as a download (a link cannot send the tracking
// code, so the bytes come through fetch).
export async function download(path: string, filename: string, headers: Record<string, string> = {}) {
  const response = await fetch(path, { headers, credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(response.status, response.statusText);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
