import { type AnswerProblem, type ContentProblem, problemMessage } from '@diemcau/schema';
import { AppError } from '../graphql/app-error.ts';

/** A respondent link that no longer opens anything, with why. */
export class LinkError extends AppError {
  constructor(code: 'LINK_INVALID' | 'LINK_REVOKED' | 'LINK_REPLACED' | 'ASSIGNMENT_WITHDRAWN') {
    const messages = {
      LINK_INVALID: 'Đường dẫn không hợp lệ / this link is not valid',
      LINK_REVOKED: 'Đường dẫn đã bị thu hồi / this link was revoked',
      LINK_REPLACED: 'Đường dẫn đã được thay bằng đường dẫn mới / this link was replaced by a new one',
      ASSIGNMENT_WITHDRAWN: 'Đơn vị không còn trong danh sách khảo sát / the unit is no longer surveyed',
    };
    super(code, messages[code]);
  }
}

export class SurveyClosedError extends AppError {
  constructor(details: { deadline?: Date | null; status?: string; reason?: string } = {}) {
    super('SURVEY_CLOSED', 'Cuộc khảo sát đã đóng hoặc đã quá hạn / the survey is closed or past its deadline', {
      ...(details.deadline ? { deadline: details.deadline.toISOString() } : {}),
      ...(details.status ? { status: details.status } : {}),
      ...(details.reason ? { reason: details.reason } : {}),
    });
  }
}

export class SurveyNotOpenError extends AppError {
  constructor(opensAt?: Date | null) {
    super(
      'SURVEY_NOT_OPEN',
      'Cuộc khảo sát chưa mở / the survey is not open yet',
      opensAt ? { opensAt: opensAt.toISOString() } : {},
    );
  }
}

export class AlreadySubmittedError extends AppError {
  constructor(receiptNumber: string | null) {
    super('ALREADY_SUBMITTED', 'Đơn vị đã gửi phiếu / the unit has already submitted', { receiptNumber });
  }
}

export class NotSubmittedError extends AppError {
  constructor() {
    super('NOT_SUBMITTED', 'Chưa gửi phiếu nên chưa sửa được / nothing submitted to amend yet');
  }
}

export class AmendNotAllowedError extends AppError {
  constructor() {
    super('AMEND_NOT_ALLOWED', 'Khảo sát này không cho sửa phiếu đã gửi / this survey does not allow amendments');
  }
}

/** The respondent answered a version that is no longer the current one: reload and submit again. */
export class VersionChangedError extends AppError {
  constructor(answered: number, current: number) {
    super(
      'VERSION_CHANGED',
      `Phiếu vừa được cập nhật (phiên bản ${current}); hãy xem lại rồi gửi / the questionnaire changed (version ${current}): review and submit again`,
      { field: 'versionNumber', answeredVersionNumber: answered, currentVersionNumber: current },
    );
  }
}

export class SurveyStateError extends AppError {
  constructor(message: string, status: string) {
    super('SURVEY_STATE', message, { status });
  }
}

export class VersionFrozenError extends AppError {
  constructor() {
    super(
      'VERSION_FROZEN',
      'Phiếu đã phát hành không sửa được; lưu thành phiên bản mới (newVersion: true) / a published version is frozen: save a new version',
      { field: 'content' },
    );
  }
}

/**
 * Many problems at once. The GraphQL boundary turns each into an error of its own, with its code
 * and question key or field (see graphql/format-error.ts).
 */
export type FieldProblem = {
  code: string;
  message: string;
  questionKey?: string;
  field?: string;
  reason?: string;
  params?: unknown;
};

/** Questionnaire structure problems as field problems under `prefix` (e.g. `content.sections[0].key`). */
export function contentFieldProblems(problems: ContentProblem[], prefix = 'content'): FieldProblem[] {
  return problems.map((p) => ({
    code: 'BAD_USER_INPUT',
    reason: p.code,
    field: `${prefix}.${p.path}`,
    ...(p.questionKey ? { questionKey: p.questionKey } : {}),
    message: p.message,
  }));
}

export class ValidationFailedError extends AppError {
  constructor(problems: FieldProblem[]) {
    super('VALIDATION_FAILED', `${problems.length} problem(s)`, { problems });
  }

  static fromAnswers(problems: AnswerProblem[]): ValidationFailedError {
    return new ValidationFailedError(
      problems.map((p) => ({
        code: p.code,
        questionKey: p.questionKey,
        field: `answers.${p.questionKey}`,
        message: `${problemMessage(p, 'vi')} / ${problemMessage(p, 'en')}`,
        ...(p.params ? { params: p.params } : {}),
      })),
    );
  }
}
