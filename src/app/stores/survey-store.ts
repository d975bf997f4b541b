import { createMemo, createSignal } from 'solid-js';
import type { Client, Draft, SaveResult } from '../../client';
import type { AnswerValue, Response } from '../../core/response';
import type { Locale, Section, Survey } from '../../core/survey';
import { validateAnswers, validateResponse, type AnswerIssueCode } from '../../core/validate';
import { isVisible, pruneAnswers } from '../../core/visibility';
import { withAnswer } from '../answers';
import type { Visit } from './visit';

/** Who is answering and how: the visit's wave and channel plus the field collector, if any. */
export type Respondent = Pick<Visit, 'wave' | 'channel'> & { collector?: string };

/**
 * The submission time: now, or the start time if the clock went back while the respondent
 * answered (a network time correction), since the server refuses a response submitted
 * before it was started.
 */
export function notBefore(startedAt: string, now: Date): string {
  return Date.parse(startedAt) > now.getTime() ? startedAt : now.toISOString();
}

/**
 * The state of one respondent going through one survey: the draft (absent while the
 * notice is shown), the step, per-question errors and the outcome of the last save.
 * Step 0 is the notice, 1..n the visible sections, n+1 the review.
 */
export function createSurveyStore(survey: Survey, client: Client, respondent: Respondent, initial?: Draft) {
  const saver = client.createDraftSaver();
  const [draft, setDraft] = createSignal<Draft | undefined>(initial);
  const [errors, setErrors] = createSignal<Record<string, AnswerIssueCode>>({});
  const [saveError, setSaveError] = createSignal<SaveResult & { ok: false }>();
  const [submitted, setSubmitted] = createSignal<Response>();
  const [busy, setBusy] = createSignal(false);

  const answers = () => draft()?.answers ?? {};
  const sections = createMemo<Section[]>(() => survey.sections.filter((s) => s.questions.some((q) => isVisible(q, answers()))));
  const reviewStep = () => sections().length + 1;
  const step = () => Math.min(draft()?.step ?? 0, reviewStep());
  const section = () => sections()[step() - 1];

  function update(change: Partial<Draft>) {
    const current = draft();
    if (!current) return;
    const next = { ...current, ...change, updatedAt: new Date().toISOString() };
    setDraft(next);
    saver.save(next);
  }

  function start(locale: Locale) {
    const now = new Date().toISOString();
    const fresh: Draft = {
      surveyId: survey.id,
      surveyVersion: survey.version,
      responseId: client.newResponseId(),
      startedAt: now,
      updatedAt: now,
      step: 1,
      answers: {},
      wave: respondent.wave,
      channel: respondent.channel,
      locale,
      ...(respondent.collector ? { collector: respondent.collector } : {}),
    };
    setDraft(fresh);
    saver.save(fresh);
  }

  function setAnswer(questionId: string, value: AnswerValue | undefined) {
    const next = withAnswer(answers(), questionId, value);
    const { [questionId]: _cleared, ...rest } = errors();
    setErrors(rest);
    update({ answers: next });
  }

  function goTo(target: number) {
    setErrors({});
    update({ step: Math.max(1, Math.min(target, reviewStep())) });
    window.scrollTo({ top: 0 });
  }

  /** Moves on only when the current section's visible questions are answered correctly. */
  function next(): boolean {
    const current = section();
    const issues = current ? validateAnswers(current.questions, answers()) : [];
    setErrors(Object.fromEntries(issues.map((i) => [i.question, i.code])));
    if (issues.length) return false;
    goTo(step() + 1);
    return true;
  }

  async function submit(device: string, locale: Locale): Promise<boolean> {
    const current = draft();
    if (!current || busy()) return false;
    const response: Response = {
      id: current.responseId,
      surveyId: survey.id,
      surveyVersion: survey.version,
      wave: current.wave,
      channel: current.channel,
      device,
      locale,
      startedAt: current.startedAt,
      submittedAt: notBefore(current.startedAt, new Date()),
      answers: pruneAnswers(survey, current.answers),
      ...(current.collector ? { collector: current.collector } : {}),
    };
    const issues = validateResponse(survey, response);
    if (issues.length) {
      setErrors(Object.fromEntries(issues.map((i) => [i.question, i.code])));
      const firstBad = sections().findIndex((s) => s.questions.some((q) => issues.some((i) => i.question === q.id)));
      if (firstBad >= 0) update({ step: firstBad + 1 });
      return false;
    }
    setBusy(true);
    await saver.flush();
    const result = await client.submitResponse(response);
    setBusy(false);
    if (!result.ok) {
      setSaveError(result);
      return false;
    }
    setSaveError(undefined);
    setSubmitted(response);
    setDraft(undefined);
    return true;
  }

  /** Continues from a draft carried over from an older version of the survey. */
  function resume(carried: Draft) {
    setDraft(carried);
    saver.save(carried);
  }

  /** Back to the notice with no draft, for the next respondent on a field device. */
  function reset() {
    setSubmitted(undefined);
    setDraft(undefined);
    setErrors({});
  }

  return {
    survey,
    draft,
    answers,
    sections,
    step,
    section,
    reviewStep,
    errors,
    saveError,
    submitted,
    busy,
    start,
    resume,
    setAnswer,
    goTo,
    next,
    back: () => goTo(step() - 1),
    submit,
    reset,
    flush: () => saver.flush(),
    lastSave: () => saver.lastResult(),
  };
}

/** The store's public face, for components. */
export type SurveyStore = ReturnType<typeof createSurveyStore>;
