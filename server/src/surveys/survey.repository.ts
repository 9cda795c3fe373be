import type { QuestionnaireContent } from '@diemcau/schema';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query, queryOne, sql } from '../db/sql.ts';
import { type ReviewKind, type Submission, SubmissionKind, type SurveyStatus } from './survey.types.ts';

export type SurveyRow = {
  id: number;
  title: string;
  description: string;
  instructions: string;
  documentCode: string | null;
  documentTitle: string | null;
  documentKind: string | null;
  documentSignedOn: string | null;
  reviewKind: ReviewKind;
  /** As organizers and respondents see it: an OPEN survey past every deadline reads CLOSED (see effectiveStatus). */
  status: SurveyStatus;
  /** As stored: what the organizer did (publish, close, archive). Management checks use this one. */
  storedStatus: SurveyStatus;
  ownerUnitId: number;
  ownerPath: string;
  opensAt: Date | null;
  closesAt: Date | null;
  allowAmend: boolean;
  draftContent: QuestionnaireContent;
  currentVersionId: number | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * SQL for a survey's status as it reads, given `s` (survey): an OPEN survey whose deadline has passed
 * and whose units have no later deadline of their own is CLOSED — no job needed, nothing to race.
 * Moving the deadline (or extending a unit) opens it again; closeSurvey closes it for good.
 */
export const effectiveStatus = sql`(case when s.status = 'OPEN' and s.closes_at < now()
    and not exists (select 1 from assignment x where x.survey_id = s.id and x.withdrawn_at is null and x.deadline >= now())
  then 'CLOSED' else s.status end)`;

export const surveyColumns = sql`s.id, s.title, s.description, s.instructions, s.document_code as "documentCode",
  s.document_title as "documentTitle", s.document_kind as "documentKind", to_char(s.document_signed_on, 'YYYY-MM-DD') as "documentSignedOn",
  s.review_kind as "reviewKind", ${effectiveStatus} as status, s.status as "storedStatus", s.owner_unit_id as "ownerUnitId", o.path::text as "ownerPath",
  s.opens_at as "opensAt", s.closes_at as "closesAt", s.allow_amend as "allowAmend", s.draft_content as "draftContent",
  s.current_version_id as "currentVersionId", s.created_at as "createdAt", s.updated_at as "updatedAt"`;

export async function surveyById(em: EntityManager, id: number): Promise<SurveyRow | undefined> {
  return queryOne<SurveyRow>(
    em,
    sql`select ${surveyColumns} from survey s join unit o on o.id = s.owner_unit_id where s.id = ${id}`,
  );
}

export type VersionRow = {
  id: number;
  surveyId: number;
  number: number;
  content: QuestionnaireContent;
  publishedAt: Date;
};

/** Versions never change once written: a process-wide cache saves a read per submission. */
const versionCache = new Map<number, VersionRow>();

export async function versionById(em: EntityManager, id: number): Promise<VersionRow> {
  const cached = versionCache.get(id);
  if (cached) return cached;
  const row = await queryOne<VersionRow>(
    em,
    sql`select id, survey_id as "surveyId", number, content, published_at as "publishedAt" from survey_version where id = ${id}`,
  );
  if (!row) throw new Error(`survey version ${id} is missing`);
  if (versionCache.size > 500) versionCache.clear();
  versionCache.set(id, row);
  return row;
}

export async function versionsOf(em: EntityManager, surveyId: number): Promise<VersionRow[]> {
  return query<VersionRow>(
    em,
    sql`select id, survey_id as "surveyId", number, content, published_at as "publishedAt"
          from survey_version where survey_id = ${surveyId} order by number`,
  );
}

/** The deepest unit level among a survey's assignments (as analytics counts them), or null before any. */
export async function deepestAssignedLevel(em: EntityManager, surveyId: number): Promise<number | null> {
  const row = await queryOne<{ n: number | null }>(
    em,
    sql`select max(unit_level) as n from assignment where survey_id = ${surveyId}`,
  );
  return row?.n ?? null;
}

/**
 * SQL for a unit's deadline, given `a` (assignment) and `s` (survey): the later of its extension and
 * the survey's deadline (greatest() skips nulls), so moving the survey's deadline never shortens an extension.
 */
export const effectiveDeadline = sql`greatest(a.deadline, s.closes_at)`;

/** SQL for an assignment's state, given `a` (assignment) and `r` (its response, left-joined). */
export const assignmentState = sql`case
    when r.status = 'SUBMITTED' and r.amendment_count > 0 then 'AMENDED'
    when r.status = 'SUBMITTED' then 'SUBMITTED'
    when r.status = 'DRAFT' then 'DRAFT'
    when a.first_opened_at is not null then 'OPENED'
    else 'NOT_OPENED' end`;

export type ProgressRow = {
  surveyId: number;
  assigned: number;
  notOpened: number;
  opened: number;
  draft: number;
  submitted: number;
  amended: number;
};

/** Progress of many surveys in one statement (withdrawn assignments do not count). */
export async function progressOf(em: EntityManager, surveyIds: readonly number[]): Promise<Map<number, ProgressRow>> {
  const rows = await query<ProgressRow>(
    em,
    sql`select a.survey_id as "surveyId", count(*)::int as assigned,
               count(*) filter (where r.id is null and a.first_opened_at is null)::int as "notOpened",
               count(*) filter (where r.id is null and a.first_opened_at is not null)::int as opened,
               count(*) filter (where r.status = 'DRAFT')::int as draft,
               count(*) filter (where r.status = 'SUBMITTED')::int as submitted,
               count(*) filter (where r.status = 'SUBMITTED' and r.amendment_count > 0)::int as amended
          from assignment a left join response r on r.assignment_id = a.id
         where a.survey_id = any(${[...surveyIds]}::int[]) and a.withdrawn_at is null
         group by a.survey_id`,
  );
  return new Map(rows.map((r) => [r.surveyId, r]));
}

/** The submission history (first, then amendments, oldest first) of many assignments in one statement. */
export async function historyOf(
  em: EntityManager,
  assignmentIds: readonly number[],
): Promise<Map<number, Submission[]>> {
  const rows = await query<Omit<Submission, 'kind'> & { assignmentId: number; kind: 'SUBMIT' | 'AMEND' }>(
    em,
    sql`select r.assignment_id as "assignmentId", s.kind, s.receipt_number as "receiptNumber", s.submitted_at as "submittedAt",
               s.submitted_by as "submittedBy", v.number as "versionNumber", s.changes
          from response_submission s join response r on r.id = s.response_id join survey_version v on v.id = s.version_id
         where r.assignment_id = any(${[...assignmentIds]}::int[])
         order by s.submitted_at, s.id`,
  );
  const byAssignment = new Map<number, Submission[]>();
  for (const { assignmentId, kind, changes, ...row } of rows) {
    const list = byAssignment.get(assignmentId) ?? [];
    list.push({
      ...row,
      kind: kind === 'AMEND' ? SubmissionKind.AMENDMENT : SubmissionKind.FIRST,
      changes: kind === 'AMEND' ? changes : null,
    });
    byAssignment.set(assignmentId, list);
  }
  return byAssignment;
}
