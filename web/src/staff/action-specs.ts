// Every action staff may record on a case (POST /api/v1/cases/{ref}/events), as data: its
// event type, its fields (named as the API names them, src/core/case_event.h) and the case
// statuses it makes sense in. The generic form (action-form.tsx) renders any of them; the
// resolution, with its remedies and preventive actions, has its own form (resolve-form.tsx).
import type { StaffCase } from './staff-case';

export type FieldKind = 'text' | 'textarea' | 'datetime' | 'checkbox' | 'select' | 'number';

export interface ActionField {
  name: string;
  kind: FieldKind;
  required?: boolean;
  // For selects: the values, or a function of the case (e.g. its deadlines' standards).
  options?: readonly string[] | ((shown: StaffCase) => string[]);
  // The label's key when it is not `staff_field_<name>`.
  label?: string;
  // For checkboxes: the value when the form opens.
  initial?: boolean;
}

export interface ActionSpec {
  type: string;
  fields: ActionField[];
  statuses: readonly string[];
  // The kinds of contact it applies to, when not every kind.
  kinds?: readonly string[];
}

const open = ['open'];
const active = ['open', 'paused'];
const everywhere = ['open', 'paused', 'resolved', 'closed'];
export const outcomes = ['upheld', 'partly_upheld', 'not_upheld', 'unresolved', 'withdrawn'] as const;
const kinds = ['question', 'comment', 'compliment', 'complaint', 'service_request', 'suggestion', 'adjustment_request'];

export const actionSpecs: ActionSpec[] = [
  { type: 'acknowledged', statuses: active, fields: [{ name: 'verbal', kind: 'checkbox' }] },
  { type: 'note', statuses: everywhere, fields: [{ name: 'text', kind: 'textarea', required: true }] },
  { type: 'call_logged', statuses: everywhere, fields: [
    { name: 'inbound', kind: 'checkbox', initial: true },
    { name: 'summary', kind: 'textarea', required: true }] },
  { type: 'referred', statuses: active, fields: [
    { name: 'person', kind: 'text', required: true },
    { name: 'department', kind: 'text' },
    { name: 'expected_by', kind: 'datetime', required: true }] },
  { type: 'replied', statuses: active, fields: [{ name: 'summary', kind: 'textarea', required: true }] },
  { type: 'holding_sent', statuses: active, fields: [
    { name: 'new_expected', kind: 'datetime', required: true },
    { name: 'reason', kind: 'textarea', required: true }] },
  { type: 'paused', statuses: open, fields: [{ name: 'reason', kind: 'textarea', required: true }] },
  { type: 'resumed', statuses: ['paused'], fields: [] },
  { type: 'extended', statuses: active, fields: [
    { name: 'standard_id', kind: 'select',
      options: (shown) => ['', ...new Set(shown.deadlines.filter((d) => d.due && !d.fulfilled_at).map((d) => d.standard))] },
    { name: 'new_due', kind: 'datetime', required: true },
    { name: 'reason', kind: 'textarea', required: true }] },
  { type: 'escalated', statuses: everywhere, fields: [{ name: 'reason', kind: 'textarea', required: true }] },
  { type: 'reclassified', statuses: active, fields: [
    { name: 'new_kind', kind: 'select', required: true, options: kinds },
    { name: 'reason', kind: 'textarea', required: true }] },
  { type: 'redirected', statuses: active, fields: [
    { name: 'third_party', kind: 'text', required: true },
    { name: 'details', kind: 'textarea', required: true }] },
  { type: 'decided', statuses: active, kinds: ['adjustment_request'], fields: [
    { name: 'decision', kind: 'select', required: true, options: ['granted', 'partly_granted', 'refused'] },
    { name: 'reason', kind: 'textarea' }] },
  { type: 'closed', statuses: ['open', 'paused', 'resolved'], fields: [
    { name: 'reason', kind: 'textarea' },
    { name: 'withdrawn', kind: 'checkbox' }] },
  { type: 'reopened', statuses: ['resolved', 'closed'], fields: [{ name: 'reason', kind: 'textarea', required: true }] },
  { type: 'preventive_action_done', statuses: everywhere, fields: [
    { name: 'number', kind: 'number', required: true },
    { name: 'note', kind: 'textarea' }] },
  { type: 'preventive_action_verified', statuses: everywhere, fields: [
    { name: 'number', kind: 'number', required: true },
    { name: 'recurred', kind: 'checkbox' },
    { name: 'note', kind: 'textarea' }] },
  { type: 'external_referral', statuses: everywhere, fields: [
    { name: 'body', kind: 'text', required: true, label: 'staff_field_external_body' },
    { name: 'reference', kind: 'text' },
    { name: 'outcome', kind: 'select', options: ['', ...outcomes] },
    { name: 'details', kind: 'textarea' }] },
];

// A `datetime-local` value ("2026-12-01T09:30", the reader's clock) as an RFC 3339 instant.
export function instantOf(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

// The event's body from the form's values: empty texts left out, numbers and instants converted.
export function eventBody(spec: ActionSpec, values: Record<string, string | boolean>) {
  const body: Record<string, unknown> = { type: spec.type };
  for (const field of spec.fields) {
    const value = values[field.name];
    if (field.kind === 'checkbox') body[field.name] = Boolean(value ?? field.initial ?? false);
    else if (typeof value === 'string' && value.trim() !== '') {
      if (field.kind === 'datetime') body[field.name] = instantOf(value);
      else if (field.kind === 'number') body[field.name] = Number(value);
      else body[field.name] = value.trim();
    }
  }
  return body;
}
