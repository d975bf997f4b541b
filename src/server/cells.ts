// One rule for every export a spreadsheet opens (CSV now, the workbook later): text that a
// spreadsheet would run as a formula is made inert before it leaves the server.

/**
 * Text a spreadsheet reads as a formula or a command: a formula character (`=`, `+`, `-`,
 * `@`, their fullwidth forms `＝＋－＠`, which an East Asian IME types and Excel accepts, and
 * the small forms `﹦﹢﹣﹫`) after any run of whitespace, since spreadsheets skip leading
 * spaces and line breaks; or a leading tab or carriage return, which some spreadsheets strip
 * before looking again.
 */
const FORMULA = /^(?:[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B]|[\t\r])/u;

/** Whether a spreadsheet could run this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA.test(text);
}

/**
 * The text made inert for a spreadsheet: an apostrophe in front of anything that looks like
 * a formula (OWASP's advice; spreadsheets show the rest as plain text), other text unchanged.
 */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
