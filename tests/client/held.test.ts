import { describe, expect, it } from 'vitest';
import { createSyncEngine } from '../../src/client';
import { fakeServer } from './fake-server';
import { makeClient, makeResponse } from './helpers';

describe('responses held on the device', () => {
  it('says where each response is: waiting, sent, refused or not here', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    server.rejectSurveyVersions.add(9);
    const sent = makeResponse(1);
    const refused = makeResponse(2, { surveyVersion: 9 });
    await client.submitResponse(sent);
    await client.submitResponse(refused);
    await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    const waiting = makeResponse(3);
    await client.submitResponse(waiting);
    expect(await client.responseState(sent.id)).toBe('sent');
    expect(await client.responseState(refused.id)).toBe('rejected');
    expect(await client.responseState(waiting.id)).toBe('waiting');
    expect(await client.responseState(makeResponse(4).id)).toBeUndefined();
  });

  it('lists a survey’s waiting and acknowledged responses newest first, every version, no other survey', async () => {
    const { client } = await makeClient();
    const server = fakeServer();
    const first = makeResponse(1, { wave: 'day-1' });
    await client.submitResponse(first);
    await createSyncEngine(client, { fetch: server.fetch, locks: null }).sync();
    const second = makeResponse(2, { surveyVersion: 2, wave: 'day-2' });
    await client.submitResponse(second);
    await client.submitResponse(makeResponse(3, { surveyId: 'other' }));
    expect(await client.heldResponses('demo')).toEqual([
      { id: second.id, wave: 'day-2', channel: 'web', submittedAt: second.submittedAt, state: 'waiting' },
      { id: first.id, wave: 'day-1', channel: 'web', submittedAt: first.submittedAt, state: 'sent' },
    ]);
    expect(await client.heldResponses('none')).toEqual([]);
  });
});
