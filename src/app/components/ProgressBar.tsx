import { t } from '../i18n';

/** Where the respondent is, as a native progress element that screen readers announce. */
export function ProgressBar(props: { step: number; total: number }) {
  return (
    <div class="progress">
      <progress max={props.total} value={props.step} aria-label={`${t('step')} ${props.step} ${t('of')} ${props.total}`} />
      <span aria-hidden="true">
        {props.step} / {props.total}
      </span>
    </div>
  );
}
