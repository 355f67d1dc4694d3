// A deadline's standing as an icon and words together (the icon alone would be colour-like).
import { useT } from '../i18n';
import { standingIcon, type Standing } from './case-summary';

export function StandingBadge({ standing }: { standing: Standing }) {
  const t = useT();
  return (
    <span class={`standing standing-${standing}`}>
      <span aria-hidden="true">{standingIcon[standing]} </span>
      {t(`staff_standing_${standing}`)}
    </span>
  );
}
