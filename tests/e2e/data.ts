import { randomUUID } from 'node:crypto';
import type { Response } from '../../src/core/response';
import { sovereignAiSurvey } from '../../src/core/surveys';

let counter = 0;

/** A valid response to the built-in survey's latest version with a fresh UUID v7-shaped id. */
export function makeResponse(overrides: Partial<Response> = {}): Response {
  const now = Date.now() + counter++;
  const hex = now.toString(16).padStart(12, '0');
  const rest = randomUUID().replace(/-/g, '').slice(12);
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${rest.slice(1, 4)}-8${rest.slice(5, 8)}-${rest.slice(8, 20)}`;
  return {
    id,
    surveyId: 'sovereign-ai',
    surveyVersion: sovereignAiSurvey.version,
    wave: 'open',
    channel: 'web',
    device: `test-device-${counter % 7}`,
    locale: 'ko',
    startedAt: new Date(now - 60_000).toISOString(),
    submittedAt: new Date(now).toISOString(),
    answers: {
      group: 'manufacturing',
      'p-general-service': 2, 'p-model-builders': 3, 'p-defense': 4, 'p-manufacturing': 5,
      'p-culture': 3, 'p-public-finance': 2, 'p-partnerships': 4, 'p-data-first': 5,
      spectrum: 7,
      allocation: { general: 10, models: 20, defense: 20, manufacturing: 30, culture: 10, 'public-finance': 5, data: 5 },
      ranking: ['manufacturing', 'defense', 'culture'],
      path: 'both',
    },
    ...overrides,
  };
}

/** Posts responses to a server as a device would. */
export async function postResponses(baseUrl: string, responses: Response[]): Promise<{ results: { id: string; status: string }[] }> {
  const res = await fetch(`${baseUrl}/api/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-stance-device': responses[0]!.device },
    body: JSON.stringify({ responses }),
  });
  if (!res.ok) throw new Error(`POST /responses: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ results: { id: string; status: string }[] }>;
}
