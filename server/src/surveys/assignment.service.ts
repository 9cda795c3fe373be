import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { pathInScope, requireViewer } from '../accounts/access.ts';
import type { Viewer } from '../accounts/viewer.ts';
import { query, queryOne, sql } from '../db/sql.ts';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../graphql/app-error.ts';
import { connectionFrom, decodeCursor, pageSize } from '../graphql/connection.ts';
import type { Context } from '../graphql/context.ts';
import { toId } from '../graphql/ids.ts';
import { deriveToken, issueDerivedToken } from '../security/tokens.ts';
import { getUnit } from '../units/unit.service.ts';
import { SurveyClosedError, SurveyStateError } from './survey.errors.ts';
import type { AssignSurveyInput } from './survey.inputs.ts';
import { assignmentState, effectiveDeadline, type SurveyRow } from './survey.repository.ts';
import { manageableSurvey, readableSurvey } from './survey.service.ts';
import { type Assignment, type AssignmentState, type AssignResult, SurveyStatus } from './survey.types.ts';

export type AssignmentRow = Assignment & { unitName: string; selector: string | null; unitPath: string };

/** An assignment row's columns over `assignmentFrom` (the GraphQL Assignment's fields). */
export const assignmentColumns = sql`a.id, a.survey_id as "surveyId", a.unit_id as "unitId", a.unit_level as "unitLevel",
  a.unit_path::text as "unitPath", ${effectiveDeadline} as deadline, (a.deadline is not null and (s.closes_at is null or a.deadline > s.closes_at)) as "deadlineExtended",
  a.assigned_at as "assignedAt", a.first_opened_at as "firstOpenedAt", r.draft_saved_at as "draftSavedAt",
  r.first_submitted_at as "firstSubmittedAt", r.submitted_at as "submittedAt", r.submitted_by as "submittedBy", r.receipt_number as "receiptNumber",
  coalesce(r.amendment_count, 0) as "amendmentCount", ${assignmentState} as state,
  case when l.id is null then 'REVOKED' else 'ACTIVE' end as "linkStatus", l.selector, u.name as "unitName"`;

export const assignmentFrom = sql`assignment a join survey s on s.id = a.survey_id join unit u on u.id = a.unit_id
  left join response r on r.assignment_id = a.id
  left join respondent_link l on l.assignment_id = a.id and l.revoked_at is null and l.replaced_at is null`;

/** FORBIDDEN (with the field) unless the path lies in the viewer's scope. */
function assertInScope(viewer: Viewer, path: string, field: string): void {
  if (!pathInScope(viewer, path)) {
    throw new ForbiddenError('Đơn vị nằm ngoài phạm vi của bạn / the unit is outside your scope', { field });
  }
}

/** FORBIDDEN (with the field) unless the unit lies in the survey's organizing unit's subtree. */
function assertUnderOwner(survey: SurveyRow, path: string, field: string): void {
  if (path !== survey.ownerPath && !path.startsWith(`${survey.ownerPath}.`)) {
    throw new ForbiddenError(
      'Đơn vị không thuộc đơn vị tổ chức khảo sát / the unit is outside the organizing unit’s subtree',
      { field, reason: 'OUTSIDE_OWNER' },
    );
  }
}

/**
 * No more changes to the assignments of a survey closed by hand or archived: SURVEY_CLOSED. One past
 * its deadline only is not final: a unit may still be given more time.
 */
function assertNotClosed(survey: SurveyRow): void {
  if (survey.storedStatus === SurveyStatus.CLOSED || survey.storedStatus === SurveyStatus.ARCHIVED) {
    throw new SurveyClosedError({ status: survey.storedStatus });
  }
}

/** The link a unit opens: `<PUBLIC_URL>/s/<token>`, rebuilt from the stored selector. */
export function respondentUrl(ctx: Context, selector: string): string {
  return `${ctx.runtime.config.publicUrl}/s/${deriveToken('respondent', selector, ctx.runtime.secretKey).token}`;
}

async function newLinks(ctx: Context, assignmentIds: number[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  const issued = assignmentIds.map(() => issueDerivedToken('respondent', ctx.runtime.secretKey));
  await query(
    ctx.em,
    sql`insert into respondent_link (assignment_id, selector, verifier_hash)
        select * from unnest(${assignmentIds}::int[], ${issued.map((t) => t.selector)}::text[], ${issued.map((t) => t.verifierHash)}::bytea[])`,
  );
}

/**
 * Assigns units: listed ones and/or every unit under a subtree of the given kinds and levels, all
 * within the organizer's scope. Each assignment keeps the unit's path as it is now; withdrawn units
 * come back with their history. New assignments get a respondent link.
 */
export async function assignSurvey(ctx: Context, input: AssignSurveyInput): Promise<AssignResult> {
  const survey = await manageableSurvey(ctx, input.surveyId, 'surveyId');
  if (survey.storedStatus !== SurveyStatus.DRAFT && survey.storedStatus !== SurveyStatus.OPEN) {
    throw new SurveyStateError('Khảo sát đã đóng / the survey is closed', survey.status);
  }
  // Every unit in the viewer's scope (getUnit) and under the survey's organizing unit.
  const ids = new Set<number>();
  for (const [i, id] of (input.unitIds ?? []).entries()) {
    const unit = await getUnit(ctx, id, `unitIds[${i}]`);
    assertUnderOwner(survey, unit.path, `unitIds[${i}]`);
    ids.add(unit.id);
  }
  if (input.underId) {
    const under = await getUnit(ctx, input.underId, 'underId');
    assertUnderOwner(survey, under.path, 'underId');
    const kinds = input.kindCodes?.length ? input.kindCodes : null;
    const levels = input.levels?.length ? input.levels : null;
    const rows = await query<{ id: number }>(
      ctx.em,
      sql`select id from unit where path <@ ${under.path}::ltree and id <> ${under.id} and archived_at is null
            ${kinds ? sql`and kind_code = any(${kinds}::text[])` : sql``}
            ${levels ? sql`and level = any(${levels}::int[])` : sql``}`,
    );
    for (const r of rows) ids.add(r.id);
  } else if (input.kindCodes?.length || input.levels?.length) {
    throw new BadUserInputError('kindCodes and levels select units under underId', 'underId');
  }
  if (ids.size === 0 && !input.underId)
    throw new BadUserInputError('Chọn ít nhất một đơn vị / choose at least one unit', 'unitIds');
  if (input.dryRun) {
    // What the insert below would do: active assignments stay, new and withdrawn units are added.
    const active = await queryOne<{ n: number }>(
      ctx.em,
      sql`select count(*)::int as n from assignment
           where survey_id = ${survey.id} and unit_id = any(${[...ids]}::int[]) and withdrawn_at is null`,
    );
    return { added: ids.size - (active?.n ?? 0), alreadyAssigned: active?.n ?? 0 };
  }

  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em };
    const added = await query<{ id: number; hadLink: boolean }>(
      em,
      sql`insert into assignment (survey_id, unit_id, unit_path, unit_level, assigned_by)
          select ${survey.id}, u.id, u.path, u.level, ${ctx.viewer?.accountId ?? null} from unit u where u.id = any(${[...ids]}::int[])
          on conflict (survey_id, unit_id) do update
            set withdrawn_at = null, assigned_at = now(), unit_path = excluded.unit_path, unit_level = excluded.unit_level
            where assignment.withdrawn_at is not null
          returning id, exists (select 1 from respondent_link l where l.assignment_id = assignment.id) as "hadLink"`,
    );
    await newLinks(
      tx,
      added.filter((a) => !a.hadLink).map((a) => a.id),
    );
    ctx.log.info({ surveyId: survey.id, added: added.length }, 'units assigned');
    return { added: added.length, alreadyAssigned: ids.size - added.length };
  });
}

/** Withdraws assignments of this survey within the viewer's scope (any other id: FORBIDDEN, nothing withdrawn). */
export async function withdrawAssignments(ctx: Context, surveyId: unknown, assignmentIds: unknown[]): Promise<number> {
  const survey = await manageableSurvey(ctx, surveyId, 'surveyId');
  assertNotClosed(survey);
  const viewer = requireViewer(ctx);
  const ids = assignmentIds.map((id, i) => toId(id, `assignmentIds[${i}]`));
  const paths = await query<{ id: number; unitPath: string }>(
    ctx.em,
    sql`select id, unit_path::text as "unitPath" from assignment where survey_id = ${survey.id} and id = any(${ids}::int[])`,
  );
  for (const row of paths) assertInScope(viewer, row.unitPath, `assignmentIds[${ids.indexOf(row.id)}]`);
  const rows = await query(
    ctx.em,
    sql`update assignment set withdrawn_at = now()
         where survey_id = ${survey.id} and id = any(${ids}::int[]) and withdrawn_at is null returning id`,
  );
  return rows.length;
}

async function loadAssignment(
  ctx: Context,
  id: unknown,
  manage: boolean,
): Promise<AssignmentRow & { survey: SurveyRow }> {
  const assignmentId = toId(id, 'assignmentId');
  const row = await queryOne<AssignmentRow>(
    ctx.em,
    sql`select ${assignmentColumns} from ${assignmentFrom} where a.id = ${assignmentId}`,
  );
  if (!row) throw new NotFoundError('Assignment', { field: 'assignmentId' });
  const survey = await (manage ? manageableSurvey : readableSurvey)(ctx, row.surveyId, 'assignmentId');
  // The survey being in scope is not enough: the unit (as assigned) must be too.
  assertInScope(requireViewer(ctx), row.unitPath, 'assignmentId');
  return Object.assign(row, { survey });
}

export async function getAssignment(ctx: Context, id: unknown): Promise<AssignmentRow> {
  return loadAssignment(ctx, id, false);
}

/** A later deadline for one unit (or `null`: back to the survey's). */
export async function extendDeadline(
  ctx: Context,
  assignmentId: unknown,
  deadline: Date | null,
): Promise<AssignmentRow> {
  const assignment = await loadAssignment(ctx, assignmentId, true);
  assertNotClosed(assignment.survey);
  if (deadline && deadline.getTime() <= Date.now()) {
    throw new BadUserInputError('Hạn mới phải ở tương lai / the new deadline must be in the future', 'deadline');
  }
  // An extension gives more time, never less: a unit's deadline is the later of its own and the survey's.
  const closesAt = assignment.survey.closesAt;
  if (deadline && closesAt && deadline.getTime() <= closesAt.getTime()) {
    throw new BadUserInputError(
      'Hạn gia hạn phải sau hạn chót của khảo sát / an extension must be later than the survey’s deadline',
      'deadline',
      { surveyDeadline: closesAt.toISOString() },
    );
  }
  await query(ctx.em, sql`update assignment set deadline = ${deadline} where id = ${assignment.id}`);
  return loadAssignment(ctx, assignment.id, true);
}

/** A new link; the old one stops working at once (LINK_REPLACED). Also re-activates a revoked link. */
export async function rotateLink(ctx: Context, assignmentId: unknown): Promise<AssignmentRow> {
  const assignment = await loadAssignment(ctx, assignmentId, true);
  await ctx.em.transactional(async (em) => {
    await query(
      em,
      sql`update respondent_link set replaced_at = now() where assignment_id = ${assignment.id} and replaced_at is null`,
    );
    await newLinks({ ...ctx, em }, [assignment.id]);
  });
  return loadAssignment(ctx, assignment.id, true);
}

export async function revokeLink(ctx: Context, assignmentId: unknown): Promise<AssignmentRow> {
  const assignment = await loadAssignment(ctx, assignmentId, true);
  await query(
    ctx.em,
    sql`update respondent_link set revoked_at = now() where assignment_id = ${assignment.id} and revoked_at is null and replaced_at is null`,
  );
  return loadAssignment(ctx, assignment.id, true);
}

export async function listAssignments(
  ctx: Context,
  surveyId: unknown,
  options: {
    states?: AssignmentState[] | null;
    first?: number | null;
    after?: string | null;
    underPath?: string | null;
    /** Part of the unit's name, accents and case ignored, or its exact code. */
    search?: string | null;
  },
) {
  const survey = await readableSurvey(ctx, surveyId, 'surveyId');
  const viewer = requireViewer(ctx);
  const limit = pageSize(options.first);
  const cursor = decodeCursor(options.after, ['string', 'number']) as [string, number] | null;
  const needle = options.search?.normalize('NFC').trim().slice(0, 100) || null;
  const pattern = needle?.replace(/[\\%_]/g, '\\$&');
  const where = sql`a.survey_id = ${survey.id} and a.withdrawn_at is null
    ${viewer.scopePath ? sql`and a.unit_path <@ ${viewer.scopePath}::ltree` : sql``}
    ${options.underPath ? sql`and a.unit_path <@ ${options.underPath}::ltree` : sql``}
    ${options.states?.length ? sql`and ${assignmentState} = any(${options.states}::text[])` : sql``}
    ${needle ? sql`and (u.name_search like '%' || lower(immutable_unaccent(${pattern}::text)) || '%' or lower(u.code) = lower(${needle}))` : sql``}`;
  const rows = await query<AssignmentRow>(
    ctx.em,
    sql`select ${assignmentColumns} from ${assignmentFrom} where ${where}
          ${cursor ? sql`and (u.name collate "vi-VN-x-icu", a.id) > (${cursor[0]}::text collate "vi-VN-x-icu", ${cursor[1]}::int)` : sql``}
         order by u.name collate "vi-VN-x-icu", a.id limit ${limit + 1}`,
  );
  const total = await queryOne<{ n: number }>(
    ctx.em,
    sql`select count(*)::int as n from ${assignmentFrom} where ${where}`,
  );
  return { ...connectionFrom(rows, limit, (a) => [a.unitName, a.id]), totalCount: total?.n ?? 0 };
}

/** The links for mailing, as CSV with a BOM (Excel): unit code, name, path, state, deadline, link. */
export async function exportLinks(ctx: Context, surveyId: unknown, onlyNotSubmitted: boolean): Promise<string> {
  const survey = await manageableSurvey(ctx, surveyId, 'surveyId');
  const viewer = requireViewer(ctx);
  const rows = await query<{
    code: string;
    name: string;
    pathNames: string;
    state: string;
    deadline: Date | null;
    selector: string | null;
  }>(
    ctx.em,
    sql`select u.code, u.name, (select string_agg(p.name, ' / ' order by p.level) from unit p where p.path @> a.unit_path) as "pathNames",
               ${assignmentState} as state, ${effectiveDeadline} as deadline, l.selector
          from ${assignmentFrom}
         where a.survey_id = ${survey.id} and a.withdrawn_at is null
           ${viewer.scopePath ? sql`and a.unit_path <@ ${viewer.scopePath}::ltree` : sql``}
           ${onlyNotSubmitted ? sql`and (r.status is null or r.status <> 'SUBMITTED')` : sql``}
         order by a.unit_path, u.name collate "vi-VN-x-icu"`,
  );
  const stateVi: Record<string, string> = {
    NOT_OPENED: 'Chưa mở',
    OPENED: 'Đã mở',
    DRAFT: 'Đang điền',
    SUBMITTED: 'Đã gửi',
    AMENDED: 'Đã gửi (có sửa)',
  };
  const body = stringifyCsv(
    rows.map((r) => [
      r.code,
      r.name,
      r.pathNames,
      stateVi[r.state] ?? r.state,
      r.deadline ? r.deadline.toISOString() : '',
      r.selector ? respondentUrl(ctx, r.selector) : '',
    ]),
    {
      header: true,
      columns: ['ma_don_vi', 'ten_don_vi', 'duong_dan', 'trang_thai', 'han_chot', 'lien_ket'],
      record_delimiter: '\r\n',
    },
  );
  return `\uFEFF${body}`;
}
