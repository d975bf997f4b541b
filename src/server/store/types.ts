import type { Answers, Response as SurveyResponse } from '../../core/response';
import type { ResultsFilters, TallyRow } from '../../core/results';
import type { Survey } from '../../core/survey';
import type { WaveDefinition } from '../../core/waves';
import type { Weighting } from '../../core/weighting-input';
import type { ItemError, ItemResult } from '../../core/wire';
import type { Comment } from '../../core/wire';
import type { AccountStore } from './account-types';
import type { DraftStore } from './draft-types';
import type { UnregisteredWave } from './wave-pool';

export type { Comment };
export type { UnregisteredWave } from './wave-pool';
export type * from './account-types';
export type * from './draft-types';

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
      /** When the server first received it, if not now: a response copied from another store keeps its time. */
      receivedAt?: string;
    };

/** A stored response with the time the server received it. */
export type StoredResponse = { response: SurveyResponse; receivedAt: string; group: string };


/** Which comments to list, newest first, a page at a time. */
export type CommentQuery = { version?: number; wave?: string; question?: string; includeHidden: boolean; limit: number; offset: number };

/** Which responses to export. */
export type ResponseQuery = { version?: number; wave?: string };

/** When the responses of one view were submitted: the first and the last submission time. */
export type Fieldwork = { first: string; last: string };

/** A wave as stored: every stored wave has its join code. */
export type WaveWithCode = WaveDefinition & { code: string };

/** What a `putSurvey` did: added it, already had it verbatim, or refused other content under the same id and version. */
export type PutResult = 'stored' | 'duplicate' | 'conflict';

/** A cached opinion map shared by every process: the data state it was computed from, its ETag and body. */
export type SharedMap = { state: string; etag: string; body: string };

/**
 * Opinion maps computed by one process and read by the others (DESIGN §7). A single
 * process keeps them in memory; PostgreSQL keeps them in a table, and a lock per map makes
 * one process compute while the others wait and then read its result.
 */
export interface SharedMaps {
  read(surveyId: string, version: number, key: string): Promise<SharedMap | undefined>;
  write(surveyId: string, version: number, key: string, map: SharedMap): Promise<void>;
  /** Runs `compute` while holding the lock of one map, so concurrent processes compute it once. */
  exclusive<T>(surveyId: string, version: number, key: string, compute: () => Promise<T>): Promise<T>;
}

/** Whether the database answers, for /health. */
export type StoreHealth = { ok: boolean; error?: string };

/**
 * Everything the server keeps, behind one contract with two engines: SQLite (the default,
 * one process) and PostgreSQL (several stateless processes, DESIGN §7). Every method is
 * asynchronous; a database that cannot be reached fails with AppError `unavailable` (503),
 * a full disk with `storage_full` (507), and nothing is acknowledged that was not committed.
 */
export interface Store {
  /** Engine name reported by /health. */
  readonly engine: 'sqlite' | 'postgres';
  readonly sharedMaps: SharedMaps;
  /** Organiser accounts, sessions, tokens and the audit log. */
  readonly accounts: AccountStore;
  /** Survey drafts, saved by revision and published as the next version. */
  readonly drafts: DraftStore;
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
  /** The survey's weighting (population shares by group, DESIGN §10), if an editor set one. */
  getWeighting(surveyId: string): Promise<Weighting | undefined>;
  /** Sets or replaces the survey's weighting (checked by the caller); every process's results follow. */
  putWeighting(surveyId: string, weighting: Weighting): Promise<void>;
  /** Removes the survey's weighting; false when it had none. */
  deleteWeighting(surveyId: string): Promise<boolean>;
  /** When the responses of one survey version under the results filters were submitted; undefined when there are none. */
  fieldwork(surveyId: string, version: number, filters: ResultsFilters): Promise<Fieldwork | undefined>;
  /** Stores what it can and answers per item, in order; resolves only after the commit is durable. */
  submit(candidates: Candidate[]): Promise<ItemResult[]>;
  /** Deletes one response and takes it out of the tallies; false when there was none. */
  deleteResponse(surveyId: string, id: string): Promise<boolean>;
  /** Deletes every response of a wave and its tallies; returns how many. */
  deleteWave(surveyId: string, wave: string): Promise<number>;
  /** As `deleteWave`, for many waves in one transaction (clearing invented slugs); returns how many responses. */
  deleteWaves(surveyId: string, waves: string[]): Promise<number>;
  /**
   * Waves nobody registered (never `open`) that hold responses: how many each, and whether
   * their tallies are pooled in OTHER_WAVES rows (store/wave-pool.ts) or their own.
   */
  unregisteredWaves(surveyId: string): Promise<UnregisteredWave[]>;
  /**
   * Gives an unregistered slug tally rows of its own from now on, whatever the cap (its
   * pooled responses move out of the pool): how `migrate-store` keeps the source's choice.
   */
  keepOwnRows(surveyId: string, slug: string): Promise<void>;
  /** How many unregistered waves the pooled OTHER_WAVES tally rows hold. */
  pooledWaveCount(surveyId: string): Promise<number>;
  /** Responses oldest id first, read page by page so an export never holds them all. */
  responses(surveyId: string, query: ResponseQuery): AsyncIterable<StoredResponse>;
  /** The answers of one survey version under the results filters, oldest id first, in one streaming pass. */
  iterateAnswers(surveyId: string, version: number, filters: ResultsFilters): AsyncIterable<Answers>;
  /**
   * The tally rows of one survey version, one per wave × channel × group, where the wave is
   * a registered one, `open`, an unregistered one with rows of its own, or the pool
   * (store/wave-pool.ts), so their number does not grow with invented slugs. A returned row's
   * tally is never changed in place: a commit that changes a row publishes a new object,
   * which is how results tell changed rows from unchanged ones. When the database cannot be
   * reached, the rows last read are returned, so results keep being served.
   */
  tallyRows(surveyId: string, version: number): Promise<TallyRow[]>;
  /**
   * A token for the data state of one survey version: equal in every process that has seen
   * the same commits, different after any change. Keys the shared opinion-map cache.
   */
  stateToken(surveyId: string, version: number): Promise<string>;
  listComments(surveyId: string, query: CommentQuery): Promise<Comment[]>;
  setCommentHidden(surveyId: string, responseId: string, question: string, hidden: boolean): Promise<boolean>;
  /**
   * Calls `listener` with a survey id after every commit that changed that survey (its
   * responses, waves, versions or weighting), whichever process made it; after a lost connection to
   * the database, once for every survey. Returns an unsubscribe function.
   */
  onChange(listener: (surveyId: string) => void): () => void;
  /**
   * A secret every process must share (a signing key, a generated token): the stored value,
   * or `generate()`'s, stored now (`created`) by whichever process asks first.
   */
  secret(name: string, generate: () => string): Promise<{ value: string; created: boolean }>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
