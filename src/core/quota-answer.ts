import { z } from 'zod/mini';

/**
 * `GET /surveys/:id/waves/:slug/quotas`: a registered wave's quotas filling, as anyone may
 * see them (`publicQuotaProgress`: a count is null, "fewer than 5", where results withhold it).
 * Field devices keep the last answer, so they can add their unsent responses to it offline.
 */
export const QuotaAnswerSchema = z.object({
  surveyId: z.string(),
  wave: z.string(),
  label: z.object({ ko: z.string(), en: z.string() }),
  minSegment: z.int(),
  generatedAt: z.string(),
  quotas: z.array(z.object({ group: z.string(), target: z.int(), count: z.nullable(z.int()) })),
});
/** A wave's public quota answer. */
export type QuotaAnswer = z.infer<typeof QuotaAnswerSchema>;
