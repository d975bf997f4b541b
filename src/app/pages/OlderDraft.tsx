import type { SurveyStore } from '../stores/survey-store';
import { draftDefinition, migrateDraft } from '../stores/migrate-draft';
import { t } from '../i18n';
import type { Opened } from './SurveyPage';

/** Offers to continue a draft from an older version (keeping answers that still fit and were asked in the same words) or to discard it. */
export function OlderDraft(props: { opened: Opened; store: SurveyStore; onDone: () => void }) {
  const older = props.opened.older!;
  const keep = async () => {
    const previous = await draftDefinition(props.opened.client, older);
    props.store.resume(migrateDraft(older, props.opened.survey, previous));
    props.onDone();
  };
  const discard = async () => {
    await props.opened.client.discardDraft(older.surveyId);
    props.onDone();
  };
  return (
    <div class="card" role="alertdialog" aria-labelledby="older-title">
      <h1 id="older-title">{t('olderDraftTitle')}</h1>
      <p>{t('olderDraftBody')}</p>
      <div class="nav-buttons">
        <button type="button" class="secondary" onClick={discard}>{t('discardDraft')}</button>
        <button type="button" class="primary" onClick={() => void keep()}>{t('continueDraft')}</button>
      </div>
    </div>
  );
}
