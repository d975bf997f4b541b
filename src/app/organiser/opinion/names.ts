import type { Characteristic } from '../../../core/analysis';
import type { OpinionMap } from '../../../core/opinion-map';
import { questionNumbers } from '../../../core/numbering';
import { allQuestions, type Survey } from '../../../core/survey';
import { tx } from '../../i18n';
import { groupName } from '../format';
import { mt } from './strings';

type Shown = Extract<OpinionMap, { withheld: false }>;

/** |z| at the two-sided 1% and 0.1% levels: where a difference turns from clear to strong to very strong. */
const STRONG_Z = 2.576;
const VERY_STRONG_Z = 3.291;

/**
 * How strongly a group differs from everyone else on a position, in words instead of a
 * z statistic: every listed difference passes the 5% level ("clear"); past 1% it is
 * "strong", past 0.1% "very strong".
 */
export function strength(z: number): string {
  return mt(Math.abs(z) >= VERY_STRONG_Z ? 'veryStrong' : Math.abs(z) >= STRONG_Z ? 'strong' : 'clear');
}

/**
 * "agrees more with Q3 and Q5, disagrees more with Q1" for a group's strongest traits,
 * each position by its number as respondents see it, one phrase per side.
 */
function traitsPhrase(traits: Characteristic[], number: (question: string) => string | undefined): string {
  const sides = (['agree', 'disagree'] as const).flatMap((type) => {
    const on = traits.filter((t) => t.type === type).map((t) => mt('qNumber').replace('{n}', number(t.question) ?? t.question));
    return on.length ? [mt(type === 'agree' ? 'agreesMoreWith' : 'disagreesMoreWith').replace('{q}', on.join(mt('listJoin')))] : [];
  });
  return sides.join(mt('and'));
}

/**
 * Names of positions, declared groups and opinion groups in the current locale. An
 * opinion group is named by the one or two positions that set it apart most ("agrees
 * more with Q3, disagrees more with Q1"), not by its index; only a group that nothing
 * sets apart, or one withheld, falls back to its number.
 */
export function namesFor(survey: Survey | undefined, map: Shown) {
  const questions = survey ? allQuestions(survey) : [];
  const prompts = new Map(questions.map((q) => [q.id, q.prompt]));
  const numbers = questionNumbers({ sections: survey?.sections ?? [] });
  const position = (id: string) => {
    const prompt = prompts.get(id);
    const n = numbers.get(id);
    return prompt ? `${n}. ${tx(prompt)}` : id;
  };
  const opinion = (id: number) => {
    const group = map.groups.find((g) => g.id === id);
    const traits = group && !group.withheld ? [...group.characteristic].sort((a, b) => b.z - a.z).slice(0, 2) : [];
    if (traits.length === 0) return `${mt('group')} ${id + 1}`;
    const text = traitsPhrase(traits, (q) => numbers.get(q));
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return {
    position,
    /** The position's number as respondents see it. */
    number: (id: string) => numbers.get(id),
    opinion,
    /** A group of the consensus figures: declared, or an opinion group when the survey declares none. */
    group: (id: string) => (map.consensusBy === 'opinion' ? opinion(Number(id)) : groupName(survey, id)),
  };
}

/** The names a map's lists use. */
export type Names = ReturnType<typeof namesFor>;
