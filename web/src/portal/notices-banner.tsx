// The service notices in force (GET /api/v1/portal/notices), shown at the top of every portal
// page: what is wrong, which service it affects, and until when if that is known.
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { formatInstant, useT } from '../i18n';

export interface PortalNotice {
  id: number;
  title: string;
  text: string;
  service: string;
  starts_at: string;
  ends_at: string | null;
}

export function NoticesBanner() {
  const t = useT();
  const [notices, setNotices] = useState<PortalNotice[]>([]);
  useEffect(() => {
    call<{ notices: PortalNotice[] }>('/api/v1/portal/notices').then(
      (answer) => setNotices(answer.notices),
      () => setNotices([]), // the portal works without them
    );
  }, []);
  if (notices.length === 0) return null;
  return (
    <section class="service-notices" aria-labelledby="service-notices-title">
      <h2 id="service-notices-title">{t('portal_notices')}</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.id} class="service-notice">
            <p class="service-notice-title">
              <span aria-hidden="true">⚠ </span>
              {n.title}
            </p>
            <p class="pre">{n.text}</p>
            {(n.service || n.ends_at) && (
              <p class="service-notice-meta">
                {n.service && t('portal_notice_service', { service: n.service })}
                {n.service && n.ends_at && ' · '}
                {n.ends_at && t('portal_notice_until', { when: formatInstant(n.ends_at) })}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
