import { z } from 'zod/mini';

/**
 * The shape of an opinion map as the server serves it at
 * GET /api/v1/surveys/:id/analysis and the app reads it back. Figures for fewer than
 * the small-n threshold of respondents are replaced by `{withheld: true}`.
 */

const Figure = z.number().check(z.refine(Number.isFinite, 'must be finite'));
const Count = z.int().check(z.gte(0));
const Withheld = { withheld: z.literal(true) };

const shareShape = {
  withheld: z.literal(false),
  n: Count,
  agree: Count,
  disagree: Count,
  agreeShare: Figure,
  disagreeShare: Figure,
  /** (agree + 1) / (n + 2), as Pol.is does, so a small group never reads as 0% or 100%. */
  smoothedAgree: Figure,
  smoothedDisagree: Figure,
  /** Mean answer in scale points (1..points). */
  mean: Figure,
};

/** Agreement figures of one set of respondents on one position. */
export const ShareSchema = z.object(shareShape);
export type Share = z.infer<typeof ShareSchema>;

/** Figures that may be withheld because too few respondents stand behind them. */
export const FiguresSchema = z.discriminatedUnion('withheld', [ShareSchema, z.object(Withheld)]);
export type Figures = z.infer<typeof FiguresSchema>;

/** One group's figures on a position; `group` is a declared option id or an opinion group id. */
export const GroupFiguresSchema = z.discriminatedUnion('withheld', [
  z.object({ group: z.string(), ...shareShape }),
  z.object({ group: z.string(), ...Withheld }),
]);
export type GroupFigures = z.infer<typeof GroupFiguresSchema>;

const positionShape = { question: z.string(), points: z.union([z.literal(5), z.literal(7)]) };

/** A Likert position as the analysis sees it: its question id and scale length. */
export const PositionSchema = z.object(positionShape);
export type Position = z.infer<typeof PositionSchema>;

/** Consensus and division figures for one position. */
export const PositionSummarySchema = z.object({
  ...positionShape,
  overall: FiguresSchema,
  groups: z.array(GroupFiguresSchema),
  /** Group-informed consensus: the product over reported groups of their smoothed shares. */
  consensus: z.object({ agree: Figure, disagree: Figure }),
  /** Largest minus smallest group mean, in scale points; null with fewer than two groups. */
  spread: z.nullable(Figure),
  /** Some group's mean lies above the midpoint and another's below it. */
  opposite: z.boolean(),
});
export type PositionSummary = z.infer<typeof PositionSummarySchema>;

const StanceType = z.enum(['agree', 'disagree']);

/** A position on which a majority of every group stands on the same side. */
export const ConsensusItemSchema = z.object({ question: z.string(), type: StanceType, score: Figure });
export type ConsensusItem = z.infer<typeof ConsensusItemSchema>;

/** A position on which groups stand on opposite sides of the midpoint. */
export const DivisiveItemSchema = z.object({
  question: z.string(),
  spread: Figure,
  above: z.array(z.string()),
  below: z.array(z.string()),
});
export type DivisiveItem = z.infer<typeof DivisiveItemSchema>;

/** A position on which an opinion group differs from everyone else (two-proportion z). */
export const CharacteristicSchema = z.object({
  question: z.string(),
  type: StanceType,
  z: Figure,
  groupShare: Figure,
  othersShare: Figure,
});
export type Characteristic = z.infer<typeof CharacteristicSchema>;

/** An opinion group found by clustering; `id` is its index in `points`. */
export const OpinionGroupSchema = z.discriminatedUnion('withheld', [
  z.object({
    id: Count,
    withheld: z.literal(false),
    size: Count,
    centroid: z.tuple([Figure, Figure]),
    /** Mean position per item, on the −1…+1 scale, in `model.positions` order. */
    profile: z.array(Figure),
    characteristic: z.array(CharacteristicSchema),
  }),
  z.object({ id: Count, ...Withheld }),
]);
export type OpinionGroup = z.infer<typeof OpinionGroupSchema>;

/** A count that is withheld below the small-n threshold. */
export const CellSchema = z.discriminatedUnion('withheld', [
  z.object({ withheld: z.literal(false), count: Count }),
  z.object(Withheld),
]);
export type Cell = z.infer<typeof CellSchema>;

/** Declared stakeholder group (null: not declared) against opinion group, one row per group. */
export const CrossTableSchema = z.array(
  z.object({ declared: z.nullable(z.string()), total: CellSchema, cells: z.array(CellSchema) }),
);
export type CrossTable = z.infer<typeof CrossTableSchema>;

/** What is needed to place new answers on the map: item means and the two components. */
export const ModelSchema = z.object({
  positions: z.array(PositionSchema),
  means: z.array(Figure),
  components: z.tuple([z.array(Figure), z.array(Figure)]),
});
export type Model = z.infer<typeof ModelSchema>;

/** The opinion map of a survey's responses. */
export const AnalysisSchema = z.object({
  respondents: Count,
  participants: Count,
  k: Count,
  silhouette: z.nullable(Figure),
  candidates: z.array(z.object({ k: Count, silhouette: Figure })),
  consensusBy: z.enum(['declared', 'opinion']),
  model: ModelSchema,
  /** Per participant: x, y and opinion group id (null when that group is withheld). */
  points: z.array(z.tuple([Figure, Figure, z.nullable(Count)])),
  groups: z.array(OpinionGroupSchema),
  positions: z.array(PositionSummarySchema),
  consensus: z.array(ConsensusItemSchema),
  divisive: z.array(DivisiveItemSchema),
  crossTable: CrossTableSchema,
});
export type Analysis = z.infer<typeof AnalysisSchema>;
