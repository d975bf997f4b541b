import { describe, expect, it } from 'vitest';
import { matchPath } from '../../src/app/route-match';

describe('matchPath', () => {
  it('matches fixed segments and names params', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/s/:surveyId', '/s/sovereign-ai')).toEqual({ surveyId: 'sovereign-ai' });
    expect(matchPath('/s/:surveyId', '/s/%EC%84%A4%EB%AC%B8')).toEqual({ surveyId: '설문' });
  });

  it('refuses other paths and other lengths', () => {
    expect(matchPath('/s/:surveyId', '/r/sovereign-ai')).toBeUndefined();
    expect(matchPath('/s/:surveyId', '/s')).toBeUndefined();
    expect(matchPath('/s/:surveyId', '/s/a/b')).toBeUndefined();
    expect(matchPath('/', '/field')).toBeUndefined();
  });

  it('lets a final * take the rest of the path, however deep', () => {
    expect(matchPath('/organiser/*', '/organiser')).toEqual({});
    expect(matchPath('/organiser/*', '/organiser/surveys/sovereign-ai/results')).toEqual({});
    expect(matchPath('/organiser/*', '/organise')).toBeUndefined();
    expect(matchPath('*', '/anything/at/all')).toEqual({});
  });
});
