/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Which units to assign: listed ones, and/or every unit under a subtree matching kinds and levels. */
export type AssignSurveyInput = {
  /** Only count: how many units would be added and how many are assigned already; nothing changes. */
  dryRun?: boolean | null | undefined;
  kindCodes?: Array<string> | null | undefined;
  levels?: Array<number> | null | undefined;
  surveyId: string | number;
  /** Every unit under this one (not itself) that matches kindCodes and levels. */
  underId?: string | number | null | undefined;
  unitIds?: Array<string | number> | null | undefined;
};

/** Where a unit is: link not opened, opened, a draft saved, submitted, or submitted and then amended. */
export type AssignmentState =
  | 'AMENDED'
  | 'DRAFT'
  | 'NOT_OPENED'
  | 'OPENED'
  | 'SUBMITTED';

/** BRIDGE_POINTS: one row per bridge point. CHECK_INS: the roll call, one row per participant. */
export type AttendanceFileKind =
  | 'BRIDGE_POINTS'
  | 'CHECK_INS';

export type ConferenceDocumentInput = {
  /** Code such as 21-KL/TW or 13-KH/TU. */
  code: string;
  title: string;
};

/** SCHEDULED → LIVE (started by the organizer) → ENDED (the attendance record is frozen). */
export type ConferenceStatus =
  | 'ENDED'
  | 'LIVE'
  | 'SCHEDULED';

export type ConferencesFilter = {
  status?: ConferenceStatus | null | undefined;
  /** Only conferences organized by this unit or units under it. */
  underUnitId?: string | number | null | undefined;
};

export type CreateAccountInput = {
  displayName: string;
  /** At least 10 characters. */
  password: string;
  role: Role;
  /** Required except for ADMIN. */
  scopeUnitId?: string | number | null | undefined;
  /** Lowercase letters, digits, . _ - (2–64). */
  username: string;
};

export type CreateApiTokenInput = {
  /** Days until it expires (1–365). */
  expiresInDays?: number | null | undefined;
  /** What the token is for, e.g. "Jupyter — báo cáo sơ kết". */
  name: string;
};

export type CreateBridgePointInput = {
  conferenceId: string | number;
  /** Defaults to the unit’s name. */
  displayName?: string | null | undefined;
  expectedHeadcount?: number | null | undefined;
  /** Makes this the host bridge point (the previous host is not). */
  host?: boolean | null | undefined;
  /** A unit at or under the organizing unit. */
  unitId: string | number;
};

/** One bridge point for every unit of the given kinds at or under a unit, in one call. */
export type CreateBridgePointsForUnitsInput = {
  conferenceId: string | number;
  /** Expected headcount of each new bridge point. */
  expectedHeadcount?: number | null | undefined;
  /** Unit kind codes, e.g. ["COMMUNE_COMMITTEE"]. */
  kindCodes: Array<string>;
  /** At or under the organizing unit. */
  underUnitId: string | number;
};

export type CreateConferenceInput = {
  description?: string | null | undefined;
  /** The documents studied (up to 20). */
  documents?: Array<ConferenceDocumentInput> | null | undefined;
  /** The unit that convenes it; must be within your scope. */
  organizingUnitId: string | number;
  scheduledEndAt: string;
  scheduledStartAt: string;
  title: string;
};

export type CreateSurveyInput = {
  allowAmend?: boolean | null | undefined;
  closesAt?: string | null | undefined;
  /** The questionnaire { sections: [...] }. */
  content?: unknown;
  description?: string | null | undefined;
  document?: SurveyDocumentInput | null | undefined;
  instructions?: string | null | undefined;
  opensAt?: string | null | undefined;
  /** The organizing unit; must be in your scope. */
  ownerUnitId: string | number;
  reviewKind: ReviewKind;
  title: string;
};

export type CreateUnitInput = {
  code: string;
  kindCode: string;
  name: string;
  /** Omit for a root unit. */
  parentId?: string | number | null | undefined;
};

export type CreateUnitKindInput = {
  /** UPPER_SNAKE_CASE, e.g. YOUTH_UNION. */
  code: string;
  nameEn: string;
  nameVi: string;
  sortOrder?: number | null | undefined;
};

/** OK: serving; DEGRADED: the database does not answer; SHUTTING_DOWN: draining before exit. */
export type HealthStatus =
  | 'DEGRADED'
  | 'OK'
  | 'SHUTTING_DOWN';

export type LinkStatus =
  | 'ACTIVE'
  | 'REVOKED';

/** Sơ kết (preliminary), tổng kết (final), hằng năm (annual). */
export type ReviewKind =
  | 'ANNUAL'
  | 'FINAL'
  | 'PRELIMINARY';

/** ADMIN: everything. ORGANIZER: creates surveys and conferences within its scope. ANALYST: reads results within its scope. */
export type Role =
  | 'ADMIN'
  | 'ANALYST'
  | 'ORGANIZER';

export type SurveyDocumentInput = {
  code: string;
  kind?: string | null | undefined;
  /** YYYY-MM-DD. */
  signedOn?: string | null | undefined;
  title?: string | null | undefined;
};

/** DRAFT (editable) → OPEN (published, content frozen as a version) → CLOSED (no more writes) → ARCHIVED. */
export type SurveyStatus =
  | 'ARCHIVED'
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN';

/** CSV (UTF-8, header `code,name,kind,parentCode`) or JSON (an array of such objects). */
export type UnitFileFormat =
  | 'CSV'
  | 'JSON';

/** Which units to list. All conditions apply together. */
export type UnitsFilter = {
  includeArchived?: boolean | null | undefined;
  /** Only units of these kinds. */
  kindCodes?: Array<string> | null | undefined;
  /** Only units at this depth (root = 1). */
  level?: number | null | undefined;
  /** Only the children of this unit. */
  parentId?: string | number | null | undefined;
  /** Only this unit and everything under it. */
  underId?: string | number | null | undefined;
};

/** Only the fields given change. */
export type UpdateBridgePointInput = {
  displayName?: string | null | undefined;
  expectedHeadcount?: number | null | undefined;
  /** true makes it the host (the previous host is not). */
  host?: boolean | null | undefined;
  id: string | number;
};

/** Only the fields given change. Not after the conference has ENDED. */
export type UpdateConferenceInput = {
  description?: string | null | undefined;
  documents?: Array<ConferenceDocumentInput> | null | undefined;
  id: string | number;
  /** Lets anyone read the big numbers (`publicLiveCounter`). */
  publicCounter?: boolean | null | undefined;
  scheduledEndAt?: string | null | undefined;
  scheduledStartAt?: string | null | undefined;
  title?: string | null | undefined;
};

/** Only the fields given change. */
export type UpdateSurveyInput = {
  allowAmend?: boolean | null | undefined;
  closesAt?: string | null | undefined;
  content?: unknown;
  description?: string | null | undefined;
  document?: SurveyDocumentInput | null | undefined;
  id: string | number;
  instructions?: string | null | undefined;
  /** With content on an OPEN survey: publish it at once as a new version (else VERSION_FROZEN). */
  newVersion?: boolean | null | undefined;
  opensAt?: string | null | undefined;
  reviewKind?: ReviewKind | null | undefined;
  title?: string | null | undefined;
};

/** Only the fields given change. A new parent moves the whole subtree. */
export type UpdateUnitInput = {
  id: string | number;
  kindCode?: string | null | undefined;
  name?: string | null | undefined;
  /** The new parent; null moves the unit to the top of the tree. */
  parentId?: string | number | null | undefined;
};

export type ApiTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiTokensQuery = { apiTokens: Array<{ id: string, name: string, hint: string, createdAt: string, expiresAt: string, lastUsedAt: string | null, revokedAt: string | null }> };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { token: string, apiToken: { id: string, name: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type SignInMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type SignInMutation = { signIn: { id: string } };

export type AccountsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, username: string, displayName: string, role: Role, disabledAt: string | null, createdAt: string, scopeUnit: { id: string, code: string, name: string } | null } }> } };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { id: string, username: string } };

export type SetAccountDisabledMutationVariables = Exact<{
  id: string | number;
  disabled: boolean;
}>;


export type SetAccountDisabledMutation = { updateAccount: { id: string, disabledAt: string | null } };

export type UpdateAccountAccessMutationVariables = Exact<{
  id: string | number;
  role: Role;
  scopeUnitId?: string | number | null | undefined;
}>;


export type UpdateAccountAccessMutation = { updateAccount: { id: string, role: Role, scopeUnit: { id: string } | null } };

export type ResetAccountPasswordMutationVariables = Exact<{
  id: string | number;
  password: string;
}>;


export type ResetAccountPasswordMutation = { resetAccountPassword: boolean };

export type UnitDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type UnitDetailQuery = { unit: { id: string, code: string, name: string, level: number, kindCode: string, archivedAt: string | null, childCount: number, descendantCount: number, kind: { code: string, nameVi: string, nameEn: string } | null, ancestors: Array<{ id: string, code: string, name: string }> } };

export type UnitKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitKindsQuery = { unitKinds: Array<{ code: string, nameVi: string, nameEn: string, sortOrder: number }> };

export type UpdateUnitMutationVariables = Exact<{
  input: UpdateUnitInput;
}>;


export type UpdateUnitMutation = { updateUnit: { id: string } };

export type ArchiveUnitMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveUnitMutation = { archiveUnit: { id: string, archivedAt: string | null } };

export type RestoreUnitMutationVariables = Exact<{
  id: string | number;
}>;


export type RestoreUnitMutation = { restoreUnit: { id: string, archivedAt: string | null } };

export type CreateUnitMutationVariables = Exact<{
  input: CreateUnitInput;
}>;


export type CreateUnitMutation = { createUnit: { id: string, code: string, name: string } };

export type ImportUnitsMutationVariables = Exact<{
  format: UnitFileFormat;
  content: string;
  dryRun?: boolean | null | undefined;
}>;


export type ImportUnitsMutation = { importUnits: { applied: boolean, rows: number, created: number, updated: number, moved: number, unchanged: number, problems: Array<{ line: number, row: number | null, code: string | null, field: string, problem: string, message: string }> } };

export type ExportUnitsQueryVariables = Exact<{
  format: UnitFileFormat;
}>;


export type ExportUnitsQuery = { exportUnits: string };

export type CreateUnitKindMutationVariables = Exact<{
  input: CreateUnitKindInput;
}>;


export type CreateUnitKindMutation = { createUnitKind: { code: string, nameVi: string, nameEn: string } };

export type UnitChildrenQueryVariables = Exact<{
  filter?: UnitsFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UnitChildrenQuery = { units: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, level: number, archivedAt: string | null, childCount: number, kind: { code: string, nameVi: string, nameEn: string } | null } }> } };

export type AnalyticsSurveysQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AnalyticsSurveysQuery = { analyticsSurveys: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: string, closesAt: string | null, assigned: number, submitted: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type AnalyticsSurveyQueryVariables = Exact<{
  id: string | number;
}>;


export type AnalyticsSurveyQuery = { surveyAnalytics: { surveyId: string, title: string, content: unknown, scopeLevel: number, deepestLevel: number } };

export type AnalyticsOverviewQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
}>;


export type AnalyticsOverviewQuery = { surveyAnalytics: { basis: { responses: number, versions: Array<number> }, progress: { total: { assigned: number, submitted: number, submittedLate: number, drafts: number, notOpened: number, rate: number }, groups: Array<{ unitId: string | null, unitName: string | null, assigned: number, submitted: number, submittedLate: number, drafts: number, notOpened: number, rate: number }> }, indicators: Array<{ key: string, label: string, labelEn: string | null, percent: boolean, total: { value: number | null, responses: number }, groups: Array<{ unitName: string | null, value: number | null, responses: number }> }> } };

export type QuestionChoicesQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
  key: string;
}>;


export type QuestionChoicesQuery = { surveyAnalytics: { question: { choices: { basis: { responses: number, versions: Array<number> }, total: { responses: number, mean: number | null, otherTexts: Array<string>, options: Array<{ key: string, label: string | null, count: number, share: number }> }, groups: Array<{ unitName: string | null, responses: number, mean: number | null, options: Array<{ key: string, count: number, share: number }> }> } } } };

export type QuestionNumbersQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
  key: string;
}>;


export type QuestionNumbersQuery = { surveyAnalytics: { question: { numbers: { basis: { responses: number, versions: Array<number> }, total: { count: number, sum: number | null, mean: number | null, median: number | null, q1: number | null, q3: number | null, min: number | null, max: number | null, histogram: Array<{ from: number, to: number, count: number }> }, groups: Array<{ unitName: string | null, count: number, sum: number | null, mean: number | null, median: number | null }> } } } };

export type CrossTabQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
  rowKey: string;
  columnKey: string;
}>;


export type CrossTabQuery = { surveyAnalytics: { crossTab: { rows: Array<string>, columns: Array<string>, responses: number, cells: Array<{ row: string, column: string, count: number, rowShare: number, columnShare: number }> } } };

export type QuestionDatesQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
  key: string;
}>;


export type QuestionDatesQuery = { surveyAnalytics: { question: { dates: { basis: { responses: number, versions: Array<number> }, total: { count: number, earliest: string | null, latest: string | null, byMonth: Array<{ month: string, count: number }> } } } } };

export type TextAnswersQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
  key: string;
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type TextAnswersQuery = { surveyAnalytics: { textAnswers: { totalCount: number, edges: Array<{ node: { text: string, unitName: string, pathNames: Array<string>, submittedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, username: string, displayName: string, role: Role, scopeUnit: { id: string, code: string, name: string, ancestors: Array<{ id: string, name: string }> } | null } | null };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type ConferencesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ConferencesFilter | null | undefined;
}>;


export type ConferencesQuery = { conferences: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: ConferenceStatus, scheduledStartAt: string, scheduledEndAt: string, bridgePointCount: number, organizingUnit: { id: string, name: string } } }> } };

export type CreateConferenceMutationVariables = Exact<{
  input: CreateConferenceInput;
}>;


export type CreateConferenceMutation = { createConference: { id: string } };

export type ConferenceQueryVariables = Exact<{
  id: string | number;
}>;


export type ConferenceQuery = { conference: { id: string, title: string, description: string, status: ConferenceStatus, scheduledStartAt: string, scheduledEndAt: string, startedAt: string | null, endedAt: string | null, canManage: boolean, publicCounter: boolean, bridgePointCount: number, documents: Array<{ code: string, title: string }>, organizingUnit: { id: string, code: string, name: string, level: number }, hostBridgePoint: { id: string, displayName: string } | null } };

export type ConferenceBridgePointsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConferenceBridgePointsQuery = { conference: { id: string, bridgePoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayName: string, host: boolean, expectedHeadcount: number, checkInCode: string, checkInUrl: string, operatorLink: string | null, operatorLinkActive: boolean, operatorLinkIssuedAt: string | null, firstConnectedAt: string | null, unit: { id: string, code: string, name: string, level: number } } }> } } };

export type CheckInSheetQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CheckInSheetQuery = { conference: { id: string, title: string, scheduledStartAt: string, bridgePoints: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, displayName: string, host: boolean, checkInCode: string, checkInUrl: string, checkInQrCode: string } }> } } };

export type LiveUnitKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveUnitKindsQuery = { unitKinds: Array<{ code: string, nameVi: string, nameEn: string }> };

export type CreateBridgePointsForUnitsMutationVariables = Exact<{
  input: CreateBridgePointsForUnitsInput;
}>;


export type CreateBridgePointsForUnitsMutation = { createBridgePointsForUnits: { created: number, skipped: number } };

export type CreateBridgePointMutationVariables = Exact<{
  input: CreateBridgePointInput;
}>;


export type CreateBridgePointMutation = { createBridgePoint: { id: string, displayName: string } };

export type UpdateBridgePointMutationVariables = Exact<{
  input: UpdateBridgePointInput;
}>;


export type UpdateBridgePointMutation = { updateBridgePoint: { id: string, host: boolean, expectedHeadcount: number, displayName: string } };

export type DeleteBridgePointMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteBridgePointMutation = { deleteBridgePoint: boolean };

export type RotateOperatorLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateOperatorLinkMutation = { rotateOperatorLink: { id: string, operatorLink: string | null, operatorLinkActive: boolean, operatorLinkIssuedAt: string | null } };

export type RevokeOperatorLinkMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeOperatorLinkMutation = { revokeOperatorLink: { id: string, operatorLink: string | null, operatorLinkActive: boolean, operatorLinkIssuedAt: string | null } };

export type StartConferenceMutationVariables = Exact<{
  id: string | number;
}>;


export type StartConferenceMutation = { startConference: { id: string, status: ConferenceStatus, startedAt: string | null } };

export type EndConferenceMutationVariables = Exact<{
  id: string | number;
}>;


export type EndConferenceMutation = { endConference: { id: string, status: ConferenceStatus, endedAt: string | null } };

export type DeleteConferenceMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteConferenceMutation = { deleteConference: boolean };

export type UpdateConferenceMutationVariables = Exact<{
  input: UpdateConferenceInput;
}>;


export type UpdateConferenceMutation = { updateConference: { id: string, publicCounter: boolean } };

export type AttendanceQueryVariables = Exact<{
  id: string | number;
}>;


export type AttendanceQuery = { conference: { id: string, attendance: { final: boolean, generatedAt: string, totals: { bridgePoints: number, everConnected: number, neverConnected: number, expected: number, reported: number, checkIns: number, excusedAbsences: number, peakPresent: number, peakPresentAt: string | null }, bridgePoints: Array<{ bridgePointId: string, displayName: string, unitCode: string, host: boolean, expectedHeadcount: number, reportedHeadcount: number | null, checkIns: number, peakPresent: number, connectedSeconds: number, firstConnectedAt: string | null, excusedAbsences: Array<{ id: string }> }> } } };

export type AttendanceFileQueryVariables = Exact<{
  id: string | number;
  kind?: AttendanceFileKind | null | undefined;
}>;


export type AttendanceFileQuery = { attendanceFile: { filename: string, contentType: string, content: string } };

export type DashboardConferenceQueryVariables = Exact<{
  id: string | number;
}>;


export type DashboardConferenceQuery = { conference: { id: string, title: string, status: ConferenceStatus, scheduledStartAt: string, scheduledEndAt: string, startedAt: string | null, endedAt: string | null, canManage: boolean, documents: Array<{ code: string }> } };

export type TimelineQueryVariables = Exact<{
  id: string | number;
  since?: string | null | undefined;
  bucketSeconds?: number | null | undefined;
}>;


export type TimelineQuery = { conference: { id: string, timeline: Array<{ at: string, present: number, expected: number, connected: number, bridgePoints: number }> } };

export type PublicLiveCounterQueryVariables = Exact<{
  id: string | number;
}>;


export type PublicLiveCounterQuery = { publicLiveCounter: { conferenceId: string, title: string, status: ConferenceStatus, at: string, totals: { bridgePoints: number, connected: number, present: number, expected: number } } };

export type HealthQueryVariables = Exact<{ [key: string]: never; }>;


export type HealthQuery = { health: { status: HealthStatus, database: boolean, version: string, serverTime: string, uptimeSeconds: number } };

export type OrganizerSurveysQueryVariables = Exact<{
  status?: SurveyStatus | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizerSurveysQuery = { surveys: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: SurveyStatus, opensAt: string | null, closesAt: string | null, document: { code: string } | null, ownerUnit: { id: string, name: string } | null, currentVersion: { number: number } | null, progress: { assigned: number, submitted: number, draft: number, opened: number, notOpened: number } } }> } };

export type OrganizerSurveyQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizerSurveyQuery = { survey: { id: string, title: string, description: string, instructions: string, status: SurveyStatus, reviewKind: ReviewKind, opensAt: string | null, closesAt: string | null, allowAmend: boolean, createdAt: string, updatedAt: string, draftContent: unknown, deepestAssignedLevel: number | null, document: { code: string, title: string | null, kind: string | null, signedOn: string | null } | null, ownerUnit: { id: string, code: string, name: string, ancestors: Array<{ id: string, name: string }> } | null, currentVersion: { id: string, number: number, content: unknown, publishedAt: string } | null, versions: Array<{ id: string, number: number, publishedAt: string }>, progress: { assigned: number, submitted: number, draft: number, opened: number, notOpened: number, amended: number } } };

export type CreateSurveyMutationVariables = Exact<{
  input: CreateSurveyInput;
}>;


export type CreateSurveyMutation = { createSurvey: { id: string } };

export type ImportSurveyMutationVariables = Exact<{
  ownerUnitId: string | number;
  file: string;
}>;


export type ImportSurveyMutation = { importSurvey: { id: string } };

export type UpdateSurveyMutationVariables = Exact<{
  input: UpdateSurveyInput;
}>;


export type UpdateSurveyMutation = { updateSurvey: { id: string, status: SurveyStatus, updatedAt: string, currentVersion: { number: number } | null } };

export type PublishSurveyMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishSurveyMutation = { publishSurvey: { id: string, status: SurveyStatus } };

export type CloseSurveyMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseSurveyMutation = { closeSurvey: { id: string, status: SurveyStatus } };

export type ArchiveSurveyMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveSurveyMutation = { archiveSurvey: { id: string, status: SurveyStatus } };

export type CloneSurveyMutationVariables = Exact<{
  id: string | number;
}>;


export type CloneSurveyMutation = { cloneSurvey: { id: string } };

export type ExportSurveyQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportSurveyQuery = { exportSurvey: string };

export type SurveyUnitKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveyUnitKindsQuery = { unitKinds: Array<{ code: string, nameVi: string, nameEn: string, sortOrder: number }> };

export type AssignSurveyMutationVariables = Exact<{
  input: AssignSurveyInput;
}>;


export type AssignSurveyMutation = { assignSurvey: { added: number, alreadyAssigned: number } };

export type SurveyAssignmentsQueryVariables = Exact<{
  surveyId: string | number;
  states?: Array<AssignmentState> | AssignmentState | null | undefined;
  search?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type SurveyAssignmentsQuery = { assignments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, state: AssignmentState, deadline: string | null, deadlineExtended: boolean, firstOpenedAt: string | null, draftSavedAt: string | null, submittedAt: string | null, submittedBy: string | null, receiptNumber: string | null, amendmentCount: number, linkStatus: LinkStatus, link: string | null, unit: { id: string, code: string, name: string, ancestors: Array<{ id: string, name: string }> } | null } }> } };

export type SurveyProgressByLevelQueryVariables = Exact<{
  surveyId: string | number;
  level: number;
}>;


export type SurveyProgressByLevelQuery = { surveyAnalytics: { progress: { total: { assigned: number, submitted: number, submittedLate: number, drafts: number, opened: number, notOpened: number, rate: number }, groups: Array<{ unitId: string | null, unitCode: string | null, unitName: string | null, assigned: number, submitted: number, submittedLate: number, drafts: number, opened: number, notOpened: number, rate: number }> } } };

export type RespondentLinksCsvQueryVariables = Exact<{
  surveyId: string | number;
  onlyNotSubmitted?: boolean | null | undefined;
}>;


export type RespondentLinksCsvQuery = { respondentLinksCsv: string };

export type WithdrawAssignmentsMutationVariables = Exact<{
  surveyId: string | number;
  assignmentIds: Array<string | number> | string | number;
}>;


export type WithdrawAssignmentsMutation = { withdrawAssignments: number };

export type ExtendDeadlineMutationVariables = Exact<{
  assignmentId: string | number;
  deadline?: string | null | undefined;
}>;


export type ExtendDeadlineMutation = { extendDeadline: { id: string, deadline: string | null, deadlineExtended: boolean } };

export type RotateRespondentLinkMutationVariables = Exact<{
  assignmentId: string | number;
}>;


export type RotateRespondentLinkMutation = { rotateRespondentLink: { id: string, link: string | null, linkStatus: LinkStatus } };

export type RevokeRespondentLinkMutationVariables = Exact<{
  assignmentId: string | number;
}>;


export type RevokeRespondentLinkMutation = { revokeRespondentLink: { id: string, link: string | null, linkStatus: LinkStatus } };

export type SearchUnitsQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  includeArchived?: boolean | null | undefined;
}>;


export type SearchUnitsQuery = { searchUnits: Array<{ id: string, code: string, name: string, level: number, archivedAt: string | null, childCount: number, kind: { code: string, nameVi: string, nameEn: string } | null, ancestors: Array<{ id: string, name: string }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ApiTokensDocument = new TypedDocumentString(`
    query ApiTokens {
  apiTokens {
    id
    name
    hint
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiTokensQuery, ApiTokensQueryVariables>;
export const CreateApiTokenDocument = new TypedDocumentString(`
    mutation CreateApiToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) {
    token
    apiToken {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = new TypedDocumentString(`
    mutation RevokeApiToken($id: ID!) {
  revokeApiToken(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($username: String!, $password: String!) {
  signIn(username: $username, password: $password) {
    id
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const AccountsDocument = new TypedDocumentString(`
    query Accounts($first: Int, $after: String) {
  accounts(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        username
        displayName
        role
        disabledAt
        createdAt
        scopeUnit {
          id
          code
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AccountsQuery, AccountsQueryVariables>;
export const CreateAccountDocument = new TypedDocumentString(`
    mutation CreateAccount($input: CreateAccountInput!) {
  createAccount(input: $input) {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<CreateAccountMutation, CreateAccountMutationVariables>;
export const SetAccountDisabledDocument = new TypedDocumentString(`
    mutation SetAccountDisabled($id: ID!, $disabled: Boolean!) {
  updateAccount(input: {id: $id, disabled: $disabled}) {
    id
    disabledAt
  }
}
    `) as unknown as TypedDocumentString<SetAccountDisabledMutation, SetAccountDisabledMutationVariables>;
export const UpdateAccountAccessDocument = new TypedDocumentString(`
    mutation UpdateAccountAccess($id: ID!, $role: Role!, $scopeUnitId: ID) {
  updateAccount(input: {id: $id, role: $role, scopeUnitId: $scopeUnitId}) {
    id
    role
    scopeUnit {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateAccountAccessMutation, UpdateAccountAccessMutationVariables>;
export const ResetAccountPasswordDocument = new TypedDocumentString(`
    mutation ResetAccountPassword($id: ID!, $password: String!) {
  resetAccountPassword(id: $id, password: $password)
}
    `) as unknown as TypedDocumentString<ResetAccountPasswordMutation, ResetAccountPasswordMutationVariables>;
export const UnitDetailDocument = new TypedDocumentString(`
    query UnitDetail($id: ID!) {
  unit(id: $id) {
    id
    code
    name
    level
    kindCode
    archivedAt
    childCount
    descendantCount
    kind {
      code
      nameVi
      nameEn
    }
    ancestors {
      id
      code
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UnitDetailQuery, UnitDetailQueryVariables>;
export const UnitKindsDocument = new TypedDocumentString(`
    query UnitKinds {
  unitKinds {
    code
    nameVi
    nameEn
    sortOrder
  }
}
    `) as unknown as TypedDocumentString<UnitKindsQuery, UnitKindsQueryVariables>;
export const UpdateUnitDocument = new TypedDocumentString(`
    mutation UpdateUnit($input: UpdateUnitInput!) {
  updateUnit(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateUnitMutation, UpdateUnitMutationVariables>;
export const ArchiveUnitDocument = new TypedDocumentString(`
    mutation ArchiveUnit($id: ID!) {
  archiveUnit(id: $id) {
    id
    archivedAt
  }
}
    `) as unknown as TypedDocumentString<ArchiveUnitMutation, ArchiveUnitMutationVariables>;
export const RestoreUnitDocument = new TypedDocumentString(`
    mutation RestoreUnit($id: ID!) {
  restoreUnit(id: $id) {
    id
    archivedAt
  }
}
    `) as unknown as TypedDocumentString<RestoreUnitMutation, RestoreUnitMutationVariables>;
export const CreateUnitDocument = new TypedDocumentString(`
    mutation CreateUnit($input: CreateUnitInput!) {
  createUnit(input: $input) {
    id
    code
    name
  }
}
    `) as unknown as TypedDocumentString<CreateUnitMutation, CreateUnitMutationVariables>;
export const ImportUnitsDocument = new TypedDocumentString(`
    mutation ImportUnits($format: UnitFileFormat!, $content: String!, $dryRun: Boolean) {
  importUnits(format: $format, content: $content, dryRun: $dryRun) {
    applied
    rows
    created
    updated
    moved
    unchanged
    problems {
      line
      row
      code
      field
      problem
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ImportUnitsMutation, ImportUnitsMutationVariables>;
export const ExportUnitsDocument = new TypedDocumentString(`
    query ExportUnits($format: UnitFileFormat!) {
  exportUnits(format: $format)
}
    `) as unknown as TypedDocumentString<ExportUnitsQuery, ExportUnitsQueryVariables>;
export const CreateUnitKindDocument = new TypedDocumentString(`
    mutation CreateUnitKind($input: CreateUnitKindInput!) {
  createUnitKind(input: $input) {
    code
    nameVi
    nameEn
  }
}
    `) as unknown as TypedDocumentString<CreateUnitKindMutation, CreateUnitKindMutationVariables>;
export const UnitChildrenDocument = new TypedDocumentString(`
    query UnitChildren($filter: UnitsFilter, $first: Int, $after: String) {
  units(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        code
        name
        level
        archivedAt
        childCount
        kind {
          code
          nameVi
          nameEn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitChildrenQuery, UnitChildrenQueryVariables>;
export const AnalyticsSurveysDocument = new TypedDocumentString(`
    query AnalyticsSurveys($after: String) {
  analyticsSurveys(first: 50, after: $after) {
    totalCount
    edges {
      node {
        id
        title
        status
        closesAt
        assigned
        submitted
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsSurveysQuery, AnalyticsSurveysQueryVariables>;
export const AnalyticsSurveyDocument = new TypedDocumentString(`
    query AnalyticsSurvey($id: ID!) {
  surveyAnalytics(surveyId: $id) {
    surveyId
    title
    content
    scopeLevel
    deepestLevel
  }
}
    `) as unknown as TypedDocumentString<AnalyticsSurveyQuery, AnalyticsSurveyQueryVariables>;
export const AnalyticsOverviewDocument = new TypedDocumentString(`
    query AnalyticsOverview($surveyId: ID!, $level: Int!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    basis {
      responses
      versions
    }
    progress {
      total {
        assigned
        submitted
        submittedLate
        drafts
        notOpened
        rate
      }
      groups {
        unitId
        unitName
        assigned
        submitted
        submittedLate
        drafts
        notOpened
        rate
      }
    }
    indicators {
      key
      label
      labelEn
      percent
      total {
        value
        responses
      }
      groups {
        unitName
        value
        responses
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AnalyticsOverviewQuery, AnalyticsOverviewQueryVariables>;
export const QuestionChoicesDocument = new TypedDocumentString(`
    query QuestionChoices($surveyId: ID!, $level: Int!, $key: String!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    question(key: $key) {
      choices {
        basis {
          responses
          versions
        }
        total {
          responses
          mean
          options {
            key
            label
            count
            share
          }
          otherTexts
        }
        groups {
          unitName
          responses
          mean
          options {
            key
            count
            share
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionChoicesQuery, QuestionChoicesQueryVariables>;
export const QuestionNumbersDocument = new TypedDocumentString(`
    query QuestionNumbers($surveyId: ID!, $level: Int!, $key: String!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    question(key: $key) {
      numbers(bins: 10) {
        basis {
          responses
          versions
        }
        total {
          count
          sum
          mean
          median
          q1
          q3
          min
          max
          histogram {
            from
            to
            count
          }
        }
        groups {
          unitName
          count
          sum
          mean
          median
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionNumbersQuery, QuestionNumbersQueryVariables>;
export const CrossTabDocument = new TypedDocumentString(`
    query CrossTab($surveyId: ID!, $level: Int!, $rowKey: String!, $columnKey: String!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    crossTab(rowKey: $rowKey, columnKey: $columnKey) {
      rows
      columns
      responses
      cells {
        row
        column
        count
        rowShare
        columnShare
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CrossTabQuery, CrossTabQueryVariables>;
export const QuestionDatesDocument = new TypedDocumentString(`
    query QuestionDates($surveyId: ID!, $level: Int!, $key: String!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    question(key: $key) {
      dates {
        basis {
          responses
          versions
        }
        total {
          count
          earliest
          latest
          byMonth {
            month
            count
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionDatesQuery, QuestionDatesQueryVariables>;
export const TextAnswersDocument = new TypedDocumentString(`
    query TextAnswers($surveyId: ID!, $level: Int!, $key: String!, $search: String, $after: String) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    textAnswers(key: $key, search: $search, first: 20, after: $after) {
      totalCount
      edges {
        node {
          text
          unitName
          pathNames
          submittedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TextAnswersQuery, TextAnswersQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    id
    username
    displayName
    role
    scopeUnit {
      id
      code
      name
      ancestors {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const ConferencesDocument = new TypedDocumentString(`
    query Conferences($first: Int, $after: String, $filter: ConferencesFilter) {
  conferences(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        status
        scheduledStartAt
        scheduledEndAt
        bridgePointCount
        organizingUnit {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConferencesQuery, ConferencesQueryVariables>;
export const CreateConferenceDocument = new TypedDocumentString(`
    mutation CreateConference($input: CreateConferenceInput!) {
  createConference(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateConferenceMutation, CreateConferenceMutationVariables>;
export const ConferenceDocument = new TypedDocumentString(`
    query Conference($id: ID!) {
  conference(id: $id) {
    id
    title
    description
    status
    scheduledStartAt
    scheduledEndAt
    startedAt
    endedAt
    canManage
    publicCounter
    bridgePointCount
    documents {
      code
      title
    }
    organizingUnit {
      id
      code
      name
      level
    }
    hostBridgePoint {
      id
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<ConferenceQuery, ConferenceQueryVariables>;
export const ConferenceBridgePointsDocument = new TypedDocumentString(`
    query ConferenceBridgePoints($id: ID!, $first: Int, $after: String) {
  conference(id: $id) {
    id
    bridgePoints(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          host
          expectedHeadcount
          checkInCode
          checkInUrl
          operatorLink
          operatorLinkActive
          operatorLinkIssuedAt
          firstConnectedAt
          unit {
            id
            code
            name
            level
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ConferenceBridgePointsQuery, ConferenceBridgePointsQueryVariables>;
export const CheckInSheetDocument = new TypedDocumentString(`
    query CheckInSheet($id: ID!, $first: Int, $after: String) {
  conference(id: $id) {
    id
    title
    scheduledStartAt
    bridgePoints(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          displayName
          host
          checkInCode
          checkInUrl
          checkInQrCode
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CheckInSheetQuery, CheckInSheetQueryVariables>;
export const LiveUnitKindsDocument = new TypedDocumentString(`
    query LiveUnitKinds {
  unitKinds {
    code
    nameVi
    nameEn
  }
}
    `) as unknown as TypedDocumentString<LiveUnitKindsQuery, LiveUnitKindsQueryVariables>;
export const CreateBridgePointsForUnitsDocument = new TypedDocumentString(`
    mutation CreateBridgePointsForUnits($input: CreateBridgePointsForUnitsInput!) {
  createBridgePointsForUnits(input: $input) {
    created
    skipped
  }
}
    `) as unknown as TypedDocumentString<CreateBridgePointsForUnitsMutation, CreateBridgePointsForUnitsMutationVariables>;
export const CreateBridgePointDocument = new TypedDocumentString(`
    mutation CreateBridgePoint($input: CreateBridgePointInput!) {
  createBridgePoint(input: $input) {
    id
    displayName
  }
}
    `) as unknown as TypedDocumentString<CreateBridgePointMutation, CreateBridgePointMutationVariables>;
export const UpdateBridgePointDocument = new TypedDocumentString(`
    mutation UpdateBridgePoint($input: UpdateBridgePointInput!) {
  updateBridgePoint(input: $input) {
    id
    host
    expectedHeadcount
    displayName
  }
}
    `) as unknown as TypedDocumentString<UpdateBridgePointMutation, UpdateBridgePointMutationVariables>;
export const DeleteBridgePointDocument = new TypedDocumentString(`
    mutation DeleteBridgePoint($id: ID!) {
  deleteBridgePoint(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteBridgePointMutation, DeleteBridgePointMutationVariables>;
export const RotateOperatorLinkDocument = new TypedDocumentString(`
    mutation RotateOperatorLink($id: ID!) {
  rotateOperatorLink(bridgePointId: $id) {
    id
    operatorLink
    operatorLinkActive
    operatorLinkIssuedAt
  }
}
    `) as unknown as TypedDocumentString<RotateOperatorLinkMutation, RotateOperatorLinkMutationVariables>;
export const RevokeOperatorLinkDocument = new TypedDocumentString(`
    mutation RevokeOperatorLink($id: ID!) {
  revokeOperatorLink(bridgePointId: $id) {
    id
    operatorLink
    operatorLinkActive
    operatorLinkIssuedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeOperatorLinkMutation, RevokeOperatorLinkMutationVariables>;
export const StartConferenceDocument = new TypedDocumentString(`
    mutation StartConference($id: ID!) {
  startConference(id: $id) {
    id
    status
    startedAt
  }
}
    `) as unknown as TypedDocumentString<StartConferenceMutation, StartConferenceMutationVariables>;
export const EndConferenceDocument = new TypedDocumentString(`
    mutation EndConference($id: ID!) {
  endConference(id: $id) {
    id
    status
    endedAt
  }
}
    `) as unknown as TypedDocumentString<EndConferenceMutation, EndConferenceMutationVariables>;
export const DeleteConferenceDocument = new TypedDocumentString(`
    mutation DeleteConference($id: ID!) {
  deleteConference(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteConferenceMutation, DeleteConferenceMutationVariables>;
export const UpdateConferenceDocument = new TypedDocumentString(`
    mutation UpdateConference($input: UpdateConferenceInput!) {
  updateConference(input: $input) {
    id
    publicCounter
  }
}
    `) as unknown as TypedDocumentString<UpdateConferenceMutation, UpdateConferenceMutationVariables>;
export const AttendanceDocument = new TypedDocumentString(`
    query Attendance($id: ID!) {
  conference(id: $id) {
    id
    attendance {
      final
      generatedAt
      totals {
        bridgePoints
        everConnected
        neverConnected
        expected
        reported
        checkIns
        excusedAbsences
        peakPresent
        peakPresentAt
      }
      bridgePoints {
        bridgePointId
        displayName
        unitCode
        host
        expectedHeadcount
        reportedHeadcount
        checkIns
        peakPresent
        connectedSeconds
        firstConnectedAt
        excusedAbsences {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttendanceQuery, AttendanceQueryVariables>;
export const AttendanceFileDocument = new TypedDocumentString(`
    query AttendanceFile($id: ID!, $kind: AttendanceFileKind) {
  attendanceFile(conferenceId: $id, kind: $kind) {
    filename
    contentType
    content
  }
}
    `) as unknown as TypedDocumentString<AttendanceFileQuery, AttendanceFileQueryVariables>;
export const DashboardConferenceDocument = new TypedDocumentString(`
    query DashboardConference($id: ID!) {
  conference(id: $id) {
    id
    title
    status
    scheduledStartAt
    scheduledEndAt
    startedAt
    endedAt
    canManage
    documents {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardConferenceQuery, DashboardConferenceQueryVariables>;
export const TimelineDocument = new TypedDocumentString(`
    query Timeline($id: ID!, $since: DateTimeISO, $bucketSeconds: Int) {
  conference(id: $id) {
    id
    timeline(since: $since, bucketSeconds: $bucketSeconds) {
      at
      present
      expected
      connected
      bridgePoints
    }
  }
}
    `) as unknown as TypedDocumentString<TimelineQuery, TimelineQueryVariables>;
export const PublicLiveCounterDocument = new TypedDocumentString(`
    query PublicLiveCounter($id: ID!) {
  publicLiveCounter(conferenceId: $id) {
    conferenceId
    title
    status
    at
    totals {
      bridgePoints
      connected
      present
      expected
    }
  }
}
    `) as unknown as TypedDocumentString<PublicLiveCounterQuery, PublicLiveCounterQueryVariables>;
export const HealthDocument = new TypedDocumentString(`
    query Health {
  health {
    status
    database
    version
    serverTime
    uptimeSeconds
  }
}
    `) as unknown as TypedDocumentString<HealthQuery, HealthQueryVariables>;
export const OrganizerSurveysDocument = new TypedDocumentString(`
    query OrganizerSurveys($status: SurveyStatus, $after: String) {
  surveys(status: $status, first: 30, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        title
        status
        opensAt
        closesAt
        document {
          code
        }
        ownerUnit {
          id
          name
        }
        currentVersion {
          number
        }
        progress {
          assigned
          submitted
          draft
          opened
          notOpened
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizerSurveysQuery, OrganizerSurveysQueryVariables>;
export const OrganizerSurveyDocument = new TypedDocumentString(`
    query OrganizerSurvey($id: ID!) {
  survey(id: $id) {
    id
    title
    description
    instructions
    status
    reviewKind
    opensAt
    closesAt
    allowAmend
    createdAt
    updatedAt
    draftContent
    document {
      code
      title
      kind
      signedOn
    }
    ownerUnit {
      id
      code
      name
      ancestors {
        id
        name
      }
    }
    currentVersion {
      id
      number
      content
      publishedAt
    }
    versions {
      id
      number
      publishedAt
    }
    progress {
      assigned
      submitted
      draft
      opened
      notOpened
      amended
    }
    deepestAssignedLevel
  }
}
    `) as unknown as TypedDocumentString<OrganizerSurveyQuery, OrganizerSurveyQueryVariables>;
export const CreateSurveyDocument = new TypedDocumentString(`
    mutation CreateSurvey($input: CreateSurveyInput!) {
  createSurvey(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateSurveyMutation, CreateSurveyMutationVariables>;
export const ImportSurveyDocument = new TypedDocumentString(`
    mutation ImportSurvey($ownerUnitId: ID!, $file: String!) {
  importSurvey(ownerUnitId: $ownerUnitId, file: $file) {
    id
  }
}
    `) as unknown as TypedDocumentString<ImportSurveyMutation, ImportSurveyMutationVariables>;
export const UpdateSurveyDocument = new TypedDocumentString(`
    mutation UpdateSurvey($input: UpdateSurveyInput!) {
  updateSurvey(input: $input) {
    id
    status
    updatedAt
    currentVersion {
      number
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateSurveyMutation, UpdateSurveyMutationVariables>;
export const PublishSurveyDocument = new TypedDocumentString(`
    mutation PublishSurvey($id: ID!) {
  publishSurvey(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PublishSurveyMutation, PublishSurveyMutationVariables>;
export const CloseSurveyDocument = new TypedDocumentString(`
    mutation CloseSurvey($id: ID!) {
  closeSurvey(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CloseSurveyMutation, CloseSurveyMutationVariables>;
export const ArchiveSurveyDocument = new TypedDocumentString(`
    mutation ArchiveSurvey($id: ID!) {
  archiveSurvey(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ArchiveSurveyMutation, ArchiveSurveyMutationVariables>;
export const CloneSurveyDocument = new TypedDocumentString(`
    mutation CloneSurvey($id: ID!) {
  cloneSurvey(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloneSurveyMutation, CloneSurveyMutationVariables>;
export const ExportSurveyDocument = new TypedDocumentString(`
    query ExportSurvey($id: ID!) {
  exportSurvey(id: $id)
}
    `) as unknown as TypedDocumentString<ExportSurveyQuery, ExportSurveyQueryVariables>;
export const SurveyUnitKindsDocument = new TypedDocumentString(`
    query SurveyUnitKinds {
  unitKinds {
    code
    nameVi
    nameEn
    sortOrder
  }
}
    `) as unknown as TypedDocumentString<SurveyUnitKindsQuery, SurveyUnitKindsQueryVariables>;
export const AssignSurveyDocument = new TypedDocumentString(`
    mutation AssignSurvey($input: AssignSurveyInput!) {
  assignSurvey(input: $input) {
    added
    alreadyAssigned
  }
}
    `) as unknown as TypedDocumentString<AssignSurveyMutation, AssignSurveyMutationVariables>;
export const SurveyAssignmentsDocument = new TypedDocumentString(`
    query SurveyAssignments($surveyId: ID!, $states: [AssignmentState!], $search: String, $after: String) {
  assignments(
    surveyId: $surveyId
    states: $states
    search: $search
    first: 50
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        state
        deadline
        deadlineExtended
        firstOpenedAt
        draftSavedAt
        submittedAt
        submittedBy
        receiptNumber
        amendmentCount
        linkStatus
        link
        unit {
          id
          code
          name
          ancestors {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SurveyAssignmentsQuery, SurveyAssignmentsQueryVariables>;
export const SurveyProgressByLevelDocument = new TypedDocumentString(`
    query SurveyProgressByLevel($surveyId: ID!, $level: Int!) {
  surveyAnalytics(surveyId: $surveyId, level: $level) {
    progress {
      total {
        assigned
        submitted
        submittedLate
        drafts
        opened
        notOpened
        rate
      }
      groups {
        unitId
        unitCode
        unitName
        assigned
        submitted
        submittedLate
        drafts
        opened
        notOpened
        rate
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SurveyProgressByLevelQuery, SurveyProgressByLevelQueryVariables>;
export const RespondentLinksCsvDocument = new TypedDocumentString(`
    query RespondentLinksCsv($surveyId: ID!, $onlyNotSubmitted: Boolean) {
  respondentLinksCsv(surveyId: $surveyId, onlyNotSubmitted: $onlyNotSubmitted)
}
    `) as unknown as TypedDocumentString<RespondentLinksCsvQuery, RespondentLinksCsvQueryVariables>;
export const WithdrawAssignmentsDocument = new TypedDocumentString(`
    mutation WithdrawAssignments($surveyId: ID!, $assignmentIds: [ID!]!) {
  withdrawAssignments(surveyId: $surveyId, assignmentIds: $assignmentIds)
}
    `) as unknown as TypedDocumentString<WithdrawAssignmentsMutation, WithdrawAssignmentsMutationVariables>;
export const ExtendDeadlineDocument = new TypedDocumentString(`
    mutation ExtendDeadline($assignmentId: ID!, $deadline: DateTimeISO) {
  extendDeadline(assignmentId: $assignmentId, deadline: $deadline) {
    id
    deadline
    deadlineExtended
  }
}
    `) as unknown as TypedDocumentString<ExtendDeadlineMutation, ExtendDeadlineMutationVariables>;
export const RotateRespondentLinkDocument = new TypedDocumentString(`
    mutation RotateRespondentLink($assignmentId: ID!) {
  rotateRespondentLink(assignmentId: $assignmentId) {
    id
    link
    linkStatus
  }
}
    `) as unknown as TypedDocumentString<RotateRespondentLinkMutation, RotateRespondentLinkMutationVariables>;
export const RevokeRespondentLinkDocument = new TypedDocumentString(`
    mutation RevokeRespondentLink($assignmentId: ID!) {
  revokeRespondentLink(assignmentId: $assignmentId) {
    id
    link
    linkStatus
  }
}
    `) as unknown as TypedDocumentString<RevokeRespondentLinkMutation, RevokeRespondentLinkMutationVariables>;
export const SearchUnitsDocument = new TypedDocumentString(`
    query SearchUnits($query: String!, $first: Int, $includeArchived: Boolean) {
  searchUnits(query: $query, first: $first, includeArchived: $includeArchived) {
    id
    code
    name
    level
    archivedAt
    childCount
    kind {
      code
      nameVi
      nameEn
    }
    ancestors {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SearchUnitsQuery, SearchUnitsQueryVariables>;