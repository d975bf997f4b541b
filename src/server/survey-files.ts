import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Survey } from '../core/survey';
import { checkSurvey, describeProblem } from '../core/survey-problems';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';
import type { PutResult, Store } from './store/types';

/** A survey file that could not be loaded, with enough to find and fix it. */
export type SurveyFileProblem = { file: string; path: string; message: string };

/** Writes an organiser-added survey as `<id>-v<version>.json`, atomically, so it survives restarts and can be copied. */
export async function writeSurveyFile(dir: string, survey: Survey): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const target = join(dir, `${survey.id}-v${survey.version}.json`);
  await writeFile(`${target}.tmp`, `${JSON.stringify(survey, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  await rename(`${target}.tmp`, target);
}

async function readSurveyFile(path: string): Promise<Survey> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(error instanceof SyntaxError ? `not valid JSON: ${error.message}` : String(error));
  }
  const checked = checkSurvey(json);
  if (!checked.ok) {
    throw new Error(checked.problems.map((p) => describeProblem(p)).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '));
  }
  return checked.survey;
}

/** Every `*.json` in `dir` that is a valid survey, and the problems of those that are not; no folder is no files. */
export async function readSurveyFiles(dir: string): Promise<{ surveys: { file: string; path: string; survey: Survey }[]; problems: SurveyFileProblem[] }> {
  const surveys: { file: string; path: string; survey: Survey }[] = [];
  const problems: SurveyFileProblem[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { surveys, problems };
    throw error;
  }
  for (const file of names) {
    const path = join(dir, file);
    try {
      surveys.push({ file, path, survey: await readSurveyFile(path) });
    } catch (error) {
      problems.push({ file, path, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { surveys, problems };
}

/**
 * Puts surveys from files into the store through `put`. A broken or conflicting file is
 * reported by name and path and skipped; the others still load.
 */
export async function putSurveyFiles(dir: string, put: (survey: Survey) => Promise<PutResult>): Promise<SurveyFileProblem[]> {
  const { surveys, problems } = await readSurveyFiles(dir);
  for (const { file, path, survey } of surveys) {
    if ((await put(survey)) === 'conflict') {
      problems.push({ file, path, message: `survey ${survey.id} version ${survey.version} is already stored with other content` });
    }
  }
  return problems;
}

/**
 * Puts the built-in surveys and every `*.json` in `dir` into the store. A broken or
 * conflicting file is reported by name and path and skipped; the others still load.
 */
export async function loadSurveys(store: Store, builtIn: Survey[], dir: string | undefined): Promise<SurveyFileProblem[]> {
  const problems: SurveyFileProblem[] = [];
  for (const survey of builtIn) {
    if ((await store.putSurvey(survey)) === 'conflict') {
      problems.push({ file: `${survey.id} v${survey.version}`, path: '(built in)', message: 'differs from the stored version with the same id and version' });
    }
  }
  return dir ? [...problems, ...(await putSurveyFiles(dir, (survey) => store.putSurvey(survey)))] : problems;
}
