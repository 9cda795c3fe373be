import { readFileSync } from 'node:fs';

/** The example fact-finding questionnaire (every question type), as its file text. */
export const surveyFixtureText = readFileSync(new URL('../fixtures/khao-sat-21-KL-TW.json', import.meta.url), 'utf8');

/** A complete, consistent response to it (the study held, "Other" chosen where it asks for text). */
export const completeAnswers = {
  members_total: 42,
  held_study: true,
  study_date: '2026-03-15',
  studied_members: 40,
  study_form: { choice: 'khac', other: 'Học theo tổ' },
  essays_written: 38,
  personal_plan_rate: 92.5,
  action_program: { choice: 'da_ban_hanh' },
  effectiveness: 4,
  change_by_area: { tu_tuong: 3, tu_phe_binh: 2, ky_luat: 4 },
  budget_million_vnd: 12.5,
  difficulties: { choices: ['tai_lieu', 'khac'], other: 'Mạng yếu' },
  proposals: 'Đề nghị cấp thêm tài liệu.',
  reporter: 'Nguyễn Văn A, Bí thư chi bộ',
};
