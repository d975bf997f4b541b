import { z } from 'zod/mini';

/** Most responses in one `POST /responses` batch. */
export const MAX_BATCH = 200;
/** Most bytes in one request body, except backup imports. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The batch envelope. Items stay `unknown` here: each is validated on its own so that one
 * bad response is rejected without blocking the valid ones beside it.
 */
export const SubmitRequestSchema = z.object({
  responses: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});

export const ITEM_STATUSES = ['stored', 'duplicate', 'rejected'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Why the server refused one response; `issues` lists per-question problems for `invalid`. */
export const ItemErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.optional(z.array(z.object({ question: z.string(), code: z.string(), message: z.string() }))),
});
export type ItemError = z.infer<typeof ItemErrorSchema>;

/** The outcome for one response of a batch. */
export const ItemResultSchema = z.object({
  id: z.string(),
  status: z.enum(ITEM_STATUSES),
  error: z.optional(ItemErrorSchema),
});
export type ItemResult = z.infer<typeof ItemResultSchema>;

/** The server's answer to a batch: one result per item, in the order sent. */
export const SubmitResultSchema = z.object({ results: z.array(ItemResultSchema) });
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/** Every HTTP error body: `{error: {code, message}}`, with details where they help. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
});

/** One free-text answer as the organiser reads and moderates it (`GET /surveys/:id/comments`). */
export type Comment = {
  responseId: string;
  question: string;
  text: string;
  version: number;
  wave: string;
  channel: string;
  group: string;
  submittedAt: string;
  hidden: boolean;
};
