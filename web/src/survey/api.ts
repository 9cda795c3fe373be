/**
 * The respondent form's GraphQL client: a plain `fetch` with the operation text, no cookies (a link's
 * token is the credential), against the API the script was loaded from — possibly another origin
 * than the page's, which the server allows through `PUBLIC_ORIGINS` (CORS).
 */

export type ApiProblem = {
  message: string;
  extensions?: {
    code?: string;
    questionKey?: string;
    field?: string;
    params?: Record<string, string | number>;
    /** SURVEY_NOT_OPEN: when it opens. */
    opensAt?: string;
  };
};

/** `codes` holds each error's `extensions.code`, or `NETWORK_ERROR` when no answer arrived. */
export class ApiError extends Error {
  constructor(
    readonly codes: string[],
    readonly problems: ApiProblem[] = [],
  ) {
    super(codes.join(', '));
  }
  get offline(): boolean {
    return this.codes.includes('NETWORK_ERROR');
  }
}

export type Receipt = {
  number: string;
  submittedAt: string;
  submittedBy: string;
  amendment: boolean;
};

export type Questionnaire = {
  title: string;
  description: string;
  instructions: string;
  /** When the survey opens for answers (null: as soon as it is published). */
  opensAt: string | null;
  deadline: string | null;
  document: { code: string; title: string | null } | null;
  unit: { code: string; name: string; pathNames: string[] };
  version: { number: number; content: import('@diemcau/schema').QuestionnaireContent };
  state: 'NOT_OPENED' | 'OPENED' | 'DRAFT' | 'SUBMITTED' | 'AMENDED';
  answers: import('@diemcau/schema').Answers;
  draftSavedAt: string | null;
  receipt: Receipt | null;
  writable: boolean;
  /** Why nothing can be written now; null while writable. */
  closedReason: ClosedReason | null;
  canAmend: boolean;
};

export type ClosedReason = 'NOT_OPEN_YET' | 'CLOSED' | 'DEADLINE_PASSED';

const receiptFields = 'number submittedAt submittedBy amendment';

export const QUESTIONNAIRE = `query Questionnaire($t: String!) { questionnaire(token: $t) {
  title description instructions opensAt deadline document { code title } unit { code name pathNames }
  version { number content } state answers draftSavedAt receipt { ${receiptFields} } writable closedReason canAmend } }`;
export const SAVE_DRAFT =
  'mutation SaveDraft($t: String!, $a: JSONObject!) { saveDraft(token: $t, answers: $a) { savedAt } }';
export const SUBMIT = `mutation Submit($t: String!, $a: JSONObject!, $by: String!, $k: String!) {
  submitResponse(token: $t, answers: $a, submittedBy: $by, idempotencyKey: $k) { ${receiptFields} } }`;
export const AMEND = `mutation Amend($t: String!, $a: JSONObject!, $by: String!, $k: String!) {
  amendResponse(token: $t, answers: $a, submittedBy: $by, idempotencyKey: $k) { ${receiptFields} } }`;

export type Api = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

export function createApi(base: string): Api {
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}/graphql`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new ApiError(['NETWORK_ERROR']);
    }
    const body = (await response.json().catch(() => null)) as {
      data?: T | null;
      errors?: ApiProblem[];
      error?: { code: string };
    } | null;
    if (body?.errors?.length) {
      throw new ApiError(
        body.errors.map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
        body.errors,
      );
    }
    if (body?.error) throw new ApiError([body.error.code]);
    if (!response.ok || body?.data == null) throw new ApiError([response.status >= 500 ? 'NETWORK_ERROR' : 'ERROR']);
    return body.data;
  };
}

/** An idempotency key without `crypto.randomUUID` (which needs a secure context). */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
