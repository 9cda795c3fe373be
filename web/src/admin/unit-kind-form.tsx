import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { focusFirstError, focusSoon, showSubmitError, TextField } from '../components/field.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { graphql } from '../gql/gql.ts';
import { request } from '../lib/graphql.ts';
import type { Text } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { at } from './admin-text.ts';
import { forgetKinds } from './unit-detail.tsx';

const createUnitKindMutation = graphql(`
  mutation CreateUnitKind($input: CreateUnitKindInput!) {
    createUnitKind(input: $input) {
      code
      nameVi
      nameEn
    }
  }
`);

/** The server's rule for kind codes (UPPER_SNAKE_CASE). */
const KIND_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
type Fields = 'code' | 'nameVi' | 'nameEn';

/** ADMIN: adds a unit kind (youth union, veterans' association …) to the list units choose from. */
export function UnitKindForm() {
  const code = useSignal('');
  const nameVi = useSignal('');
  const nameEn = useSignal('');
  const errors = useSignal<Partial<Record<Fields, Text>>>({});
  const notice = useSignal<NoticeValue>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: Partial<Record<Fields, Text>> = {};
    const value = code.value.trim().toUpperCase();
    if (!KIND_CODE.test(value)) found.code = () => at('kind.codeRule');
    if (!nameVi.value.trim()) found.nameVi = () => at('kind.nameRequired');
    if (!nameEn.value.trim()) found.nameEn = () => at('kind.nameRequired');
    errors.value = found;
    notice.value = null;
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    busy.value = true;
    try {
      const { createUnitKind } = await request(createUnitKindMutation, {
        input: { code: value, nameVi: nameVi.value.trim(), nameEn: nameEn.value.trim() },
      });
      forgetKinds();
      code.value = '';
      nameVi.value = '';
      nameEn.value = '';
      notice.value = { kind: 'success', text: () => at('kind.created', { name: kindName(createUnitKind) }) };
      focusSoon(() => noticeRef.current);
    } catch (error) {
      showSubmitError(error, ['code', 'nameVi', 'nameEn'], { errors, notice, form, noticeRef });
    } finally {
      busy.value = false;
    }
  };

  return (
    <section class="card" aria-labelledby="unit-kind-title">
      <h2 id="unit-kind-title">{at('kind.title')}</h2>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <TextField
          id="unit-kind-code"
          label={at('kind.code')}
          hint={at('kind.codeHint')}
          value={code.value}
          onValue={(v) => {
            code.value = v;
          }}
          error={errors.value.code?.()}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={64}
          required
          data-testid="unit-kind-code"
        />
        <TextField
          id="unit-kind-name-vi"
          label={at('kind.nameVi')}
          value={nameVi.value}
          onValue={(v) => {
            nameVi.value = v;
          }}
          error={errors.value.nameVi?.()}
          autocomplete="off"
          maxLength={200}
          required
          data-testid="unit-kind-name-vi"
        />
        <TextField
          id="unit-kind-name-en"
          label={at('kind.nameEn')}
          value={nameEn.value}
          onValue={(v) => {
            nameEn.value = v;
          }}
          error={errors.value.nameEn?.()}
          autocomplete="off"
          maxLength={200}
          required
          data-testid="unit-kind-name-en"
        />
        <Notice value={notice.value} noticeRef={noticeRef} testId="unit-kind-notice" />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value} data-testid="unit-kind-create">
            {at('kind.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
