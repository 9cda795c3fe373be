import { allQuestions, type Question, type QuestionnaireContent, validateContent } from '@diemcau/schema';
import { assertPathInScope, requireRole, requireViewer } from '../accounts/access.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId } from '../graphql/ids.ts';
import { getUnit } from '../units/unit.service.ts';
import {
  contentFieldProblems,
  type FieldProblem,
  SurveyStateError,
  ValidationFailedError,
  VersionFrozenError,
} from './survey.errors.ts';
import { parseSurveyFile, SURVEY_FILE_FORMAT, SURVEY_FILE_VERSION, type SurveyFile } from './survey.file.ts';
import type { CreateSurveyInput, SurveyDocumentInput, UpdateSurveyInput } from './survey.inputs.ts';
import {
  effectiveStatus,
  type SurveyRow,
  surveyById,
  surveyColumns,
  versionById,
  versionsOf,
} from './survey.repository.ts';
import { type Survey, SurveyStatus } from './survey.types.ts';

export function toSurvey(row: SurveyRow): Survey {
  return {
    ...row,
    document: row.documentCode
      ? { code: row.documentCode, title: row.documentTitle, kind: row.documentKind, signedOn: row.documentSignedOn }
      : null,
    draftContent: row.draftContent as unknown as Record<string, unknown>,
  };
}

/** A survey the viewer may read (its organizing unit is in the viewer's scope). */
export async function readableSurvey(ctx: Context, id: unknown, field = 'id'): Promise<SurveyRow> {
  const viewer = requireViewer(ctx);
  const row = await surveyById(ctx.em, toId(id, field));
  if (!row) throw new NotFoundError('Survey', { field });
  assertPathInScope(viewer, row.ownerPath);
  return row;
}

/** A survey the viewer may change: ORGANIZER (or ADMIN) with the organizing unit in scope. */
export async function manageableSurvey(ctx: Context, id: unknown, field = 'id'): Promise<SurveyRow> {
  requireRole(ctx, 'ORGANIZER');
  return readableSurvey(ctx, id, field);
}

export async function listSurveys(
  ctx: Context,
  status?: SurveyStatus | null,
  first?: number | null,
  after?: string | null,
) {
  const viewer = requireViewer(ctx);
  const limit = pageSize(first);
  const cursor = decodeCursor(after, ['string', 'number']) as [string, number] | null;
  const where = sql`${viewer.scopePath ? sql`o.path <@ ${viewer.scopePath}::ltree` : sql`true`}
    ${status ? sql`and ${effectiveStatus} = ${status}` : sql``}`;
  const rows = await query<SurveyRow>(
    ctx.em,
    sql`select ${surveyColumns} from survey s join unit o on o.id = s.owner_unit_id
         where ${where} ${cursor ? sql`and (s.created_at, s.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::int)` : sql``}
         order by s.created_at desc, s.id desc limit ${limit + 1}`,
  );
  const total = await queryOne<{ n: number }>(
    ctx.em,
    sql`select count(*)::int as n from survey s join unit o on o.id = s.owner_unit_id where ${where}`,
  );
  return {
    ...connectionFrom(rows.map(toSurvey), limit, (s) => [s.createdAt.toISOString(), s.id]),
    totalCount: total?.n ?? 0,
  };
}

function cleanText(value: string | null | undefined, field: string, max: number, required = false): string {
  const text = (value ?? '').normalize('NFC').trim();
  if (required && !text) throw new BadUserInputError('Không được để trống / required', field);
  if (text.length > max) throw new BadUserInputError(`Tối đa ${max} ký tự / at most ${max} characters`, field);
  return text;
}

function cleanDocument(doc: SurveyDocumentInput | null | undefined) {
  if (!doc) return { code: null, title: null, kind: null, signedOn: null };
  const code = cleanText(doc.code, 'document.code', 50, true);
  if (doc.signedOn && !/^\d{4}-\d{2}-\d{2}$/.test(doc.signedOn)) {
    throw new BadUserInputError('Ngày ký dạng YYYY-MM-DD / signedOn is YYYY-MM-DD', 'document.signedOn');
  }
  return {
    code,
    title: cleanText(doc.title, 'document.title', 500) || null,
    kind: cleanText(doc.kind, 'document.kind', 30) || null,
    signedOn: doc.signedOn ?? null,
  };
}

function checkWindow(opensAt: Date | null | undefined, closesAt: Date | null | undefined): void {
  if (opensAt && closesAt && closesAt <= opensAt) {
    throw new BadUserInputError('Hạn chót phải sau ngày mở / the deadline must be after the opening', 'closesAt');
  }
}

/**
 * A working copy may be incomplete (no label yet, one option so far …), but must have the
 * questionnaire's shape: lists where lists go, objects where objects go (the `INVALID` problems of
 * validateContent), all reported at once.
 */
function draftShape(content: Record<string, unknown> | null | undefined): QuestionnaireContent {
  if (!content) return { sections: [] };
  if (!Array.isArray(content.sections)) throw new BadUserInputError('content must be { sections: [...] }', 'content');
  const malformed = validateContent(content).filter((p) => p.code === 'INVALID');
  if (malformed.length > 0) throw new ValidationFailedError(contentFieldProblems(malformed));
  return content as unknown as QuestionnaireContent;
}

export async function createSurvey(ctx: Context, input: CreateSurveyInput): Promise<Survey> {
  const viewer = requireRole(ctx, 'ORGANIZER');
  const owner = await getUnit(ctx, input.ownerUnitId, 'ownerUnitId');
  const title = cleanText(input.title, 'title', 300, true);
  const doc = cleanDocument(input.document);
  checkWindow(input.opensAt, input.closesAt);
  const content = draftShape(input.content);
  const row = await queryOne<{ id: number }>(
    ctx.em,
    sql`insert into survey (title, description, instructions, document_code, document_title, document_kind, document_signed_on,
                            review_kind, owner_unit_id, opens_at, closes_at, allow_amend, draft_content, created_by)
        values (${title}, ${cleanText(input.description, 'description', 20_000)}, ${cleanText(input.instructions, 'instructions', 20_000)},
                ${doc.code}, ${doc.title}, ${doc.kind}, ${doc.signedOn}, ${input.reviewKind}, ${owner.id},
                ${input.opensAt ?? null}, ${input.closesAt ?? null}, ${input.allowAmend ?? true}, ${JSON.stringify(content)}::jsonb,
                ${viewer.accountId})
        returning id`,
  );
  return toSurvey((await surveyById(ctx.em, row!.id))!);
}

/**
 * Keys that persist across versions keep their meaning, so answers to every version add up. Against
 * the last form of each question key in any earlier version (a key dropped in v2 cannot come back as
 * something else in v3): the same type; every option and matrix row key kept (an option cannot be
 * dropped: answers to the earlier version use it; to drop one, ask a new question under a new key);
 * an option keeps its "Other (please specify)" role; a scale keeps its number of points. Labels may
 * change (wording, typos), and options, rows and questions may be added; whole questions may go.
 */
export function versionProblems(previous: QuestionnaireContent[], next: QuestionnaireContent): FieldProblem[] {
  const before = new Map<string, Question>();
  for (const content of previous) for (const q of allQuestions(content)) before.set(q.key, q);
  const problems: FieldProblem[] = [];
  const problem = (q: Question, reason: string, message: string, extra: Record<string, string> = {}) =>
    problems.push({ code: 'BAD_USER_INPUT', reason, questionKey: q.key, field: `content.${q.key}`, message, ...extra });
  for (const q of allQuestions(next)) {
    const old = before.get(q.key);
    if (!old) continue;
    if (old.type !== q.type) {
      problem(
        q,
        'KEY_TYPE_CHANGED',
        `"${q.key}" was a ${old.type} question; a new key is needed for a ${q.type} question`,
      );
      continue;
    }
    const options = new Map((q.options ?? []).map((o) => [o.key, o]));
    for (const o of old.options ?? []) {
      const now = options.get(o.key);
      if (!now) {
        problem(
          q,
          'OPTION_KEY_REMOVED',
          `"${q.key}": option "${o.key}" was answered in an earlier version and must stay (a new question key is needed to drop it)`,
          { optionKey: o.key },
        );
      } else if (Boolean(now.other) !== Boolean(o.other)) {
        problem(q, 'OPTION_MEANING_CHANGED', `"${q.key}": option "${o.key}" cannot become or stop being "Other"`, {
          optionKey: o.key,
        });
      }
    }
    const rows = new Set((q.rows ?? []).map((r) => r.key));
    for (const r of old.rows ?? []) {
      if (!rows.has(r.key)) {
        problem(
          q,
          'ROW_KEY_REMOVED',
          `"${q.key}": row "${r.key}" was answered in an earlier version and must stay (a new question key is needed to drop it)`,
          { optionKey: r.key },
        );
      }
    }
    if ((q.type === 'scale' || q.type === 'matrix') && q.scale?.points !== old.scale?.points) {
      problem(
        q,
        'SCALE_CHANGED',
        `"${q.key}" had ${old.scale?.points}-point scale; a new key is needed for another scale`,
      );
    }
  }
  return problems;
}

function assertPublishable(content: QuestionnaireContent, survey: { closesAt: Date | null }): void {
  const problems = contentFieldProblems(validateContent(content));
  if (!survey.closesAt) {
    problems.push({
      code: 'BAD_USER_INPUT',
      field: 'closesAt',
      message: 'Cần có hạn chót trước khi phát hành / set a deadline first',
    });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
}

async function insertVersion(ctx: Context, surveyId: number, content: QuestionnaireContent): Promise<number> {
  const row = await queryOne<{ id: number }>(
    ctx.em,
    sql`insert into survey_version (survey_id, number, content, published_by)
        values (${surveyId}, (select coalesce(max(number), 0) + 1 from survey_version where survey_id = ${surveyId}),
                ${JSON.stringify(content)}::jsonb, ${ctx.viewer?.accountId ?? null})
        returning id`,
  );
  return row!.id;
}

export async function updateSurvey(ctx: Context, input: UpdateSurveyInput): Promise<Survey> {
  const survey = await manageableSurvey(ctx, input.id);
  // Closed by hand or archived. One closed only by its deadline may still change (e.g. a later deadline reopens it).
  if (survey.storedStatus === SurveyStatus.CLOSED || survey.storedStatus === SurveyStatus.ARCHIVED) {
    throw new SurveyStateError('Khảo sát đã đóng, không sửa được / a closed survey cannot change', survey.status);
  }
  const opensAt = input.opensAt === undefined ? survey.opensAt : input.opensAt;
  const closesAt = input.closesAt === undefined ? survey.closesAt : input.closesAt;
  checkWindow(opensAt, closesAt);
  if (!closesAt && survey.storedStatus === SurveyStatus.OPEN) {
    throw new BadUserInputError('Khảo sát đang mở cần có hạn chót / an open survey needs a deadline', 'closesAt');
  }
  const doc = input.document === undefined ? null : cleanDocument(input.document);
  let content = survey.draftContent;
  let newVersion = false;
  if (input.content) {
    if (survey.storedStatus === SurveyStatus.OPEN) {
      if (!input.newVersion) throw new VersionFrozenError();
      // A new version is checked in full at once (shape included): every problem comes back.
      content = input.content as unknown as QuestionnaireContent;
      assertPublishable(content, { closesAt });
      const earlier = await versionsOf(ctx.em, survey.id);
      const problems = versionProblems(
        earlier.map((v) => v.content),
        content,
      );
      if (problems.length > 0) throw new ValidationFailedError(problems);
      newVersion = true;
    } else content = draftShape(input.content);
  }
  await ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em };
    const versionId = newVersion ? await insertVersion(tx, survey.id, content) : survey.currentVersionId;
    await query(
      em,
      sql`update survey set
            title = ${input.title == null ? survey.title : cleanText(input.title, 'title', 300, true)},
            description = ${input.description == null ? survey.description : cleanText(input.description, 'description', 20_000)},
            instructions = ${input.instructions == null ? survey.instructions : cleanText(input.instructions, 'instructions', 20_000)},
            document_code = ${doc ? doc.code : survey.documentCode}, document_title = ${doc ? doc.title : survey.documentTitle},
            document_kind = ${doc ? doc.kind : survey.documentKind}, document_signed_on = ${doc ? doc.signedOn : survey.documentSignedOn},
            review_kind = ${input.reviewKind ?? survey.reviewKind}, opens_at = ${opensAt}, closes_at = ${closesAt},
            allow_amend = ${input.allowAmend ?? survey.allowAmend}, draft_content = ${JSON.stringify(content)}::jsonb,
            current_version_id = ${versionId}, updated_at = now()
          where id = ${survey.id}`,
    );
  });
  return toSurvey((await surveyById(ctx.em, survey.id))!);
}

/** DRAFT → OPEN: the working copy is checked and frozen as version 1. */
export async function publishSurvey(ctx: Context, id: unknown): Promise<Survey> {
  const survey = await manageableSurvey(ctx, id);
  if (survey.status !== SurveyStatus.DRAFT) {
    throw new SurveyStateError('Chỉ phát hành được bản nháp / only a draft can be published', survey.status);
  }
  assertPublishable(survey.draftContent, survey);
  await ctx.em.transactional(async (em) => {
    const versionId = await insertVersion({ ...ctx, em }, survey.id, survey.draftContent);
    await query(
      em,
      sql`update survey set status = 'OPEN', current_version_id = ${versionId}, opens_at = coalesce(opens_at, now()), updated_at = now()
           where id = ${survey.id}`,
    );
  });
  ctx.log.info({ surveyId: survey.id }, 'survey published');
  return toSurvey((await surveyById(ctx.em, survey.id))!);
}

export async function setSurveyStatus(ctx: Context, id: unknown, to: SurveyStatus.CLOSED | SurveyStatus.ARCHIVED) {
  const survey = await manageableSurvey(ctx, id);
  // Closing looks at what was stored (closing a survey past its deadline makes it final); archiving at
  // how it reads (a survey past every deadline may be archived without closing it first).
  const allowed = to === SurveyStatus.CLOSED ? [SurveyStatus.OPEN] : [SurveyStatus.DRAFT, SurveyStatus.CLOSED];
  if (!allowed.includes(to === SurveyStatus.CLOSED ? survey.storedStatus : survey.status)) {
    throw new SurveyStateError(
      `Không chuyển được từ ${survey.status} sang ${to} / cannot go from ${survey.status} to ${to}`,
      survey.status,
    );
  }
  await query(
    ctx.em,
    sql`update survey set status = ${to}, ${to === SurveyStatus.CLOSED ? sql`closed_at = now(),` : sql``} updated_at = now()
         where id = ${survey.id}`,
  );
  return toSurvey((await surveyById(ctx.em, survey.id))!);
}

/** A new draft with the same metadata and the latest questionnaire; no assignments. */
export async function cloneSurvey(ctx: Context, id: unknown): Promise<Survey> {
  const survey = await manageableSurvey(ctx, id);
  const content = survey.currentVersionId
    ? (await versionById(ctx.em, survey.currentVersionId)).content
    : survey.draftContent;
  return createSurvey(ctx, {
    title: `${survey.title} (bản sao)`.slice(0, 300),
    ownerUnitId: String(survey.ownerUnitId),
    reviewKind: survey.reviewKind,
    description: survey.description,
    instructions: survey.instructions,
    document: survey.documentCode
      ? {
          code: survey.documentCode,
          title: survey.documentTitle,
          kind: survey.documentKind,
          signedOn: survey.documentSignedOn,
        }
      : null,
    opensAt: null,
    closesAt: null,
    allowAmend: survey.allowAmend,
    content: content as unknown as Record<string, unknown>,
  });
}

/** The survey as a `diemcau.survey` file (the latest published version, or the working copy of a draft). */
export async function exportSurveyFile(ctx: Context, id: unknown): Promise<string> {
  const survey = await readableSurvey(ctx, id);
  const content = survey.currentVersionId
    ? (await versionById(ctx.em, survey.currentVersionId)).content
    : survey.draftContent;
  const file: SurveyFile = {
    format: SURVEY_FILE_FORMAT,
    formatVersion: SURVEY_FILE_VERSION,
    title: survey.title,
    description: survey.description,
    instructions: survey.instructions,
    document: survey.documentCode
      ? {
          code: survey.documentCode,
          title: survey.documentTitle,
          kind: survey.documentKind,
          signedOn: survey.documentSignedOn,
        }
      : null,
    reviewKind: survey.reviewKind,
    opensAt: survey.opensAt?.toISOString() ?? null,
    closesAt: survey.closesAt?.toISOString() ?? null,
    allowAmend: survey.allowAmend,
    content: content as unknown as Record<string, unknown>,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A `diemcau.survey` file → a new draft owned by `ownerUnitId`. Every problem of the file at once. */
export async function importSurvey(ctx: Context, ownerUnitId: unknown, text: string): Promise<Survey> {
  requireRole(ctx, 'ORGANIZER');
  const file = parseSurveyFile(text);
  return createSurvey(ctx, {
    title: file.title,
    ownerUnitId: String(ownerUnitId),
    reviewKind: file.reviewKind,
    description: file.description,
    instructions: file.instructions,
    document: file.document ?? null,
    opensAt: file.opensAt ? new Date(file.opensAt) : null,
    closesAt: file.closesAt ? new Date(file.closesAt) : null,
    allowAmend: file.allowAmend,
    content: file.content as unknown as Record<string, unknown>,
  });
}
