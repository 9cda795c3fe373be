import { type QuestionnaireContent, validateContent } from '@diemcau/schema';
import { describe, expect, it } from 'vitest';
import {
  changeType,
  conditionFrom,
  conditionRows,
  fromContent,
  moveQuestion,
  newQuestion,
  questionKeys,
  slugKey,
  toContent,
  uniqueKey,
} from '../../web/src/surveys/builder-model.ts';
import { surveyFixtureText } from '../harness/survey-fixture.ts';

const content = JSON.parse(surveyFixtureText).content as QuestionnaireContent;
const keysOf = (c: QuestionnaireContent) => c.sections.map((s) => s.questions.map((q) => q.key));

describe("the builder's model of a questionnaire", () => {
  it('gives every item an id and takes them away again: the content comes back as it was', () => {
    const model = fromContent(content);
    const ids = model.sections.flatMap((s) => [
      s.$id,
      ...s.questions.flatMap((q) => [q.$id, ...(q.options ?? []).map((o) => o.$id)]),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(JSON.stringify(toContent(model)))).toEqual(content);
    expect(JSON.stringify(toContent(model))).not.toContain('$id');
    // An empty or odd working copy (as createSurvey stores it) is an empty questionnaire.
    expect(toContent(fromContent({}))).toEqual({ sections: [] });
    expect(toContent(fromContent(null))).toEqual({ sections: [] });
  });

  it('makes keys from Vietnamese labels', () => {
    expect(slugKey('Số đảng viên đã học tập')).toBe('so_dang_vien_da_hoc_tap');
    expect(slugKey('Đảng ủy xã, phường')).toBe('dang_uy_xa_phuong');
    expect(slugKey('2. Kinh phí (triệu đồng)')).toBe('q_2_kinh_phi_trieu_dong');
    expect(slugKey('…')).toBe('');
    expect(slugKey('Tình hình học tập, quán triệt và thực hiện Kết luận của Trung ương')).toHaveLength(40);
    expect(uniqueKey('khac', new Set(['khac', 'khac_2']))).toBe('khac_3');
  });

  it('moves a question within a section and into another, keeping every other in order', () => {
    const model = fromContent(content);
    const [first, second] = model.sections;
    const moved = first!.questions[0]!;
    const within = moveQuestion(model, moved.$id, { section: 0, question: 2 });
    expect(keysOf(toContent(within))[0]!.slice(0, 4)).toEqual([
      'held_study',
      'study_date',
      'members_total',
      'studied_members',
    ]);
    const across = moveQuestion(model, moved.$id, { section: 1, question: 0 });
    const keys = keysOf(toContent(across));
    expect(keys[0]).not.toContain('members_total');
    expect(keys[1]![0]).toBe('members_total');
    expect(keys[1]!.length).toBe(second!.questions.length + 1);
    // Past the end: appended.
    expect(keysOf(toContent(moveQuestion(model, moved.$id, { section: 2, question: 999 })))[2]!.at(-1)).toBe(
      'members_total',
    );
  });

  it('changes a question type, keeping the common fields and giving the new type its own', () => {
    const taken = questionKeys(fromContent(content));
    const q = { ...newQuestion('yes_no', taken), label: 'Hình thức', help: 'Chọn một', required: true };
    expect(taken.has(q.key)).toBe(false);
    const choice = changeType(q, 'single_choice');
    expect(choice).toMatchObject({
      key: q.key,
      label: 'Hình thức',
      help: 'Chọn một',
      required: true,
      type: 'single_choice',
    });
    expect(choice.options).toHaveLength(2);
    const matrix = changeType(choice, 'matrix');
    expect(matrix.options).toBeUndefined();
    expect(matrix.rows).toHaveLength(1);
    expect(matrix.scale?.points).toBe(5);
    const number = changeType(matrix, 'integer');
    expect(number.rows).toBeUndefined();
    expect(number.scale).toBeUndefined();
    expect(number.min).toBe(0);
    // A new question is incomplete until its label and options are written: the shared rules say so.
    const draft = fromContent({ sections: [{ key: 'a', title: 'A', questions: [] }] });
    draft.sections[0]!.questions.push(changeType(newQuestion('single_choice', new Set()), 'single_choice'));
    const problems = validateContent(toContent(draft)).map((p) => `${p.path}:${p.code}`);
    expect(problems).toContain('sections[0].questions[0].label:REQUIRED');
    expect(problems).toContain('sections[0].questions[0].options[0].label:REQUIRED');
  });

  it('edits conditions as rows of simple ones, and leaves nested ones alone', () => {
    const one = { question: 'held_study', op: 'equals', value: true } as const;
    const two = { question: 'members_total', op: 'gt', value: 10 } as const;
    expect(conditionRows(undefined)).toBeNull();
    expect(conditionRows(one)).toEqual({ mode: 'all', rows: [one] });
    expect(conditionRows({ any: [one, two] })).toEqual({ mode: 'any', rows: [one, two] });
    expect(conditionRows({ all: [one, { any: [two] }] })).toBe('complex');
    expect(conditionFrom({ mode: 'any', rows: [one] })).toEqual(one);
    expect(conditionFrom({ mode: 'all', rows: [one, two] })).toEqual({ all: [one, two] });
    expect(conditionFrom({ mode: 'all', rows: [] })).toBeUndefined();
  });
});
