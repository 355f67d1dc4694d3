// Tracking codes kept in this browser's session storage, so that the customer who has just
// submitted can follow the case without copying the code; gone when the tab closes.
const prefix = 'caredesk.secret.';

export function rememberSecret(reference: string, secret: string) {
  sessionStorage.setItem(prefix + reference, secret);
}

export function rememberedSecret(reference: string): string {
  return sessionStorage.getItem(prefix + reference) ?? '';
}
