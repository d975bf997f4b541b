import { z } from 'zod/mini';
import { WaveSchema } from './response';
import { IsoTimeSchema as IsoTime } from './time';

/** A wave an organiser registered: a label, a start that orders trends, an optional close and device rule. */
export const WaveDefinitionSchema = z.object({
  slug: WaveSchema,
  label: z.string().check(z.minLength(1), z.maxLength(200)),
  startsAt: IsoTime,
  oneResponsePerDevice: z.boolean(),
  closesAt: z.optional(z.nullable(IsoTime)),
});
export type WaveDefinition = z.infer<typeof WaveDefinitionSchema>;

/** Whether a response submitted at `submittedAt` comes after the wave closed (delivery time does not matter). */
export function submittedAfterClose(wave: Pick<WaveDefinition, 'closesAt'> | undefined, submittedAt: string): boolean {
  return !!wave?.closesAt && Date.parse(submittedAt) > Date.parse(wave.closesAt);
}
