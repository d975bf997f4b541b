/** The opinion map (issue 7): pure, deterministic analysis of a survey's Likert answers. */
export { analyseOpinions, MIN_COUNT } from './analyse';
export type { AnalyseInput } from './analyse';
export { mapAxes } from './axes';
export type { Axis, AxisPosition } from './axes';
export { closestGroup } from './closest';
export type { Placement } from './closest';
export { consensusFromCounts, consensusList, divisiveList, summarisePosition, valueCounts } from './consensus';
export type { ConsensusOptions, ConsensusReport, PositionCounts } from './consensus';
export { createMatrixBuilder, participantRows, positionCounts, readResponses } from './matrix';
export type { Grouping, MatrixBuilder, ResponseMatrix } from './matrix';
export { MIN_Z } from './characteristic';
export { likertPositions } from './positions';
export { KEEP_MARGIN } from './clusters';
export { mulberry32 } from './random';
export * from './schema';
