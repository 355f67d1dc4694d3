import { setLanguage, setOrganisationZone } from '../i18n';
import { actionSpecs, eventBody } from './action-specs';
import { mayRecord } from './case-actions';
import { standingOf } from './case-summary';
import { contactBody } from './new-contact';
import { resolutionBody } from './resolve-form';
import { eventDetails } from './staff-timeline';

const spec = (type: string) => actionSpecs.find((s) => s.type === type)!;

describe('the bodies the staff console sends', () => {
  it('leaves empty text out, keeps checkboxes as booleans and sends instants in UTC', () => {
    expect(eventBody(spec('acknowledged'), {})).toEqual({ type: 'acknowledged', verbal: false });
    expect(eventBody(spec('call_logged'), { summary: '  Rang back  ' })).toEqual({
      type: 'call_logged', inbound: true, summary: 'Rang back',
    });
    const referred = eventBody(spec('referred'), { person: 'Dr Lee', department: '', expected_by: '2026-12-01T09:30' });
    expect(referred).toEqual({ type: 'referred', person: 'Dr Lee', expected_by: new Date('2026-12-01T09:30').toISOString() });
    expect(eventBody(spec('preventive_action_done'), { number: '2' })).toEqual({ type: 'preventive_action_done', number: 2 });
  });

  it('has a form for every event type staff record by hand', () => {
    const types = actionSpecs.map((s) => s.type).concat('resolved', 'assigned').sort();
    expect(types).toEqual([
      'acknowledged', 'assigned', 'call_logged', 'closed', 'decided', 'escalated', 'extended',
      'external_referral', 'holding_sent', 'note', 'paused', 'preventive_action_done',
      'preventive_action_verified', 'reclassified', 'redirected', 'referred', 'reopened',
      'replied', 'resolved', 'resumed',
    ]);
  });

  it('resolves with remedies in minor units and an outcome per point', () => {
    const body = resolutionBody({
      outcome: 'partly_upheld',
      pointOutcomes: ['upheld', ''],
      remedies: [{ type: 'financial_redress', description: 'Refund', amount: '25.50', currency: 'gbp' }],
      actions: [{ description: 'Train the desk', owner: 'Maria', due: '' }],
      rootCause: ' late post ',
      serviceFailure: true,
      summary: 'Sorry',
    });
    expect(body.points).toEqual([{ number: 1, outcome: 'upheld' }, { number: 2, outcome: 'partly_upheld' }]);
    expect(body.remedies).toEqual([
      { type: 'financial_redress', description: 'Refund', amount: { minor_units: 2550, currency: 'GBP' } },
    ]);
    expect(body.root_cause).toBe('late post');
    expect(body.service_failure).toBe(true);
  });

  it('logs a contact with the customer only when one is named, and a verbal acknowledgement only for calls and visits', () => {
    const values = { kind: 'complaint', channel: 'post', received_at: '', subject: ' Letter ', body: '', name: '',
      email: '', phone: '', language: 'en', department_id: '', service: '', nature: '', points: 'one\n\n two ' };
    const posted = contactBody(values, true);
    expect(posted.customer).toBeUndefined();
    expect(posted.acknowledged_verbally).toBeUndefined();
    expect(posted.points).toEqual(['one', 'two']);
    expect(posted.subject).toBe('Letter');
    expect(contactBody({ ...values, channel: 'phone', name: 'Ana' }, true)).toMatchObject({
      customer: { name: 'Ana', language: 'en' }, acknowledged_verbally: true,
    });
  });
});

describe('what the console shows', () => {
  it('says how a case stands in four words', () => {
    expect(standingOf('pending')).toBe('on_track');
    expect(standingOf('due_soon')).toBe('due_soon');
    expect(standingOf('breached')).toBe('breached');
    expect(standingOf('pending', 'paused')).toBe('paused');
    expect(standingOf(null)).toBe('none');
  });

  it("shows an event's fields worth reading, dates in the organisation's zone", () => {
    setLanguage('en');
    setOrganisationZone('Europe/Madrid');
    const details = eventDetails({
      seq: 2, type: 'referred', at: '2026-11-23T09:00:00+00:00', actor: { name: 'Alan Agent', initials: 'AA' },
      payload: { department: '', person: 'Dr Lee', expected_by: '2026-11-30T17:30:00+00:00' },
    });
    expect(details[0]).toEqual(['person', 'Dr Lee']);
    expect(details[1][1]).toMatch(/Monday.*30 November 2026.*18:30/);
    expect(details).toHaveLength(2);
    setOrganisationZone('UTC');
  });
});

describe('who may record what', () => {
  it('follows the access rules: auditors read, admins assign, stage 2 is a manager’s', () => {
    expect(mayRecord('auditor', 'stage1', 'note')).toBe(false);
    expect(mayRecord('admin', 'stage1', 'replied')).toBe(false);
    expect(mayRecord('admin', 'stage1', 'assigned')).toBe(true);
    expect(mayRecord('agent', 'stage1', 'resolved')).toBe(true);
    expect(mayRecord('agent', 'stage2', 'resolved')).toBe(false);
    expect(mayRecord('agent', 'stage2', 'note')).toBe(true);
    expect(mayRecord('manager', 'stage2', 'resolved')).toBe(true);
  });
});

describe('the history in words', () => {
  it('names outcomes and remedies rather than showing their codes', () => {
    setLanguage('en');
    const details = eventDetails({
      seq: 4, type: 'resolved', at: '2026-11-23T09:00:00+00:00', actor: { name: 'Alan Agent', initials: 'AA' },
      payload: {
        outcome: 'partly_upheld', points: [], service_failure: false,
        remedies: [{ type: 'financial_redress', description: 'Refund', amount: { minor_units: 2550, currency: 'GBP' } }],
      },
    });
    expect(details).toEqual([['outcome', 'Partly upheld'], ['remedies', 'Financial redress: Refund, 25.50 GBP']]);
  });
});
