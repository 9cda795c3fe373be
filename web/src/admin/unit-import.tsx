import { limits } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { describedBy, focusSoon } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { graphql } from '../gql/gql.ts';
import type { ImportUnitsMutation, UnitFileFormat } from '../gql/graphql.ts';
import { describeError, localizeServerMessage } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { type MessageKey, type Text, t } from '../lib/i18n.ts';

const importUnitsMutation = graphql(`
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
`);

const exportUnitsQuery = graphql(`
  query ExportUnits($format: UnitFileFormat!) {
    exportUnits(format: $format)
  }
`);

type ImportResult = ImportUnitsMutation['importUnits'];
type Checked = { fileName: string; format: UnitFileFormat; content: string; result: ImportResult };

const problemKinds = [
  'REQUIRED',
  'INVALID_CODE',
  'TOO_LONG',
  'DUPLICATE_CODE',
  'UNKNOWN_KIND',
  'UNKNOWN_PARENT',
  'CYCLE',
  'SELF_PARENT',
  'BAD_FILE',
  'TOO_MANY_ROWS',
] as const;

function problemText(problem: string): string | null {
  return (problemKinds as readonly string[]).includes(problem)
    ? t(`import.problem.${problem as (typeof problemKinds)[number]}`)
    : null;
}

const fieldKeys: Record<string, MessageKey> = {
  code: 'import.field.code',
  name: 'import.field.name',
  kind: 'import.field.kind',
  parentCode: 'import.field.parentCode',
  file: 'import.field.file',
};

function formatOf(fileName: string): UnitFileFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'CSV';
  if (lower.endsWith('.json')) return 'JSON';
  return null;
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

function Counts({ result, testId }: { result: ImportResult; testId: string }) {
  return (
    <dl class="details details--compact counts" data-testid={testId}>
      <div>
        <dt>{t('import.rows')}</dt>
        <dd data-testid={`${testId}-rows`}>{result.rows}</dd>
      </div>
      <div>
        <dt>{t('import.created')}</dt>
        <dd data-testid={`${testId}-created`}>{result.created}</dd>
      </div>
      <div>
        <dt>{t('import.updated')}</dt>
        <dd data-testid={`${testId}-updated`}>{result.updated}</dd>
      </div>
      <div>
        <dt>{t('import.moved')}</dt>
        <dd data-testid={`${testId}-moved`}>{result.moved}</dd>
      </div>
      <div>
        <dt>{t('import.unchanged')}</dt>
        <dd data-testid={`${testId}-unchanged`}>{result.unchanged}</dd>
      </div>
    </dl>
  );
}

function Problems({ problems }: { problems: ImportResult['problems'] }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="import-problems">
        <caption id="import-problems-caption">{t('import.problemsCaption', { n: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.code')}</th>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => {
            const fieldKey = fieldKeys[p.field];
            const known = problemText(p.problem);
            return (
              <tr key={i} data-testid="import-problem">
                <td data-testid="import-problem-line">
                  {p.line}
                  {/* JSON: the item's index in the array, as editors and tools show it. */}
                  {p.row !== null && p.row !== undefined && <span class="muted mono"> [{p.row}]</span>}
                </td>
                <td class="mono">{p.code ?? '—'}</td>
                <td>
                  {fieldKey ? t(fieldKey) : p.field} <span class="muted mono">({p.field})</span>
                </td>
                <td>
                  {known && <strong>{known}. </strong>}
                  {localizeServerMessage(p.message)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Import (check first, then apply) and export of the unit tree as CSV or JSON. */
export function UnitImportExport({ onImported }: { onImported: () => void }) {
  const checked = useSignal<Checked | null>(null);
  const applied = useSignal<ImportResult | null>(null);
  const fileError = useSignal<Text | null>(null);
  const notice = useSignal<NoticeValue>(null);
  const busy = useSignal(false);
  const exportNotice = useSignal<NoticeValue>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    checked.value = null;
    applied.value = null;
    fileError.value = null;
    notice.value = null;
    if (!file) return;
    const format = formatOf(file.name);
    if (!format) {
      fileError.value = () => t('import.wrongType');
      focusSoon(() => fileInput.current);
      return;
    }
    if (file.size > limits.requestBodyBytes * 0.9) {
      fileError.value = () => t('import.tooLarge', { mb: Math.floor(limits.requestBodyBytes / 1024 / 1024) });
      focusSoon(() => fileInput.current);
      return;
    }
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('import.checking', { file: file.name }) };
    try {
      const content = await readText(file);
      const { importUnits } = await request(importUnitsMutation, { format, content, dryRun: true });
      checked.value = { fileName: file.name, format, content, result: importUnits };
      notice.value = null;
      focusSoon(() => resultRef.current);
    } catch (error) {
      notice.value = { kind: 'error', text: () => describeError(error) };
      focusSoon(() => noticeRef.current);
    } finally {
      busy.value = false;
    }
  };

  const onApply = async () => {
    const current = checked.value;
    if (!current) return;
    busy.value = true;
    notice.value = { kind: 'info', text: () => t('import.applying') };
    try {
      const { importUnits } = await request(importUnitsMutation, {
        format: current.format,
        content: current.content,
        dryRun: false,
      });
      if (importUnits.applied) {
        applied.value = importUnits;
        checked.value = null;
        notice.value = { kind: 'success', text: () => t('import.applied', { file: current.fileName }) };
        if (fileInput.current) fileInput.current.value = '';
        onImported();
      } else {
        // The tree changed since the check: show what is wrong now.
        checked.value = { ...current, result: importUnits };
        notice.value = { kind: 'error', text: () => t('import.notApplied') };
      }
      focusSoon(() => noticeRef.current);
    } catch (error) {
      notice.value = { kind: 'error', text: () => describeError(error) };
      focusSoon(() => noticeRef.current);
    } finally {
      busy.value = false;
    }
  };

  const onExport = async (format: UnitFileFormat) => {
    const fileName = format === 'CSV' ? 'don-vi.csv' : 'don-vi.json';
    exportNotice.value = { kind: 'info', text: () => t('export.busy') };
    try {
      const { exportUnits } = await request(exportUnitsQuery, { format });
      const blob = new Blob([exportUnits], {
        type: format === 'CSV' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8',
      });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      exportNotice.value = { kind: 'success', text: () => t('export.done', { file: fileName }) };
    } catch (error) {
      exportNotice.value = { kind: 'error', text: () => describeError(error) };
    }
  };

  const result = checked.value?.result;
  const changes = result ? result.created + result.updated + result.moved : 0;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <div class={fileError.value ? 'field field--invalid' : 'field'}>
        <label for="import-file">{t('import.file')}</label>
        <input
          id="import-file"
          ref={fileInput}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={onFile}
          disabled={busy.value}
          data-testid="import-file"
          {...describedBy({ id: 'import-file', hint: t('import.fileHint'), error: fileError.value?.() })}
        />
        <p class="field-hint" id="import-file-hint">
          {t('import.fileHint')}
        </p>
        {fileError.value && (
          <p class="field-error" id="import-file-error">
            {fileError.value()}
          </p>
        )}
      </div>
      <Notice value={notice.value} noticeRef={noticeRef} testId="import-notice" />
      {checked.value && result && (
        <div class="import-result" ref={resultRef} tabIndex={-1} data-testid="import-check">
          <h3>{t('import.checkTitle', { file: checked.value.fileName })}</h3>
          <Counts result={result} testId="import-summary" />
          {result.problems.length > 0 ? (
            <>
              <p class="warning">{t('import.hasProblems')}</p>
              <Problems problems={result.problems} />
            </>
          ) : changes === 0 ? (
            <p>{t('import.nothingToDo')}</p>
          ) : (
            <>
              <p>{t('import.ready')}</p>
              <div class="actions">
                <button
                  type="button"
                  class="button button--primary"
                  disabled={busy.value}
                  onClick={onApply}
                  data-testid="import-apply"
                >
                  {t('import.apply')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {applied.value && <Counts result={applied.value} testId="import-result" />}

      <h3 id="export-title">{t('export.title')}</h3>
      <p class="field-hint">{t('export.help')}</p>
      <div class="actions">
        <button type="button" class="button" onClick={() => void onExport('CSV')} data-testid="export-csv">
          {t('export.csv')}
        </button>
        <button type="button" class="button" onClick={() => void onExport('JSON')} data-testid="export-json">
          {t('export.json')}
        </button>
      </div>
      <Notice value={exportNotice.value} testId="export-notice" />
    </section>
  );
}
