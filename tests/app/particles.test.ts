import { describe, expect, it } from 'vitest';
import { fill, particle } from '../../src/app/particles';

describe('Korean particles', () => {
  it.each([
    ['제조업', '이', '이'], ['시민·이용자', '이', '가'], ['그룹', '을', '을'], ['나라', '를', '를'],
    ['응답', '은', '은'], ['의견', '와', '과'], ['서울', '으로', '로'], ['부산', '로', '으로'], ['학교', '으로', '로'],
  ])('after Hangul: %s + %s → %s', (word, p, want) => {
    expect(particle(word, p as never)).toBe(want);
  });

  it.each([
    ['1', '과', '과'], ['2', '과', '와'], ['3', '이', '이'], ['4', '을', '를'], ['6', '은', '은'], ['7', '으로', '로'], ['8', '가', '이'],
    ['9', '으로', '로'], ['0', '가', '이'], ['10', '가', '이'], ['20', '으로', '으로'], ['100', '는', '은'], ['1000', '를', '을'],
    ['10000', '와', '과'], ['1,000,000', '이', '이'], ['1000000000000', '이', '가'], ['2.5', '이', '가'], ['3.0', '이', '이'],
    ['71%', '가', '가'], ['100%', '을', '를'],
  ])('after a number: %s + %s → %s', (word, p, want) => {
    expect(particle(word, p as never)).toBe(want);
  });

  it.each([
    ['AI', '이', '가'], ['LLM', '이', '이'], ['URL', '으로', '로'], ['open', '으로', '으로'], ['web', '으로', '으로'],
    ['morning-session', '이', '이'], ['Google', '로', '로'], ['Perplexity', '가', '가'], ['conference', '는', '는'], ['X', '를', '를'],
  ])('after a Latin name: %s + %s → %s', (word, p, want) => {
    expect(particle(word, p as never)).toBe(want);
  });

  it('looks past a closing parenthesis, quotes and a stop to the word before them', () => {
    expect(particle('그룹 1(응답자의 71%)', '와')).toBe('과');
    expect(particle('‘제조업’', '를')).toBe('을');
    expect(particle('“AI”.', '이')).toBe('가');
    expect(particle('100조 원', '이')).toBe('이');
  });

  it('fills a template, adding the particle that fits each value', () => {
    expect(fill('내 응답은 의견 그룹 {g:과} 가장 가깝습니다.', { g: 1 })).toBe('내 응답은 의견 그룹 1과 가장 가깝습니다.');
    expect(fill('응답자의 {p:가} 이 그룹입니다.', { p: '71%' })).toBe('응답자의 71%가 이 그룹입니다.');
    expect(fill('{name:은} {n}명', { name: '제조업', n: 3 })).toBe('제조업은 3명');
    expect(fill('{a} and {b}', { a: 'x', b: 2 })).toBe('x and 2');
  });

  it('refuses a particle it does not know, rather than guessing', () => {
    expect(() => fill('{a:의}', { a: '그룹' })).toThrow(/unknown particle/);
  });
});
