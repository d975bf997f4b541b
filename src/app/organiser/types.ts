import type { QuotaProgress, Quotas } from '../../core/quotas';
import type { LocalizedText } from '../../core/survey';
import type { Weighting } from '../../core/weighting-input';
import type { Comment } from '../../core/wire';

export type { Comment };

/** One line of `GET /surveys`. */
export type SurveyListItem = { id: string; version: number; title: LocalizedText };

/** A wave as the overview lists it: registered ones carry their definition, others were only seen in links. */
export type WaveRow = {
  slug: string;
  registered: boolean;
  count: number;
  label?: LocalizedText;
  code?: string;
  joinUrl?: string;
  channel?: string;
  test?: boolean;
  startsAt?: string;
  oneResponsePerDevice?: boolean;
  closesAt?: string | null;
  /** A registered wave's quotas, each with how many of its responses count towards it. */
  quotas?: QuotaProgress[];
  /** The "other waves" entry only: how many slugs seen in links it sums. */
  slugs?: number;
};

/** `GET /surveys/:id/overview`: the organiser's summary of one survey. */
export type Overview = {
  id: string;
  title: LocalizedText;
  latestVersion: number;
  resultsPublic: boolean;
  segmentBy: string | null;
  total: number;
  versions: { version: number; title: LocalizedText; count: number }[];
  waves: WaveRow[];
  channels: { channel: string; count: number }[];
  groups: { group: string; count: number }[];
  /** The population shares results are weighted by on request, or null when none is set. */
  weighting: Weighting | null;
  /** The address in join links and QR codes, when the server tells it. */
  publicUrl?: string;
  /** Where that address came from: PUBLIC_URL, the server's first LAN address, or loopback (phones cannot use it). */
  publicUrlSource?: 'configured' | 'lan' | 'loopback';
};

/** What `POST /imports` reports. */
export type ImportSummary = {
  received: number;
  stored: number;
  duplicate: number;
  rejected: number;
  errors: { id: string; code: string; message: string }[];
};

/** A wave to register. */
export type NewWave = { slug: string; label: LocalizedText; startsAt: string; oneResponsePerDevice: boolean; channel: string; test: boolean; quotas?: Quotas };
