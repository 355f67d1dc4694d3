// Who the customer is and how to deal with them well: contact details, language, how they
// prefer to be contacted, accessibility needs in their words and the adjustments agreed, and
// anyone acting for them.
import { useT } from '../i18n';
import type { MessageKey } from '../i18n/en';
import { languages, type Language } from '../i18n';
import type { Customer } from './staff-case';
import { CustomerHistory } from './customer-history';

function representativeOf(customer: Customer): string {
  const { name, relationship, email } = customer.representative ?? { name: '' };
  return [name, relationship, email].filter(Boolean).join(', ');
}

interface Props {
  customer: Customer | null;
  anonymous: boolean;
  reference: string;
}

export function CustomerPanel({ customer, anonymous, reference }: Props) {
  const t = useT();
  return (
    <section aria-labelledby="customer-title" class="customer-panel">
      <h2 id="customer-title">{t('staff_customer')}</h2>
      {!customer ? (
        <p>{anonymous ? t('staff_customer_anonymous') : t('staff_customer_none')}</p>
      ) : (
        <dl class="facts">
          <dt>{t('staff_customer_name')}</dt>
          <dd>{customer.name || '—'}</dd>
          {customer.email && (
            <><dt>{t('staff_customer_email')}</dt><dd><a href={`mailto:${customer.email}`}>{customer.email}</a></dd></>
          )}
          {customer.phone && (
            <><dt>{t('staff_customer_phone')}</dt><dd><a href={`tel:${customer.phone}`}>{customer.phone}</a></dd></>
          )}
          {customer.address && (
            <><dt>{t('staff_customer_address')}</dt><dd class="pre">{customer.address}</dd></>
          )}
          <dt>{t('staff_customer_language')}</dt>
          <dd>{languages[customer.language as Language] ?? customer.language}</dd>
          <dt>{t('staff_customer_contact_preference')}</dt>
          <dd>
            {customer.contact_preference
              ? t(`staff_contact_by_${customer.contact_preference}` as MessageKey)
              : t('staff_not_stated')}
          </dd>
          <dt>{t('staff_customer_accessibility')}</dt>
          <dd>{customer.accessibility || t('staff_not_stated')}</dd>
          <dt>{t('staff_customer_adjustments')}</dt>
          <dd>
            {customer.adjustments.length === 0 ? t('staff_none') : (
              <ul class="plain">
                {customer.adjustments.map((a) => <li key={a}>{t(`staff_adjustment_${a}` as MessageKey)}</li>)}
              </ul>
            )}
          </dd>
          {customer.representative && (
            <>
              <dt>{t('staff_customer_representative')}</dt>
              <dd>{representativeOf(customer)}</dd>
            </>
          )}
        </dl>
      )}
      {customer && <CustomerHistory customerId={customer.id} current={reference} />}
    </section>
  );
}
