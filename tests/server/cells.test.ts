import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseFormula } from '../../src/server/cells';
import { csvCell, csvLine } from '../../src/server/csv';
import { ENGINES } from '../support/engines';
import { AUTH, pollResponse, setup, submit } from './helpers';

/** Splits CSV text the way a spreadsheet does, quotes respected, on the given separator. */
function parseLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) cells.push(cell), (cell = '');
    else cell += ch;
  }
  return [...cells, cell];
}

// What a spreadsheet does with a cell, written independently of the rule under test: it skips
// leading blanks (any Unicode space, line breaks included) and runs the cell as a formula when
// the next character starts one, in ASCII, fullwidth or small form; a leading tab or CR is stripped first.
const FORMULA_CHARS = new Set([...'=+-@＝＋－＠﹦﹢﹣﹫']);
function spreadsheetRuns(text: string): boolean {
  if (text.startsWith("'")) return false;
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = [...text].find((ch) => !/^[\s\u3000]$/u.test(ch));
  return first !== undefined && FORMULA_CHARS.has(first);
}

const lead = fc.constantFrom('', ' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u3000', ' \n ', 'x', ';', ',');
const formula = fc.constantFrom('', '=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '=cmd|', "x;=cmd|' /C calc'!A0;");
const hostileText = fc.tuple(lead, formula, fc.string({ maxLength: 20, unit: 'grapheme' })).map(([a, b, c]) => `${a}${b}${c}`);
const anyText = fc.oneof(hostileText, fc.string({ maxLength: 40, unit: 'binary' }));

describe('neutraliseFormula', () => {
  it('leaves nothing a spreadsheet would run, and changes nothing but one leading apostrophe', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = neutraliseFormula(text);
        expect(spreadsheetRuns(out)).toBe(false);
        expect(out === text || out === `'${text}`).toBe(true);
        expect(out !== text).toBe(spreadsheetRuns(text));
        expect(looksLikeFormula(text)).toBe(spreadsheetRuns(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([' =1+1', '\n=1+1', '\r\n@SUM(A1)', '＝1+1', '　＠x', '\u00a0+1', '－2', '\t1', '\r1'])('neutralises %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it.each(['a=b', '1+1', '', '국방', "'=already"])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});

describe('csvCell', () => {
  it('quotes every text cell, so any separator a locale picks keeps each cell whole', () => {
    const cell = fc.oneof(anyText, fc.integer({ min: -1000, max: 1000 }), fc.constant(undefined));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';'), (cells, separator) => {
        const line = csvLine(cells);
        expect(line.endsWith('\r\n')).toBe(true);
        const body = line.slice(0, -2);
        const parsed = parseLine(separator === ',' ? body : body.replaceAll(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'), separator);
        expect(parsed).toEqual(cells.map((c) => (c === undefined ? '' : typeof c === 'number' ? String(c) : neutraliseFormula(c))));
        cells.forEach((c, i) => {
          if (typeof c === 'string') expect(csvCell(c).startsWith('"')).toBe(true);
          else expect(parsed[i]).toBe(c === undefined ? '' : String(c));
        });
      }),
      { numRuns: 3000 },
    );
  });
});

describe.each(ENGINES)('CSV export of hostile text on %s', (engine) => {
  it("keeps the collector x;=cmd|' /C calc'!A0; in one quoted cell, and neutralises a formula behind a space or line break", async () => {
    const { app } = await setup({ engine });
    const attack = pollResponse({ collector: "x;=cmd|' /C calc'!A0;" });
    const broken = pollResponse({ collector: '\n=HYPERLINK("http://example.invalid")' });
    const spaced = pollResponse({ collector: ' =1+1' }, { why: '＝1+1' });
    const statuses = (await submit(app, [attack, broken, spaced])).body.results.map((r: { status: string }) => r.status);
    expect(statuses).toEqual(['stored', 'stored', 'stored']);
    const text = await (await app.request('/api/v1/surveys/poll/responses.csv', { headers: AUTH })).text();
    const rows = text.replace(/^\uFEFF/, '').split('\r\n');
    const row = (id: string) => rows.find((l) => l.startsWith(`"${id}"`))!;
    for (const separator of [',', ';']) {
      const cells = parseLine(row(attack.id), separator);
      expect(cells.filter(spreadsheetRuns)).toEqual([]);
    }
    expect(row(attack.id)).toContain(`,"x;=cmd|' /C calc'!A0;",`);
    expect(text).toContain(`"'\n=HYPERLINK(""http://example.invalid"")"`);
    expect(row(spaced.id)).toContain(`,"' =1+1",`);
    expect(row(spaced.id)).toContain(`"'＝1+1"`);
  });
});
