// An outbox message as GET /api/v1/outbox answers it, and the words staff screens use for it.
import type { Translate } from '../i18n';
import { en, type MessageKey } from '../i18n/en';

export type Delivery = 'email' | 'letter' | 'call';
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxMessage {
  id: number;
  case_id: number | null;
  reference: string | null;
  kind: string;
  delivery: Delivery;
  recipient: string;
  language: string;
  subject: string;
  text: string;
  large_print: boolean;
  status: OutboxStatus;
  attempts: number;
  last_error: string;
  created_at: string;
  sent_at: string | null;
}

export interface OutboxPage {
  messages: OutboxMessage[];
  next_cursor: string | null;
}

export const deliveries: Delivery[] = ['email', 'letter', 'call'];
export const outboxStatuses: OutboxStatus[] = ['pending', 'sent', 'failed', 'cancelled'];

export function deliveryWord(t: Translate, delivery: Delivery): string {
  return t(`outbox_delivery_${delivery}` as MessageKey);
}

export function statusWord(t: Translate, status: OutboxStatus): string {
  return t(`outbox_status_${status}` as MessageKey);
}

// Who a message goes to, on one line: a letter's name and address or a call's name and number.
export function recipientLine(message: OutboxMessage): string {
  return message.recipient.split('\n').filter(Boolean).join(', ');
}

// A template kind's name ("acknowledgement" → "Acknowledgement"), or the kind as it is.
export function kindWord(t: Translate, kind: string): string {
  const key = `tmpl_kind_${kind}`;
  return key in en ? t(key as MessageKey) : kind;
}
