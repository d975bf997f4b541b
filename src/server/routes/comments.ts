import { Hono } from 'hono';
import type { Context } from 'hono';
import { AppError } from '../../core/errors';
import { canonicalId } from '../../core/ids';
import { WaveSchema } from '../../core/response';
import { SlugSchema } from '../../core/survey';
import type { Services } from '../context';
import { surveyParam } from '../context';
import { intParam, param } from '../http';
import type { CommentQuery } from '../store/types';

function commentQuery(c: Context): CommentQuery {
  const { wave, question, hidden } = c.req.query();
  return {
    version: intParam(c.req.query('version'), 'version'),
    wave: wave ? param(WaveSchema, wave, 'wave') : undefined,
    question: question ? param(SlugSchema, question, 'question') : undefined,
    includeHidden: hidden !== 'exclude',
    limit: Math.min(intParam(c.req.query('limit'), 'limit') ?? 100, 1000),
    offset: intParam(c.req.query('offset'), 'offset') ?? 0,
  };
}

/** Reading (analysts) and moderating (editors) free-text answers. */
export function commentRoutes({ store, audit }: Services): Hono {
  const app = new Hono();

  app.get('/surveys/:id/comments', async (c) => {
    const survey = await surveyParam(c, store);
    const query = commentQuery(c);
    return c.json({ comments: await store.listComments(survey.id, query), limit: query.limit, offset: query.offset });
  });

  for (const [action, hidden] of [['hide', true], ['unhide', false]] as const) {
    app.post(`/surveys/:id/comments/:responseId/:question/${action}`, async (c) => {
      const survey = await surveyParam(c, store);
      const responseId = canonicalId(c.req.param('responseId'));
      const found = await store.setCommentHidden(survey.id, responseId, c.req.param('question'), hidden);
      if (!found) throw new AppError('not_found', 'no such comment');
      await audit.record(c, { action: hidden ? 'comment_hidden' : 'comment_unhidden', survey: survey.id, target: `comment:${responseId}/${c.req.param('question')}` });
      return c.json({ responseId, question: c.req.param('question'), hidden });
    });
  }

  return app;
}
