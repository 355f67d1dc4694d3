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

let csrfToken = '';
// The CSRF token answered at staff sign-in; sent with every staff write.
export function setCsrfToken(token: string) {
  csrfToken = token;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && options.method && options.method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
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
