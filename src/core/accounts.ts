import { z } from 'zod/mini';
import { SLUG_PATTERN } from './vocabulary';

/** Organiser roles, each including the ones before it (DESIGN §8). */
export const ROLES = ['viewer', 'analyst', 'editor', 'owner'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** Which surveys an account may see: every one, or the listed ids. */
export const GrantsSchema = z.union([z.literal('*'), z.array(z.string().check(z.regex(SLUG_PATTERN))).check(z.maxLength(500))]);
export type Grants = z.infer<typeof GrantsSchema>;

/** An organiser account as the API shows it; the password hash never leaves the server. */
export type Account = {
  username: string;
  role: Role;
  surveys: Grants;
  disabled: boolean;
  createdAt: string;
  /** False until the account's holder has set a password through their link. */
  passwordSet: boolean;
  /** True for the owner token's identity, which is no stored account. */
  builtIn?: boolean;
};

/** Whether `role` includes `needed`. */
export function atLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Whether an account with `role` and `surveys` may see survey `id`: owners see every survey. */
export function granted(account: Pick<Account, 'role' | 'surveys'>, id: string): boolean {
  return account.role === 'owner' || account.surveys === '*' || account.surveys.includes(id);
}

/** The name the owner token acts under in sessions and the audit log; no account may take it. */
export const OWNER_TOKEN_ACTOR = 'owner-token';

/** Shortest and longest password accepted; the upper bound keeps one hash from costing too much. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

/** Letters and digits of any script, combining marks, and `. _ - @`; 2 to 64 after NFKC. */
const USERNAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._@-]{1,63}$/u;

/** The form a username is shown and stored in: NFKC, with surrounding spaces gone. */
export function displayUsername(name: string): string {
  return name.normalize('NFKC').trim();
}

/**
 * The key two usernames collide on: NFKC, then case folded. JavaScript has no full case
 * folding, so upper- then lower-casing, twice, stands in for it (ß, ẞ and SS all become
 * ss; final ς and σ both σ), followed by NFKC again for what casing recomposed.
 */
export function usernameKey(name: string): string {
  const fold = (s: string) => s.toUpperCase().toLowerCase();
  return fold(fold(displayUsername(name))).normalize('NFKC');
}

/** Why a username cannot be used, or undefined when it can. */
export function usernameProblem(name: string): string | undefined {
  const shown = displayUsername(name);
  if (!USERNAME.test(shown)) return 'a username is 2 to 64 letters or digits (any script), and may contain . _ - @ after the first';
  if (usernameKey(shown) === OWNER_TOKEN_ACTOR) return `"${OWNER_TOKEN_ACTOR}" is reserved for the owner token`;
  return undefined;
}

/** The body of `POST /accounts`. */
export const NewAccountSchema = z.object({
  username: z.string().check(z.maxLength(200)),
  role: RoleSchema,
  surveys: GrantsSchema,
  password: z.optional(z.string()),
});

/** The body of `PATCH /accounts/:username`: any of these, at least one. */
export const AccountChangeSchema = z.object({
  role: z.optional(RoleSchema),
  surveys: z.optional(GrantsSchema),
  disabled: z.optional(z.boolean()),
  password: z.optional(z.string()),
});
export type AccountChange = z.infer<typeof AccountChangeSchema>;

/** The body of `POST /auth/login`: a username and password, or the owner token. */
export const LoginSchema = z.union([
  z.object({ username: z.string().check(z.minLength(1), z.maxLength(200)), password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)) }),
  z.object({ token: z.string().check(z.minLength(1), z.maxLength(512)) }),
]);

/** What a password must be, or undefined when it is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `a password has at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
  return undefined;
}

/** Everything the audit log records (DESIGN §8). */
export const AUDIT_ACTIONS = [
  'login', 'login_failed', 'login_throttled', 'logout', 'password_set',
  'export', 'response_deleted', 'wave_responses_deleted', 'comment_hidden', 'comment_unhidden',
  'survey_published', 'wave_saved', 'wave_closed', 'weighting_set', 'weighting_cleared', 'backup_imported',
  'account_created', 'account_updated', 'account_deleted', 'password_link_issued',
  'token_created', 'token_revoked', 'audit_exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit entry: who did what, when, to what, on which survey. */
export type AuditEntry = {
  id: string;
  at: string;
  actor: string;
  action: AuditAction;
  target: string | null;
  survey: string | null;
  details: Record<string, unknown>;
};
