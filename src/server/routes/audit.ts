import { Hono } from 'hono';
import type { Context } from 'hono';
import { AUDIT_ACTIONS, type AuditAction } from '../../core/accounts';
import { AppError } from '../../core/errors';
import type { Services } from '../context';
import { BOM, csvLine } from '../csv';
import { intParam } from '../http';
import type { AuditQuery, StoredAuditEntry } from '../store/account-types';

/** Entries per page of the CSV export, read one page at a time. */
const EXPORT_PAGE = 1000;

function text(c: Context, name: string): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (value.length > 200) throw new AppError('bad_request', `${name} is too long`);
  return value;
}

/** The filters of `GET /audit` and `/audit.csv`: before (an entry id), actor, action, survey, target, limit. */
function queryOf(c: Context): AuditQuery {
  const action = text(c, 'action');
  if (action !== undefined && !(AUDIT_ACTIONS as readonly string[]).includes(action)) throw new AppError('bad_request', `action must be one of ${AUDIT_ACTIONS.join(', ')}`);
  const limit = intParam(c.req.query('limit'), 'limit') ?? 100;
  if (limit < 1 || limit > 1000) throw new AppError('bad_request', 'limit must be between 1 and 1000');
  return { limit, before: text(c, 'before'), actor: text(c, 'actor'), action: action as AuditAction | undefined, survey: text(c, 'survey'), target: text(c, 'target') };
}

const shown = ({ ip, ...entry }: StoredAuditEntry) => (ip === null ? entry : { ...entry, ip });

/** The audit log for owners: a page at a time, newest first, or the whole of it as CSV. */
export function auditRoutes({ store, audit }: Services): Hono {
  const app = new Hono();

  app.get('/audit', async (c) => {
    const query = queryOf(c);
    const entries = await store.accounts.audit(query);
    return c.json({ entries: entries.map(shown), next: entries.length === query.limit ? entries[entries.length - 1]!.id : null });
  });

  app.get('/audit.csv', async (c) => {
    const query = { ...queryOf(c), limit: EXPORT_PAGE };
    await audit.record(c, { action: 'audit_exported', details: { filters: { ...query, limit: undefined } } });
    const encoder = new TextEncoder();
    let before = query.before;
    let header = true;
    // Pages are read as the client takes them, so a long log is never held whole.
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const page = await store.accounts.audit({ ...query, before });
        const lines = page.map((e) => csvLine([e.id, e.at, e.actor, e.action, e.target ?? '', e.survey ?? '', e.ip ?? '', JSON.stringify(e.details)]));
        if (header) lines.unshift(BOM + csvLine(['id', 'at', 'actor', 'action', 'target', 'survey', 'ip', 'details']));
        header = false;
        if (lines.length) controller.enqueue(encoder.encode(lines.join('')));
        if (page.length < EXPORT_PAGE) controller.close();
        else before = page[page.length - 1]!.id;
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="stance-audit.csv"', 'Cache-Control': 'no-store' } });
  });

  return app;
}
