import {
  type Answers,
  problemMessage,
  type QuestionnaireContent,
  validateAnswers,
  validateContent,
  visibleQuestionKeys,
} from '@diemcau/schema';
import { describe, expect, it } from 'vitest';
import { completeAnswers, surveyFixtureText } from '../harness/survey-fixture.ts';

const file = JSON.parse(surveyFixtureText);
const content = file.content as QuestionnaireContent;

const codes = (answers: Answers, mode: 'draft' | 'submit' = 'submit') =>
  validateAnswers(content, answers, mode).map((p) => `${p.questionKey}:${p.code}`);

describe('the example questionnaire', () => {
  it('is structurally valid and uses every question type', () => {
    expect(validateContent(content)).toEqual([]);
    const types = new Set(content.sections.flatMap((s) => s.questions.map((q) => q.type)));
    expect(types.size).toBe(11);
  });

  it('accepts a complete, consistent response', () => {
    expect(codes(completeAnswers)).toEqual([]);
  });
});

describe('visibility', () => {
  it('shows the study questions only when the study was held, and chains through the plan', () => {
    const held = visibleQuestionKeys(content, { held_study: true });
    expect(held.has('study_date')).toBe(true);
    expect(held.has('no_study_reason')).toBe(false);
    expect(held.has('planned_date')).toBe(false);
    const notHeld = visibleQuestionKeys(content, { held_study: false, plan_to_study: true });
    expect(notHeld.has('no_study_reason')).toBe(true);
    expect(notHeld.has('planned_date')).toBe(true);
    // Change the first answer: the whole chain collapses, even with plan_to_study still set.
    const back = visibleQuestionKeys(content, { held_study: true, plan_to_study: true });
    expect(back.has('plan_to_study')).toBe(false);
    expect(back.has('planned_date')).toBe(false);
  });

  it('evaluates all / any / one_of / comparisons / includes', () => {
    const c: QuestionnaireContent = {
      sections: [
        {
          key: 's',
          title: 'S',
          questions: [
            { key: 'n', type: 'integer', label: 'N' },
            {
              key: 'm',
              type: 'multiple_choice',
              label: 'M',
              options: [
                { key: 'a', label: 'A' },
                { key: 'b', label: 'B' },
              ],
            },
            { key: 'big', type: 'yes_no', label: 'x', visibleIf: { question: 'n', op: 'gt', value: 10 } },
            { key: 'has_a', type: 'yes_no', label: 'x', visibleIf: { question: 'm', op: 'includes', value: 'a' } },
            {
              key: 'both',
              type: 'yes_no',
              label: 'x',
              visibleIf: {
                all: [
                  { question: 'n', op: 'one_of', value: [1, 2, 3] },
                  { question: 'm', op: 'answered' },
                ],
              },
            },
            {
              key: 'either',
              type: 'yes_no',
              label: 'x',
              visibleIf: {
                any: [
                  { question: 'n', op: 'lte', value: 0 },
                  { question: 'm', op: 'not_answered' },
                ],
              },
            },
          ],
        },
      ],
    };
    expect([...visibleQuestionKeys(c, { n: 11 })].sort()).toEqual(['big', 'either', 'm', 'n']);
    expect([...visibleQuestionKeys(c, { n: 2, m: { choices: ['a'] } })].sort()).toEqual(['both', 'has_a', 'm', 'n']);
  });
});

describe('validation', () => {
  it('requires visible required questions only, and refuses answers to hidden ones', () => {
    expect(codes({ held_study: false })).toEqual(
      expect.arrayContaining(['members_total:REQUIRED', 'no_study_reason:REQUIRED', 'action_program:REQUIRED']),
    );
    expect(codes({ held_study: false })).not.toContain('study_date:REQUIRED');
    expect(codes({ ...completeAnswers, no_study_reason: 'x' })).toEqual(['no_study_reason:HIDDEN_QUESTION_ANSWERED']);
  });

  it('returns every problem at once, each with its question key and code', () => {
    const bad: Answers = {
      ...completeAnswers,
      members_total: -1,
      studied_members: 4.5,
      study_date: '2026-02-30',
      study_form: { choice: 'qua_thu' },
      effectiveness: 6,
      change_by_area: { tu_tuong: 3, van_hoa: 2 },
      difficulties: { choices: ['tai_lieu', 'thoi_gian', 'bao_cao_vien', 'ha_tang'] },
      reporter: 'x'.repeat(201),
      personal_plan_rate: 120,
      action_program: 'da_ban_hanh' as never,
      nonsense: 1,
    };
    expect(codes(bad).sort()).toEqual(
      [
        'action_program:WRONG_TYPE',
        'change_by_area:UNKNOWN_ROW',
        'difficulties:TOO_MANY_SELECTIONS',
        'effectiveness:OUT_OF_RANGE',
        'members_total:OUT_OF_RANGE',
        'nonsense:UNKNOWN_QUESTION',
        'personal_plan_rate:OUT_OF_RANGE',
        'reporter:TOO_LONG',
        'study_date:INVALID_DATE',
        'study_form:NOT_AN_OPTION',
        'studied_members:NOT_AN_INTEGER',
      ].sort(),
    );
  });

  it('asks for the "Other" text, and refuses it without "Other"', () => {
    expect(codes({ ...completeAnswers, study_form: { choice: 'khac' } })).toEqual(['study_form:OTHER_TEXT_REQUIRED']);
    expect(codes({ ...completeAnswers, study_form: { choice: 'truc_tiep', other: 'x' } })).toEqual([
      'study_form:UNEXPECTED_OTHER',
    ]);
  });

  it('drafts get type checks only', () => {
    expect(codes({ members_total: -5, held_study: true }, 'draft')).toEqual([]);
    expect(codes({ members_total: 'nhiều' as never, study_form: { choice: 'zzz' } }, 'draft')).toEqual([
      'members_total:WRONG_TYPE',
      'study_form:NOT_AN_OPTION',
    ]);
  });

  it('has a Vietnamese and an English message for each problem', () => {
    expect(problemMessage({ code: 'OUT_OF_RANGE', params: { min: 1, max: 5 } })).toBe('Giá trị phải từ 1 đến 5');
    expect(problemMessage({ code: 'REQUIRED' }, 'en')).toBe('This question is required');
  });
});

describe('content checks', () => {
  it('reports bad keys, duplicates, missing options and forward or unknown conditions', () => {
    const problems = validateContent({
      sections: [
        {
          key: 's1',
          title: 'S',
          questions: [
            { key: 'Bad Key', type: 'integer', label: 'x' },
            { key: 'a', type: 'single_choice', label: 'x', options: [{ key: 'o', label: 'O' }] },
            { key: 'a', type: 'yes_no', label: 'x' },
            { key: 'b', type: 'yes_no', label: 'x', visibleIf: { question: 'c', op: 'answered' } },
            { key: 'c', type: 'scale', label: 'x', scale: { points: 1 } },
            { key: 'd', type: 'nope', label: 'x' },
          ],
        },
      ],
    }).map((p) => `${p.path}:${p.code}`);
    expect(problems).toEqual([
      'sections[0].questions[0].key:INVALID_KEY',
      'sections[0].questions[1].options:MISSING_OPTIONS',
      'sections[0].questions[2].key:DUPLICATE_KEY',
      'sections[0].questions[3].visibleIf:BAD_CONDITION',
      'sections[0].questions[4].scale.points:BAD_SCALE',
      'sections[0].questions[5].type:UNKNOWN_TYPE',
    ]);
  });
});

describe('malformed content', () => {
  const base = () => JSON.parse(surveyFixtureText).content as QuestionnaireContent;
  /** The questionnaire with one question replaced (merged) and its problems as `path:code:questionKey`. */
  const withQuestion = (si: number, qi: number, patch: Record<string, unknown>) => {
    const c = base() as unknown as { sections: { questions: Record<string, unknown>[] }[] };
    Object.assign(c.sections[si]!.questions[qi]!, patch);
    return validateContent(c).map((p) => `${p.path}:${p.code}:${p.questionKey ?? ''}`);
  };
  // sections[1].questions[2] is action_program (single choice); sections[1].questions[4] is change_by_area (matrix).
  const ap = 'sections[1].questions[2]';

  it('reports options and rows that are not lists, without throwing', () => {
    expect(withQuestion(1, 2, { options: 'a,b' })).toEqual([`${ap}.options:INVALID:action_program`]);
    expect(withQuestion(1, 2, { options: { a: 'A' } })).toEqual([`${ap}.options:INVALID:action_program`]);
    expect(withQuestion(1, 2, { options: [null, 'x'] })).toEqual([
      `${ap}.options[0]:INVALID:action_program`,
      `${ap}.options[1]:INVALID:action_program`,
    ]);
    expect(withQuestion(1, 4, { rows: 7 })).toEqual(['sections[1].questions[4].rows:INVALID:change_by_area']);
    expect(withQuestion(1, 4, { scale: 'five' })).toEqual([
      'sections[1].questions[4].scale.points:BAD_SCALE:change_by_area',
    ]);
  });

  it('reports malformed conditions as BAD_CONDITION with the question key', () => {
    const bad = (visibleIf: unknown) => withQuestion(1, 2, { visibleIf });
    const expected = [`${ap}.visibleIf:BAD_CONDITION:action_program`];
    expect(bad({ all: 'x' })).toEqual(expected);
    expect(bad({ any: [] })).toEqual(expected);
    expect(bad({ all: [{ question: 'held_study', op: 'equals', value: true }, 5] })).toEqual(expected);
    expect(bad({ all: [], any: [] })).toEqual(expected);
    expect(bad('held_study')).toEqual(expected);
    expect(bad({ op: 'answered' })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'matches', value: true })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'equals' })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'equals', value: 'yes' })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'one_of', value: true })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'one_of', value: [] })).toEqual(expected);
    expect(bad({ question: 'members_total', op: 'gt', value: '10' })).toEqual(expected);
    expect(bad({ question: 'members_total', op: 'equals', value: { n: 1 } })).toEqual(expected);
    expect(bad({ question: 'held_study', op: 'gt', value: 1 })).toEqual(expected);
    expect(bad({ question: 'study_date', op: 'gte', value: '2026-02-30' })).toEqual(expected);
    expect(bad({ question: 'study_form', op: 'includes', value: 'khac' })).toEqual(expected);
    expect(bad({ question: 'study_form', op: 'equals', value: 'no_such_option' })).toEqual(expected);
    let deep: unknown = { question: 'held_study', op: 'answered' };
    for (let i = 0; i < 20; i += 1) deep = { all: [deep] };
    expect(bad(deep)).toEqual(expected);
    // Well-formed ones of each kind pass.
    expect(bad({ question: 'study_date', op: 'gte', value: '2026-01-01' })).toEqual([]);
    expect(bad({ question: 'study_form', op: 'one_of', value: ['khac'] })).toEqual([]);
    expect(
      bad({
        any: [
          { question: 'members_total', op: 'lt', value: 5 },
          { question: 'held_study', op: 'answered' },
        ],
      }),
    ).toEqual([]);
  });

  it('never throws, whatever is put anywhere in a questionnaire', () => {
    const junk: unknown[] = [null, 0, -1, 'x', '', true, [], [null], {}, { all: 'x' }, { choices: null }, [[{}]]];
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let i = 0; i < 400; i += 1) {
      const c = base() as unknown as Record<string, unknown>;
      // Walk a random path down the tree and replace what is there with junk.
      let node: unknown = c;
      for (let depth = 0; depth < 6; depth += 1) {
        const keys = node && typeof node === 'object' ? Object.keys(node) : [];
        if (keys.length === 0) break;
        const key = keys[next() % keys.length]!;
        const child = (node as Record<string, unknown>)[key];
        if (depth === 5 || !child || typeof child !== 'object' || next() % 3 === 0) {
          (node as Record<string, unknown>)[key] = junk[next() % junk.length];
          break;
        }
        node = child;
      }
      expect(() => validateContent(c)).not.toThrow();
    }
    for (const value of [null, 5, 'x', [], {}, { sections: 'x' }, { sections: [null, 5, { questions: 'x' }] }]) {
      expect(() => validateContent(value)).not.toThrow();
      expect(validateContent(value).length).toBeGreaterThan(0);
    }
  });

  it('never throws on malformed answers either', () => {
    for (const value of [null, 5, 'x', [], {}, { choices: null }, { choices: 5 }, { choice: null }, { a: 'b' }]) {
      const answers = Object.fromEntries(
        content.sections.flatMap((s) => s.questions.map((q) => [q.key, value])),
      ) as unknown as Answers;
      expect(() => validateAnswers(content, answers, 'submit')).not.toThrow();
      expect(() => validateAnswers(content, answers, 'draft')).not.toThrow();
    }
  });
});
