// The reports page's form: the period (a calendar year, or a first and a last day) and the kinds
// and channels of contact to count, as ticked boxes (none ticked: all). The server's refusal is
// shown at the top and beside the field it names.
import { useState } from 'preact/hooks';
import type { ApiError } from '../api';
import { useT } from '../i18n';
import { kinds } from '../portal/submit';
import { ErrorSummary, Field, fieldError } from '../ui/form';
import { channelWord, kindWord } from './report-format';
import type { ReportAsk } from './report-query';
import { channels } from './report-types';

interface Props {
  initial: ReportAsk;
  error: ApiError | null;
  onAsk: (ask: ReportAsk) => void;
}

export function ReportForm({ initial, error, onAsk }: Props) {
  const t = useT();
  const [ask, setAsk] = useState(initial);
  const set = (change: Partial<ReportAsk>) => setAsk((before) => ({ ...before, ...change }));
  const text = (id: string, label: string, name: 'year' | 'from' | 'lastDay', type: string, field: string) => (
    <Field id={id} label={label} required error={fieldError(error, field)}>
      {(describedBy) => (
        <input id={id} type={type} value={ask[name]} aria-describedby={describedBy}
          aria-invalid={fieldError(error, field) ? true : undefined}
          inputMode={type === 'text' ? 'numeric' : undefined}
          onInput={(e) => set({ [name]: (e.currentTarget as HTMLInputElement).value })} />
      )}
    </Field>
  );
  return (
    <form class="report-form" aria-label={t('report_form')} noValidate
      onSubmit={(e) => { e.preventDefault(); onAsk(ask); }}>
      <ErrorSummary error={error} />
      <fieldset>
        <legend>{t('report_period_legend')}</legend>
        {(['year', 'dates'] as const).map((period) => (
          <label class="check" key={period}>
            <input type="radio" name="report-period" value={period} checked={ask.period === period}
              onChange={() => set({ period })} />
            {t(period === 'year' ? 'report_by_year' : 'report_by_dates')}
          </label>
        ))}
        {ask.period === 'year' && text('report-year', t('report_year'), 'year', 'text', 'year')}
        {ask.period === 'dates' && (
          <>
            {text('report-from', t('report_from'), 'from', 'date', 'from')}
            {text('report-last-day', t('report_last_day'), 'lastDay', 'date', 'until')}
          </>
        )}
      </fieldset>
      <Choices id="report-kinds" legend={t('report_kinds')} options={kinds} chosen={ask.kinds}
        words={(kind) => kindWord(t, kind)} onChosen={(chosen) => set({ kinds: chosen })} />
      <Choices id="report-channels" legend={t('report_channels')} options={channels} chosen={ask.channels}
        words={(channel) => channelWord(t, channel)} onChosen={(chosen) => set({ channels: chosen })} />
      <button type="submit">{t('report_show')}</button>
    </form>
  );
}

interface ChoicesProps {
  id: string;
  legend: string;
  options: readonly string[];
  chosen: string[];
  words: (option: string) => string;
  onChosen: (chosen: string[]) => void;
}

// A group of boxes to tick, in the order of `options` whatever the order they were ticked in.
function Choices({ id, legend, options, chosen, words, onChosen }: ChoicesProps) {
  const t = useT();
  const toggle = (option: string, on: boolean) =>
    onChosen(options.filter((o) => (o === option ? on : chosen.includes(o))));
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} class="hint">
        {t('report_choices_hint')}
      </p>
      <div class="choices">
        {options.map((option) => (
          <label class="check" key={option}>
            <input type="checkbox" name={id} value={option} checked={chosen.includes(option)}
              onChange={(e) => toggle(option, (e.currentTarget as HTMLInputElement).checked)} />
            {words(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
