import { type QuestionnaireContent, validateContent } from '@diemcau/schema';
import { z } from 'zod';
import { contentFieldProblems, ValidationFailedError } from './survey.errors.ts';
import { ReviewKind } from './survey.types.ts';

/**
 * The survey file (`diemcau.survey`, version 1): a whole questionnaire with its metadata, for
 * authoring as a file, review and loading. Documented in README.md; example in test/fixtures/.
 */
export const SURVEY_FILE_FORMAT = 'diemcau.survey';
export const SURVEY_FILE_VERSION = 1;

const surveyFile = z.object({
  format: z.literal(SURVEY_FILE_FORMAT),
  formatVersion: z.literal(SURVEY_FILE_VERSION),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(20_000).default(''),
  instructions: z.string().max(20_000).default(''),
  document: z
    .object({
      code: z.string().trim().min(1).max(50),
      title: z.string().max(500).nullish(),
      kind: z.string().max(30).nullish(),
      signedOn: z.iso.date().nullish(),
    })
    .nullish(),
  reviewKind: z.enum(ReviewKind),
  opensAt: z.iso.datetime({ offset: true }).nullish(),
  closesAt: z.iso.datetime({ offset: true }).nullish(),
  allowAmend: z.boolean().default(true),
  content: z.record(z.string(), z.unknown()),
});

export type SurveyFile = z.infer<typeof surveyFile>;

/** Parses and checks a file; every problem (format and questionnaire) is reported at once. */
export function parseSurveyFile(text: string): SurveyFile & { content: QuestionnaireContent } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationFailedError([
      { code: 'BAD_USER_INPUT', field: 'file', message: `Không đọc được JSON / not JSON: ${(error as Error).message}` },
    ]);
  }
  const parsed = surveyFile.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({
        code: 'BAD_USER_INPUT',
        field: `file.${i.path.join('.')}`,
        message: i.message,
      }));
  const contentProblems = validateContent((data as { content?: unknown } | null)?.content);
  if (problems.length > 0 || contentProblems.length > 0 || !parsed.success) {
    throw new ValidationFailedError([...problems, ...contentFieldProblems(contentProblems, 'file.content')]);
  }
  return parsed.data as SurveyFile & { content: QuestionnaireContent };
}
