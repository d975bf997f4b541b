import { z } from 'zod/mini';
import { ResponseSchema } from '../core/response';

const R = ResponseSchema.shape;

/** A response in progress: one per survey on the device, resumed exactly where it was left. */
export const DraftSchema = z.object({
  surveyId: R.surveyId,
  surveyVersion: R.surveyVersion,
  responseId: R.id,
  startedAt: R.startedAt,
  updatedAt: R.startedAt,
  step: z.int().check(z.gte(0)),
  answers: R.answers,
  wave: R.wave,
  channel: R.channel,
  collector: R.collector,
  locale: R.locale,
});
export type Draft = z.infer<typeof DraftSchema>;
