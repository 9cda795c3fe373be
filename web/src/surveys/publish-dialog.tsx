import { type QuestionnaireContent, validateContent } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { Dialog } from '../components/dialog.tsx';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort, language } from '../lib/i18n.ts';
import { contentProblemText, problemPlace } from './content-problems.ts';
import { publishSurveyMutation, updateSurveyMutation } from './documents.ts';
import { s } from './strings.ts';
import { errorMessages, type OrganizerSurvey } from './survey-common.tsx';

/** What publishing fixes for good: every section, question (key, type) and option key, and the settings it opens with. */
function Frozen({ content }: { content: QuestionnaireContent }) {
  const en = language.value === 'en';
  return (
    <ol class="frozen-list" data-testid="frozen-list">
      {content.sections.map((section) => (
        <li key={section.key}>
          <strong>{(en && section.titleEn) || section.title}</strong> <span class="mono muted">{section.key}</span>
          <ul>
            {section.questions.map((q) => (
              <li key={q.key}>
                <span class="mono">{q.key}</span> · {s(`qtype.${q.type}`)}
                {q.required ? ` · ${s('requiredShort')}` : ''} — {(en && q.labelEn) || q.label}
                {q.options && <span class="muted"> ({q.options.map((o) => o.key).join(', ')})</span>}
                {q.rows && <span class="muted"> ({q.rows.map((r) => r.key).join(', ')})</span>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/**
 * Publishing: a DRAFT becomes version 1 (`publishSurvey`), or an OPEN survey's edited questionnaire
 * becomes its next version (`updateSurvey` with `newVersion`). The dialog lists what will be frozen and
 * what cannot be published yet (the shared content rules, a missing deadline).
 */
export function PublishDialog({
  survey,
  content,
  open,
  onClose,
  onDone,
}: {
  survey: OrganizerSurvey;
  content: QuestionnaireContent;
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const busy = useSignal(false);
  const failed = useSignal<string[]>([]);
  const asVersion = survey.status === 'OPEN';
  const next = (survey.currentVersion?.number ?? 0) + 1;
  const problems = validateContent(content).map((p) => `${problemPlace(p.path, content)}: ${contentProblemText(p)}`);
  if (!survey.closesAt) problems.push(s('publish.needDeadline'));
  const questions = content.sections.reduce((n, sec) => n + sec.questions.length, 0);

  const publish = async () => {
    busy.value = true;
    failed.value = [];
    try {
      if (asVersion) {
        await request(updateSurveyMutation, {
          input: { id: survey.id, content: content as unknown as Record<string, unknown>, newVersion: true },
        });
      } else {
        await request(publishSurveyMutation, { id: survey.id });
      }
      onDone(s(asVersion ? 'publish.doneVersion' : 'publish.done', { n: next }));
    } catch (error) {
      failed.value = errorMessages(error);
    } finally {
      busy.value = false;
    }
  };

  return (
    <Dialog
      id="publish-dialog"
      open={open}
      wide
      title={s(asVersion ? 'publish.titleVersion' : 'publish.title', { n: next })}
      onClose={onClose}
    >
      {problems.length > 0 ? (
        <div class="notice notice--error" role="alert" data-testid="publish-problems">
          <p>{s('publish.cannot', { n: problems.length })}</p>
          <ul>
            {problems.slice(0, 30).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p>
            {s('publish.frozenLead', {
              n: next,
              sections: content.sections.length,
              questions,
              indicators: content.indicators?.length ?? 0,
            })}
          </p>
          <Frozen content={content} />
          <ul class="publish-facts">
            <li>{s('publish.afterwards')}</li>
            <li>{s('publish.keysKeepType')}</li>
            {asVersion ? (
              <li>{s('publish.versionAnswers')}</li>
            ) : (
              <li>
                {survey.opensAt
                  ? s('publish.opensAt', { at: formatDateTimeShort(survey.opensAt) })
                  : s('publish.opensNow')}
              </li>
            )}
            {survey.closesAt && <li>{s('publish.closesAt', { at: formatDateTimeShort(survey.closesAt) })}</li>}
            <li>
              {survey.progress.assigned > 0
                ? s('publish.assigned', { n: survey.progress.assigned })
                : s('publish.noneAssigned')}
            </li>
          </ul>
        </>
      )}
      {failed.value.length > 0 && (
        <div class="notice notice--error" role="alert">
          <ul>
            {failed.value.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="actions dialog-actions">
        <button
          type="button"
          class="button button--primary"
          disabled={problems.length > 0 || busy.value}
          onClick={() => void publish()}
          data-testid="publish-confirm"
        >
          {busy.value ? s('publish.busy') : s(asVersion ? 'publish.confirmVersion' : 'publish.confirm', { n: next })}
        </button>
        <button type="button" class="button" onClick={onClose}>
          {s('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
