// Looking up a string whose key is made from data (an event type, a payload field): the text
// when the key is known, else the fallback, so an event type added to the API later still shows.
import { translate } from '../i18n';
import { en, type MessageKey } from '../i18n/en';

export function wordsFor(key: string, fallback: string): string {
  return key in en ? translate(key as MessageKey) : fallback;
}
