import { type Answers, validateAnswers } from '@diemcau/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../accounts/rate-limit.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError } from '../graphql/app-error.ts';
import type { Context } from '../graphql/context.ts';
import { parseToken, verifierMatches } from '../security/tokens.ts';
import { diffAnswers, normaliseAnswers, toAnswerRows } from './answer-rows.ts';
import {
  AlreadySubmittedError,
  AmendNotAllowedError,
  LinkError,
  NotSubmittedError,
  SurveyClosedError,
  SurveyNotOpenError,
  ValidationFailedError,
  VersionChangedError,
} from './survey.errors.ts';
import { effectiveDeadline, type VersionRow, versionById } from './survey.repository.ts';
import { toSurvey } from './survey.service.ts';
import {
  AssignmentState,
  type Receipt,
  RespondentClosedReason,
  type RespondentQuestionnaire,
  SurveyStatus,
} from './survey.types.ts';

/**
 * Respondent links per token and per client address (a commune office NAT may carry many units).
 * In memory, per process: with several processes (CLUSTER_NODES) each counts on its own, so the
 * limits reachable are that many times higher (see README, "Rate limits").
 */
const byToken = new RateLimiterMemory({ keyPrefix: 'respond-token', points: 120, duration: 60 });
const byIp = new RateLimiterMemory({ keyPrefix: 'respond-ip', points: 1200, duration: 60 });

async function limit(selector: string, ip: string): Promise<void> {
  try {
    await Promise.all([byToken.consume(selector), byIp.consume(ip)]);
  } catch (res) {
    if (res instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    throw res;
  }
}

type LinkRow = {
  linkId: number;
  verifierHash: Buffer;
  revokedAt: Date | null;
  replacedAt: Date | null;
  assignmentId: number;
  unitId: number;
  unitPath: string;
  withdrawnAt: Date | null;
  firstOpenedAt: Date | null;
  deadline: Date | null;
  surveyId: number;
  status: SurveyStatus;
  opensAt: Date | null;
  allowAmend: boolean;
  currentVersionId: number | null;
};

/** The assignment behind a respondent link, or the reason the link no longer works. */
async function resolveLink(ctx: Context, token: string): Promise<LinkRow> {
  const parsed = parseToken('respondent', token);
  if (!parsed) throw new LinkError('LINK_INVALID');
  await limit(parsed.selector, ctx.ip);
  const link = await queryOne<LinkRow>(
    ctx.em,
    sql`select l.id as "linkId", l.verifier_hash as "verifierHash", l.revoked_at as "revokedAt", l.replaced_at as "replacedAt",
               a.id as "assignmentId", a.unit_id as "unitId", a.unit_path::text as "unitPath", a.withdrawn_at as "withdrawnAt",
               a.first_opened_at as "firstOpenedAt", ${effectiveDeadline} as deadline,
               s.id as "surveyId", s.status, s.opens_at as "opensAt", s.allow_amend as "allowAmend",
               s.current_version_id as "currentVersionId"
          from respondent_link l join assignment a on a.id = l.assignment_id join survey s on s.id = a.survey_id
         where l.selector = ${parsed.selector}`,
  );
  if (!link || !verifierMatches(parsed.verifier, link.verifierHash)) throw new LinkError('LINK_INVALID');
  if (link.revokedAt) throw new LinkError('LINK_REVOKED');
  if (link.replacedAt) throw new LinkError('LINK_REPLACED');
  if (link.withdrawnAt) throw new LinkError('ASSIGNMENT_WITHDRAWN');
  if (link.status === SurveyStatus.DRAFT || !link.currentVersionId) throw new SurveyNotOpenError(link.opensAt);
  return link;
}

/** Why a link cannot be written to now, or null while it can. */
function closedReason(
  link: Pick<LinkRow, 'status' | 'deadline' | 'opensAt'>,
  now = Date.now(),
): RespondentClosedReason | null {
  if (link.status !== SurveyStatus.OPEN) return RespondentClosedReason.CLOSED;
  if (link.opensAt && link.opensAt.getTime() > now) return RespondentClosedReason.NOT_OPEN_YET;
  if (link.deadline && link.deadline.getTime() < now) return RespondentClosedReason.DEADLINE_PASSED;
  return null;
}

function isWritable(link: Pick<LinkRow, 'status' | 'deadline' | 'opensAt'>, now = Date.now()): boolean {
  return closedReason(link, now) === null;
}

function assertWritable(link: LinkRow): void {
  const reason = closedReason(link);
  if (reason === RespondentClosedReason.NOT_OPEN_YET) throw new SurveyNotOpenError(link.opensAt);
  if (reason) throw new SurveyClosedError({ deadline: link.deadline, status: link.status, reason });
}

type ResponseRow = {
  id: number;
  status: 'DRAFT' | 'SUBMITTED';
  answers: Answers;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  submittedBy: string | null;
  receiptNumber: string | null;
  amendmentCount: number;
  versionNumber: number | null;
};

const responseColumns = sql`r.id, r.status, r.answers, r.draft_saved_at as "draftSavedAt", r.submitted_at as "submittedAt",
  r.submitted_by as "submittedBy", r.receipt_number as "receiptNumber", r.amendment_count as "amendmentCount",
  (select number from survey_version v where v.id = r.version_id) as "versionNumber"`;

function receiptOf(r: ResponseRow): Receipt | null {
  if (r.status !== 'SUBMITTED' || !r.receiptNumber || !r.submittedAt) return null;
  return {
    number: r.receiptNumber,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy ?? '',
    versionNumber: r.versionNumber ?? 0,
    amendment: r.amendmentCount > 0,
  };
}

/** What the link opens; the first opening is recorded. Closed surveys still show what was sent. */
export async function openQuestionnaire(ctx: Context, token: string): Promise<RespondentQuestionnaire> {
  const link = await resolveLink(ctx, token);
  if (!link.firstOpenedAt) {
    await query(
      ctx.em,
      sql`update assignment set first_opened_at = now() where id = ${link.assignmentId} and first_opened_at is null`,
    );
  }
  const [survey, version, unit, response] = await Promise.all([
    queryOne<Parameters<typeof toSurvey>[0]>(
      ctx.em,
      sql`select s.id, s.title, s.description, s.instructions, s.document_code as "documentCode", s.document_title as "documentTitle",
                 s.document_kind as "documentKind", to_char(s.document_signed_on, 'YYYY-MM-DD') as "documentSignedOn",
                 s.review_kind as "reviewKind", s.draft_content as "draftContent"
            from survey s where s.id = ${link.surveyId}`,
    ),
    versionById(ctx.em, link.currentVersionId!),
    queryOne<{ code: string; name: string; pathNames: string[] }>(
      ctx.em,
      sql`select u.code, u.name,
                 array(select p.name from unit p where p.path @> ${link.unitPath}::ltree order by p.level) as "pathNames"
            from unit u where u.id = ${link.unitId}`,
    ),
    queryOne<ResponseRow>(
      ctx.em,
      sql`select ${responseColumns} from response r where r.assignment_id = ${link.assignmentId}`,
    ),
  ]);
  const s = toSurvey(survey!);
  const reason = closedReason(link);
  const writable = reason === null;
  const state = !response
    ? AssignmentState.OPENED
    : response.status === 'DRAFT'
      ? AssignmentState.DRAFT
      : response.amendmentCount > 0
        ? AssignmentState.AMENDED
        : AssignmentState.SUBMITTED;
  return {
    title: s.title,
    description: s.description,
    instructions: s.instructions,
    document: s.document,
    reviewKind: s.reviewKind,
    version: { ...version, content: version.content as unknown as Record<string, unknown> },
    unit: unit!,
    opensAt: link.opensAt,
    deadline: link.deadline,
    state,
    answers: (response?.answers ?? {}) as Record<string, unknown>,
    draftSavedAt: response?.draftSavedAt ?? null,
    receipt: response ? receiptOf(response) : null,
    writable,
    closedReason: reason,
    canAmend: writable && link.allowAmend && response?.status === 'SUBMITTED',
  };
}

function asAnswers(value: unknown): Answers {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadUserInputError('answers must be an object', 'answers');
  return value as Answers;
}

/**
 * The version a respondent is answering: the one its form says (`versionNumber`), else the current
 * one. An unknown number is BAD_USER_INPUT; `current` is the version respondents answer now.
 */
async function answeredVersion(
  ctx: Context,
  link: LinkRow,
  versionNumber: number | null | undefined,
): Promise<{ version: VersionRow; current: VersionRow }> {
  const current = await versionById(ctx.em, link.currentVersionId!);
  if (versionNumber === null || versionNumber === undefined || versionNumber === current.number)
    return { version: current, current };
  const row = await queryOne<{ id: number }>(
    ctx.em,
    sql`select id from survey_version where survey_id = ${link.surveyId} and number = ${versionNumber}`,
  );
  if (!row) {
    throw new BadUserInputError('Không có phiên bản phiếu này / no such version', 'versionNumber', {
      currentVersionNumber: current.number,
    });
  }
  return { version: await versionById(ctx.em, row.id), current };
}

/**
 * Partial answers, type-checked only; the latest save wins. Cheap and idempotent for autosave. A
 * draft of an earlier version (the form was opened before a new one was published) is still saved,
 * checked against the version it answers; `versionNumber` in the result is the current one, so the
 * form knows to reload.
 */
export async function saveDraft(
  ctx: Context,
  token: string,
  rawAnswers: unknown,
  versionNumber?: number | null,
): Promise<{ savedAt: Date; versionNumber: number }> {
  const link = await resolveLink(ctx, token);
  assertWritable(link);
  const { version, current } = await answeredVersion(ctx, link, versionNumber);
  const answers = asAnswers(rawAnswers);
  const problems = validateAnswers(version.content, answers, 'draft');
  if (problems.length > 0) throw ValidationFailedError.fromAnswers(problems);
  const saved = await queryOne<{ savedAt: Date }>(
    ctx.em,
    sql`insert into response (assignment_id, survey_id, unit_path, status, version_id, answers, draft_saved_at)
        values (${link.assignmentId}, ${link.surveyId}, ${link.unitPath}::ltree, 'DRAFT', ${version.id},
                ${JSON.stringify(normaliseAnswers(answers))}::jsonb, now())
        on conflict (assignment_id) do update
          set answers = excluded.answers, version_id = excluded.version_id, draft_saved_at = now(), updated_at = now()
          where response.status = 'DRAFT'
        returning draft_saved_at as "savedAt"`,
  );
  if (!saved) {
    const r = await queryOne<{ receiptNumber: string }>(
      ctx.em,
      sql`select receipt_number as "receiptNumber" from response where assignment_id = ${link.assignmentId}`,
    );
    throw new AlreadySubmittedError(r?.receiptNumber ?? null);
  }
  return { savedAt: saved.savedAt, versionNumber: current.number };
}

const idempotencyKeyPattern = /^[A-Za-z0-9._:-]{8,100}$/;

/**
 * A retried request (same idempotency key) gets the receipt it had, before anything else is
 * checked: whatever changed since (a new version, the deadline), a retry never turns into an error.
 * Then, when the form says which version it answered (`versionNumber`) and that is no longer the
 * current one: VERSION_CHANGED with the current number, nothing stored (the form reloads the new
 * version; keys keep their meaning across versions, so the answers carry over).
 * Then full validation with the shared rules (every problem at once), then one atomic statement: the
 * response, its typed answer rows (batched) and the submission record. Exactly once: the unique
 * assignment_id serialises concurrent submits (one wins, the others get ALREADY_SUBMITTED), and a
 * retried request with the same idempotency key gets the same receipt. After a submission the unit
 * may amend (intent `amend`) until its deadline when the survey allows it; each amendment is kept
 * with what changed.
 */
export async function submitResponse(
  ctx: Context,
  token: string,
  rawAnswers: unknown,
  submittedByRaw: string,
  idempotencyKey: string,
  intent: 'submit' | 'amend' = 'submit',
  versionNumber?: number | null,
): Promise<Receipt> {
  if (!idempotencyKeyPattern.test(idempotencyKey)) {
    throw new BadUserInputError('idempotencyKey: 8–100 characters of A-Z a-z 0-9 . _ : -', 'idempotencyKey');
  }
  const submittedBy = submittedByRaw.normalize('NFC').trim();
  if (!submittedBy || submittedBy.length > 200) {
    throw new BadUserInputError('Ghi rõ họ tên người gửi (tối đa 200 ký tự) / who is submitting', 'submittedBy');
  }
  const link = await resolveLink(ctx, token);
  const answers = normaliseAnswers(asAnswers(rawAnswers));
  const earlier = await earlierSubmission(ctx.em, link.assignmentId, idempotencyKey);
  if (earlier) return earlier;
  const { version, current } = await answeredVersion(ctx, link, versionNumber);
  if (version.id !== current.id) throw new VersionChangedError(version.number, current.number);
  if (intent === 'amend') return amend(ctx, link, version, answers, submittedBy, idempotencyKey);

  if (isWritable(link)) {
    const problems = validateAnswers(version.content, answers, 'submit');
    if (problems.length > 0) throw ValidationFailedError.fromAnswers(problems);
    const rows = toAnswerRows(version.content, answers);
    // One statement: the response (new, or the unit's draft), its answer rows and the submission
    // record. A response already submitted is left alone (no row comes back); a concurrent first
    // submit waits on the unique assignment_id and then sees the winner's row.
    const done = await queryOne<{ id: number; submittedAt: Date; number: string }>(
      ctx.em,
      sql`with r as (
            insert into response (assignment_id, survey_id, unit_path, status, version_id, answers, first_submitted_at,
                                  submitted_at, submitted_by, receipt_number)
            values (${link.assignmentId}, ${link.surveyId}, ${link.unitPath}::ltree, 'SUBMITTED', ${version.id},
                    ${JSON.stringify(answers)}::jsonb, now(), now(), ${submittedBy},
                    'KS' || ${link.surveyId}::text || '-' || lpad(nextval('receipt_seq')::text, 6, '0'))
            on conflict (assignment_id) do update
              set status = 'SUBMITTED', version_id = excluded.version_id, answers = excluded.answers,
                  first_submitted_at = now(), submitted_at = now(), submitted_by = excluded.submitted_by,
                  receipt_number = excluded.receipt_number, updated_at = now()
              where response.status = 'DRAFT'
            returning id, submitted_at, receipt_number),
          a as (
            insert into answer (response_id, survey_id, unit_path, question_key, option_key, numeric_value, text_value, date_value)
            select r.id, ${link.surveyId}, ${link.unitPath}::ltree, x.q, x.o, x.n, x.t, x.d
              from r, unnest(${rows.map((r) => r.questionKey)}::text[], ${rows.map((r) => r.optionKey)}::text[],
                             ${rows.map((r) => r.numericValue)}::numeric[], ${rows.map((r) => r.textValue)}::text[],
                             ${rows.map((r) => r.dateValue)}::date[]) as x(q, o, n, t, d)),
          s as (
            insert into response_submission (response_id, idempotency_key, kind, receipt_number, submitted_by, version_id)
            select r.id, ${idempotencyKey}, 'SUBMIT', r.receipt_number, ${submittedBy}, ${version.id} from r)
        select id, submitted_at as "submittedAt", receipt_number as number from r`,
    );
    if (done) {
      ctx.log.info(
        { assignmentId: link.assignmentId, receipt: done.number, answers: rows.length },
        'response submitted',
      );
      return {
        number: done.number,
        submittedAt: done.submittedAt,
        submittedBy,
        versionNumber: version.number,
        amendment: false,
      };
    }
  }
  // Nothing written: a retry of an earlier submission, one already there, or the survey is closed.
  const retry = await earlierSubmission(ctx.em, link.assignmentId, idempotencyKey);
  if (retry) return retry;
  assertWritable(link);
  const existing = await queryOne<{ receiptNumber: string | null }>(
    ctx.em,
    sql`select receipt_number as "receiptNumber" from response where assignment_id = ${link.assignmentId}`,
  );
  throw new AlreadySubmittedError(existing?.receiptNumber ?? null);
}

/** The receipt of an earlier submission or amendment with this idempotency key, if any. */
async function earlierSubmission(
  em: EntityManager,
  assignmentId: number,
  idempotencyKey: string,
): Promise<Receipt | null> {
  const row = await queryOne<{
    number: string;
    submittedAt: Date;
    submittedBy: string;
    kind: string;
    versionNumber: number;
  }>(
    em,
    sql`select s.receipt_number as number, s.submitted_at as "submittedAt", s.submitted_by as "submittedBy", s.kind,
               v.number as "versionNumber"
          from response_submission s join response r on r.id = s.response_id join survey_version v on v.id = s.version_id
         where r.assignment_id = ${assignmentId} and s.idempotency_key = ${idempotencyKey}`,
  );
  return row ? { ...row, amendment: row.kind === 'AMEND' } : null;
}

/** An amendment: in a transaction with the assignment locked, kept in history with what changed. */
async function amend(
  ctx: Context,
  link: LinkRow,
  version: VersionRow,
  answers: Answers,
  submittedBy: string,
  idempotencyKey: string,
): Promise<Receipt> {
  return ctx.em.transactional(async (em) => {
    // Lock first: the reads after it get a fresh snapshot (read committed) with whatever the
    // previous holder committed.
    await query(em, sql`select 1 from assignment where id = ${link.assignmentId} for update`);
    const retry = await earlierSubmission(em, link.assignmentId, idempotencyKey);
    if (retry) return retry;
    assertWritable(link);
    const existing = await queryOne<{ id: number; status: string; answers: Answers }>(
      em,
      sql`select id, status, answers from response where assignment_id = ${link.assignmentId}`,
    );
    if (existing?.status !== 'SUBMITTED') throw new NotSubmittedError();
    if (!link.allowAmend) throw new AmendNotAllowedError();
    const problems = validateAnswers(version.content, answers, 'submit');
    if (problems.length > 0) throw ValidationFailedError.fromAnswers(problems);

    const response = await queryOne<{ submittedAt: Date; number: string }>(
      em,
      sql`update response set version_id = ${version.id}, answers = ${JSON.stringify(answers)}::jsonb, submitted_at = now(),
                 submitted_by = ${submittedBy}, amendment_count = amendment_count + 1, updated_at = now(),
                 receipt_number = 'KS' || ${link.surveyId}::text || '-' || lpad(nextval('receipt_seq')::text, 6, '0')
           where id = ${existing.id}
          returning submitted_at as "submittedAt", receipt_number as number`,
    );
    await query(em, sql`delete from answer where response_id = ${existing.id}`);
    const rows = toAnswerRows(version.content, answers);
    if (rows.length > 0) {
      await query(
        em,
        sql`insert into answer (response_id, survey_id, unit_path, question_key, option_key, numeric_value, text_value, date_value)
            select ${existing.id}, ${link.surveyId}, ${link.unitPath}::ltree, q, o, n, t, d
              from unnest(${rows.map((r) => r.questionKey)}::text[], ${rows.map((r) => r.optionKey)}::text[],
                          ${rows.map((r) => r.numericValue)}::numeric[], ${rows.map((r) => r.textValue)}::text[],
                          ${rows.map((r) => r.dateValue)}::date[]) as x(q, o, n, t, d)`,
      );
    }
    await query(
      em,
      sql`insert into response_submission (response_id, idempotency_key, kind, receipt_number, submitted_by, version_id, changes)
          values (${existing.id}, ${idempotencyKey}, 'AMEND', ${response!.number}, ${submittedBy}, ${version.id},
                  ${JSON.stringify(diffAnswers(existing.answers, answers))}::jsonb)`,
    );
    ctx.log.info({ assignmentId: link.assignmentId, receipt: response!.number }, 'response amended');
    return {
      number: response!.number,
      submittedAt: response!.submittedAt,
      submittedBy,
      versionNumber: version.number,
      amendment: true,
    };
  });
}
