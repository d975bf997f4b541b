import type { Answers, Response as SurveyResponse } from '../../core/response';
import type { ResultsFilters, TallyRow } from '../../core/results';
import type { Survey } from '../../core/survey';
import type { WaveDefinition } from '../../core/waves';
import type { ItemError, ItemResult } from '../../core/wire';
import type { Comment } from '../../core/wire';

export type { Comment };

/**
 * One response on its way into the store. Checks that need only the survey (schema,
 * answers, wave close) are done before; the store adds the ones that need stored rows (same
 * id, one response per device) inside the transaction that writes it.
 */
export type Candidate =
  | { id: string; rejection: ItemError; response?: undefined }
  | {
      id: string;
      response: SurveyResponse;
      survey: Survey;
      /** Canonical JSON of the whole response and its SHA-256, which define "same content". */
      canonical: string;
      hash: string;
      group: string;
      onePerDevice: boolean;
      /** Set when a survey-level check failed: still reported as duplicate/conflict if the id is stored. */
      rejection?: ItemError;
    };

/** A stored response with the time the server received it. */
export type StoredResponse = { response: SurveyResponse; receivedAt: string; group: string };


/** Which comments to list, newest first, a page at a time. */
export type CommentQuery = { version?: number; wave?: string; question?: string; includeHidden: boolean; limit: number; offset: number };

/** Which responses to export. */
export type ResponseQuery = { version?: number; wave?: string };

/** A wave as stored: every stored wave has its join code. */
export type WaveWithCode = WaveDefinition & { code: string };

/** What a `putSurvey` did: added it, already had it verbatim, or refused other content under the same id and version. */
export type PutResult = 'stored' | 'duplicate' | 'conflict';

/**
 * Everything the server keeps. SQLite implements it today; a PostgreSQL adapter can
 * implement the same contract later (DESIGN §7), so every method is asynchronous.
 */
export interface Store {
  /** Engine name reported by /health. */
  readonly engine: string;
  listSurveys(): Promise<Survey[]>;
  /** One exact version, or the latest when `version` is omitted. */
  getSurvey(id: string, version?: number): Promise<Survey | undefined>;
  putSurvey(survey: Survey): Promise<PutResult>;
  listWaves(surveyId: string): Promise<WaveWithCode[]>;
  getWave(surveyId: string, slug: string): Promise<WaveWithCode | undefined>;
  /** The wave a join code names, in whichever survey; codes are unique across the store. */
  findWaveByCode(code: string): Promise<{ surveyId: string; wave: WaveWithCode } | undefined>;
  /** Adds or replaces a wave; AppError `conflict` when its join code belongs to another wave. */
  putWave(surveyId: string, wave: WaveWithCode): Promise<void>;
  /** Stores what it can and answers per item, in order; resolves only after the commit is durable. */
  submit(candidates: Candidate[]): Promise<ItemResult[]>;
  /** Deletes one response and takes it out of the tallies; false when there was none. */
  deleteResponse(surveyId: string, id: string): Promise<boolean>;
  /** Deletes every response of a wave and its tallies; returns how many. */
  deleteWave(surveyId: string, wave: string): Promise<number>;
  /** Responses oldest id first, read page by page so an export never holds them all. */
  responses(surveyId: string, query: ResponseQuery): AsyncIterable<StoredResponse>;
  /** The answers of one survey version under the results filters, oldest id first, in one streaming pass. */
  iterateAnswers(surveyId: string, version: number, filters: ResultsFilters): AsyncIterable<Answers>;
  /**
   * The tally rows of one survey version. A returned row's tally is never changed in place:
   * a commit that changes a row publishes a new object, which is how results tell changed
   * rows from unchanged ones.
   */
  tallyRows(surveyId: string, version: number): Promise<TallyRow[]>;
  listComments(surveyId: string, query: CommentQuery): Promise<Comment[]>;
  setCommentHidden(surveyId: string, responseId: string, question: string, hidden: boolean): Promise<boolean>;
  /** Calls `listener` after every commit that changed a survey's responses. Returns an unsubscribe function. */
  onChange(listener: (surveyId: string) => void): () => void;
  close(): Promise<void>;
}
