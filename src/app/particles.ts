// Korean particles change with the sound they follow: 이/가, 을/를, 은/는, 과/와 take the
// first form after a final consonant, (으)로 takes 로 after a vowel or ㄹ. Numbers and Latin
// names are read aloud to find that sound, so "그룹 1과", "71%가" and "AI가" come out right.

const PAIRS = {
  이: ['이', '가'], 가: ['이', '가'],
  을: ['을', '를'], 를: ['을', '를'],
  은: ['은', '는'], 는: ['은', '는'],
  과: ['과', '와'], 와: ['과', '와'],
  으로: ['으로', '로'], 로: ['으로', '로'],
} as const;

/** A particle, named by either of its forms. */
export type Particle = keyof typeof PAIRS;

/** How a word ends when read aloud: a vowel, ㄹ, or another final consonant. */
type Ending = 'vowel' | 'rieul' | 'consonant';

// 영 일 이 삼 사 오 육 칠 팔 구
const DIGITS: Ending[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];
// Trailing zeros are read as a unit: 십 백 천, then 만 (4–7 zeros), 억 (8–11), 조 (12–15), 경.
const UNITS: Ending[] = ['consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'consonant', 'vowel', 'vowel', 'vowel', 'vowel', 'consonant'];

function numberEnding(digits: string, decimal: boolean): Ending {
  if (decimal) return DIGITS[Number(digits.at(-1))]!;
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  if (zeros === 0) return DIGITS[Number(digits.at(-1))]!;
  if (zeros === digits.length) return 'consonant'; // 영
  return UNITS[Math.min(zeros, UNITS.length) - 1]!;
}

function latinEnding(word: string): Ending {
  // An acronym is read letter by letter: only L and R (엘, 알) end in ㄹ, M and N in ㅁ and ㄴ.
  if (word.length === 1 || word === word.toUpperCase()) {
    const last = word.at(-1)!.toUpperCase();
    return 'LR'.includes(last) ? 'rieul' : 'MN'.includes(last) ? 'consonant' : 'vowel';
  }
  const w = word.toLowerCase();
  if (/(l|le)$/.test(w)) return 'rieul';
  return /(ng|[mnbcdgkpt])$/.test(w) ? 'consonant' : 'vowel';
}

/** How `word` ends when read aloud; a closing parenthesis, quote or stop is looked past. */
function ending(word: string): Ending {
  let text = word.trim();
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/\s*\([^()]*\)$/, '').replace(/[\s'"‘’“”」』.,!?…]+$/, '');
  }
  const number = /(\d[\d,]*)(\.\d+)?%?$/.exec(text);
  if (number) return text.endsWith('%') ? 'vowel' : numberEnding((number[2] ?? number[1]!).replace(/[,.]/g, ''), !!number[2]);
  const latin = /[A-Za-z]+$/.exec(text);
  if (latin) return latinEnding(latin[0]);
  const code = text.charCodeAt(text.length - 1);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const final = (code - 0xac00) % 28;
    return final === 0 ? 'vowel' : final === 8 ? 'rieul' : 'consonant';
  }
  return 'vowel';
}

/** The form of particle `p` that follows `word`. */
export function particle(word: string, p: Particle): string {
  const [afterConsonant, afterVowel] = PAIRS[p];
  const end = ending(word);
  if (p === '으로' || p === '로') return end === 'consonant' ? afterConsonant : afterVowel;
  return end === 'vowel' ? afterVowel : afterConsonant;
}

/**
 * Fills `{name}` in a template with its value, and `{name:을}` with the value and the right
 * form of the particle (`을` or `를`), so Korean strings read right after any number or name.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)(?::([가-힣]+))?\}/g, (_, key: string, p: string | undefined) => {
    const value = String(values[key] ?? '');
    if (!p) return value;
    if (!(p in PAIRS)) throw new Error(`unknown particle ${p} in "${template}"`);
    return value + particle(value, p as Particle);
  });
}
