// The work of make-spreadsheet-example.mjs, done while Vite's module runner imports this file:
// the runner closes once the import settles, so the writer's lazy exceljs import must run here.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sovereignAiSurvey } from '../src/core/surveys';
import { writeSurveyWorkbook } from '../src/server/survey-sheet/workbook';

const dir = join(import.meta.dirname, '../docs/examples');
await mkdir(dir, { recursive: true });
const target = join(dir, `${sovereignAiSurvey.id}-v${sovereignAiSurvey.version}.xlsx`);
await writeFile(target, await writeSurveyWorkbook(sovereignAiSurvey));
console.log(`wrote ${target}`);
