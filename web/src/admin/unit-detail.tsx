import { unitCodePattern } from '@diemcau/schema';
import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { Breadcrumb } from '../components/breadcrumb.tsx';
import { focusFirstError, focusSoon, SelectField, TextField } from '../components/field.tsx';
import { Loading } from '../components/load-status.tsx';
import { Notice, type NoticeValue } from '../components/notice.tsx';
import { graphql } from '../gql/gql.ts';
import type { UnitDetailQuery, UnitKindsQuery } from '../gql/graphql.ts';
import { describeError, errorCode, errorField } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { formatDateTimeShort, type Text, t } from '../lib/i18n.ts';
import { kindName } from '../lib/roles.ts';
import { type PickedUnit, UnitPicker } from '../units/unit-picker.tsx';

const unitDetailQuery = graphql(`
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
`);

const unitKindsQuery = graphql(`
  query UnitKinds {
    unitKinds {
      code
      nameVi
      nameEn
      sortOrder
    }
  }
`);

const updateUnitMutation = graphql(`
  mutation UpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) {
      id
    }
  }
`);

const archiveUnitMutation = graphql(`
  mutation ArchiveUnit($id: ID!) {
    archiveUnit(id: $id) {
      id
      archivedAt
    }
  }
`);

const restoreUnitMutation = graphql(`
  mutation RestoreUnit($id: ID!) {
    restoreUnit(id: $id) {
      id
      archivedAt
    }
  }
`);

const createUnitMutation = graphql(`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      id
      code
      name
    }
  }
`);

export type UnitDetail = UnitDetailQuery['unit'];
type UnitKind = UnitKindsQuery['unitKinds'][number];

let kindsCache: Promise<UnitKind[]> | undefined;
/** A kind was added: the next detail panel fetches the list again. */
export function forgetKinds(): void {
  kindsCache = undefined;
}
/** Unit kinds change rarely: fetched once per visit. */
function loadKinds(): Promise<UnitKind[]> {
  kindsCache ??= request(unitKindsQuery)
    .then((data) => data.unitKinds)
    .catch((error: unknown) => {
      kindsCache = undefined;
      throw error;
    });
  return kindsCache;
}

const CODE_PATTERN = unitCodePattern;
const NAME_MAX = 300;

type Props = {
  unitId: string;
  /** Something changed: the tree reloads what it shows (and opens `reveal`, when given). */
  onChanged: (reveal?: string) => void;
};

/** One unit: where it is, what it holds, and what an admin can do with it. */
export function UnitDetailPanel({ unitId, onChanged }: Props) {
  const unit = useSignal<UnitDetail | null>(null);
  const loadError = useSignal<Text | null>(null);
  const kinds = useSignal<UnitKind[]>([]);
  const notice = useSignal<NoticeValue>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = async (focus: boolean) => {
    try {
      unit.value = (await request(unitDetailQuery, { id: unitId })).unit;
      loadError.value = null;
      if (focus) focusSoon(() => heading.current);
    } catch (error) {
      loadError.value = () => describeError(error);
    }
  };

  useEffect(() => {
    unit.value = null;
    notice.value = null;
    void load(true);
    loadKinds().then(
      (list) => {
        kinds.value = list;
      },
      () => {},
    );
  }, [unitId]);

  /** After an action: say what happened, reload this unit and the tree. */
  const done = async (text: Text, reveal?: string) => {
    notice.value = { kind: 'success', text };
    await load(false);
    onChanged(reveal);
    focusSoon(() => noticeRef.current);
  };

  if (loadError.value) {
    return (
      <section class="card" aria-labelledby="unit-detail-title">
        <h2 id="unit-detail-title">{t('unit.detailTitle')}</h2>
        <p role="alert" class="field-error">
          {loadError.value()}
        </p>
      </section>
    );
  }
  const current = unit.value;
  if (!current) {
    return (
      <section class="card">
        <Loading />
      </section>
    );
  }
  const archived = current.archivedAt !== null && current.archivedAt !== undefined;
  return (
    <section class="card unit-detail" aria-labelledby="unit-detail-title" data-testid="unit-detail">
      <h2 id="unit-detail-title" ref={heading} tabIndex={-1}>
        <span class="sr-only">{t('unit.detailTitle')}: </span>
        {current.name}
      </h2>
      <Breadcrumb names={[...current.ancestors.map((a) => a.name), current.name]} />
      <dl class="details details--compact">
        <div>
          <dt>{t('unit.code')}</dt>
          <dd class="mono" data-testid="unit-detail-code">
            {current.code}
          </dd>
        </div>
        <div>
          <dt>{t('unit.kind')}</dt>
          <dd>{kindName(current.kind, current.kindCode)}</dd>
        </div>
        <div>
          <dt>{t('unit.level')}</dt>
          <dd>{current.level}</dd>
        </div>
        <div>
          <dt>{t('unit.children')}</dt>
          <dd>{current.childCount}</dd>
        </div>
        <div>
          <dt>{t('unit.descendants')}</dt>
          <dd data-testid="unit-detail-descendants">{current.descendantCount}</dd>
        </div>
        {archived && (
          <div>
            <dt>{t('unit.archivedAt')}</dt>
            <dd>{formatDateTimeShort(current.archivedAt as string)}</dd>
          </div>
        )}
      </dl>
      <Notice value={notice.value} noticeRef={noticeRef} testId="unit-notice" />
      <div class="unit-actions">
        {!archived && (
          <>
            <RenameForm key={`rename-${current.id}`} unit={current} onDone={done} />
            <KindForm key={`kind-${current.id}`} unit={current} kinds={kinds.value} onDone={done} />
            <MoveForm key={`move-${current.id}`} unit={current} onDone={done} />
            <CreateChildForm key={`child-${current.id}`} unit={current} kinds={kinds.value} onDone={done} />
          </>
        )}
        <ArchiveForm key={`archive-${current.id}`} unit={current} onDone={done} />
      </div>
    </section>
  );
}

type ActionProps = { unit: UnitDetail; onDone: (text: Text, reveal?: string) => Promise<void> };

function RenameForm({ unit, onDone }: ActionProps) {
  const name = useSignal(unit.name);
  const error = useSignal<Text | null>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const clean = name.value.trim();
    error.value = !clean
      ? () => t('unit.nameRequired')
      : clean.length > NAME_MAX
        ? () => t('unit.nameTooLong', { max: NAME_MAX })
        : null;
    if (error.value) return focusFirstError(form.current);
    if (clean === unit.name) {
      error.value = () => t('unit.nameUnchanged');
      return focusFirstError(form.current);
    }
    busy.value = true;
    try {
      await request(updateUnitMutation, { input: { id: unit.id, name: clean } });
      await onDone(() => t('unit.renamed', { name: clean }));
    } catch (e) {
      error.value = () => describeError(e);
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="action">
      <summary>{t('unit.rename')}</summary>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <TextField
          id="unit-rename"
          label={t('unit.newName')}
          value={name.value}
          onValue={(v) => {
            name.value = v;
          }}
          error={error.value?.()}
          maxLength={NAME_MAX}
          required
          data-testid="unit-rename"
        />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value}>
            {t('unit.saveName')}
          </button>
        </div>
      </form>
    </details>
  );
}

function KindForm({ unit, kinds, onDone }: ActionProps & { kinds: UnitKind[] }) {
  const kind = useSignal(unit.kindCode);
  const error = useSignal<Text | null>(null);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (kind.value === unit.kindCode) {
      error.value = () => t('unit.kindUnchanged');
      return focusFirstError(form.current);
    }
    error.value = null;
    busy.value = true;
    try {
      await request(updateUnitMutation, { input: { id: unit.id, kindCode: kind.value } });
      const chosen = kinds.find((k) => k.code === kind.value);
      await onDone(() => t('unit.kindChanged', { kind: kindName(chosen, kind.value) }));
    } catch (e) {
      error.value = () => describeError(e);
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="action">
      <summary>{t('unit.changeKind')}</summary>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <SelectField
          id="unit-kind"
          label={t('unit.kind')}
          value={kind.value}
          onValue={(v) => {
            kind.value = v;
          }}
          options={kinds.map((k) => ({ value: k.code, label: kindName(k, k.code) }))}
          error={error.value?.()}
        />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value || kinds.length === 0}>
            {t('unit.saveKind')}
          </button>
        </div>
      </form>
    </details>
  );
}

function MoveForm({ unit, onDone }: ActionProps) {
  const parent = useSignal<PickedUnit | null>(null);
  const error = useSignal<Text | null>(null);
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const currentParentId = unit.ancestors.at(-1)?.id;

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (!parent.value) {
      error.value = () => t('unit.moveChooseParent');
      return focusFirstError(form.current);
    }
    error.value = null;
    confirming.value = true;
    focusSoon(() => confirmButton.current);
  };
  const onConfirm = async () => {
    if (!parent.value) return;
    busy.value = true;
    try {
      await request(updateUnitMutation, { input: { id: unit.id, parentId: parent.value.id } });
      const to = parent.value.name;
      parent.value = null;
      confirming.value = false;
      await onDone(() => t('unit.moved', { name: unit.name, parent: to }));
    } catch (e) {
      confirming.value = false;
      error.value = () => (errorCode(e) === 'UNIT_CYCLE' ? t('error.UNIT_CYCLE') : describeError(e));
      if (errorField(e) === 'parentId' || errorCode(e) === 'UNIT_CYCLE') parent.value = null;
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="action">
      <summary>{t('unit.move')}</summary>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <p class="field-hint">{t('unit.moveHelp', { n: unit.descendantCount })}</p>
        <UnitPicker
          id="unit-move-parent"
          label={t('unit.newParent')}
          value={parent.value}
          onChange={(picked) => {
            parent.value = picked;
            confirming.value = false;
            error.value = null;
          }}
          error={error.value?.()}
          isDisabled={(candidate) =>
            candidate.id === unit.id || candidate.ancestors.some((a) => a.id === unit.id)
              ? t('unit.moveInsideItself')
              : candidate.id === currentParentId
                ? t('unit.moveSameParent')
                : null
          }
          testId="unit-move-picker"
        />
        {parent.value && error.value && (
          <p class="field-error" role="alert">
            {error.value?.()}
          </p>
        )}
        {confirming.value && parent.value ? (
          <fieldset class="confirm">
            <legend>
              {t('unit.moveConfirm', { name: unit.name, parent: parent.value.name, n: unit.descendantCount })}
            </legend>
            <div class="actions">
              <button
                type="button"
                class="button button--primary"
                ref={confirmButton}
                disabled={busy.value}
                onClick={onConfirm}
                data-testid="unit-move-confirm"
              >
                {t('unit.moveNow')}
              </button>
              <button
                type="button"
                class="button"
                disabled={busy.value}
                onClick={() => {
                  confirming.value = false;
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </fieldset>
        ) : (
          <div class="actions">
            <button type="submit" class="button button--primary" data-testid="unit-move">
              {t('unit.moveButton')}
            </button>
          </div>
        )}
      </form>
    </details>
  );
}

/** The kind one tier below `kindCode` (a commune committee's units are usually cells …). */
function kindBelow(kinds: UnitKind[], kindCode: string): string {
  const at = kinds.findIndex((k) => k.code === kindCode);
  return (kinds[at + 1] ?? kinds[at] ?? kinds[0])?.code ?? '';
}

function CreateChildForm({ unit, kinds, onDone }: ActionProps & { kinds: UnitKind[] }) {
  const code = useSignal('');
  const name = useSignal('');
  const kind = useSignal('');
  const errors = useSignal<{ code?: Text; name?: Text; kindCode?: Text; other?: Text }>({});
  const busy = useSignal(false);
  const form = useRef<HTMLFormElement>(null);
  const kindValue = kind.value || kindBelow(kinds, unit.kindCode);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors.value = {};
    const cleanCode = code.value.trim();
    const cleanName = name.value.trim();
    if (!CODE_PATTERN.test(cleanCode)) found.code = () => t('unit.codeRule');
    if (!cleanName) found.name = () => t('unit.nameRequired');
    else if (cleanName.length > NAME_MAX) found.name = () => t('unit.nameTooLong', { max: NAME_MAX });
    if (!kindValue) found.kindCode = () => t('unit.kindRequired');
    errors.value = found;
    if (Object.keys(found).length > 0) return focusFirstError(form.current);
    busy.value = true;
    try {
      const { createUnit } = await request(createUnitMutation, {
        input: { code: cleanCode, name: cleanName, kindCode: kindValue, parentId: unit.id },
      });
      code.value = '';
      name.value = '';
      await onDone(() => t('unit.created', { name: createUnit.name, code: createUnit.code }), unit.id);
    } catch (e) {
      const field = errorField(e);
      errors.value =
        field === 'code' || field === 'name' || field === 'kindCode'
          ? { [field]: () => describeError(e) }
          : { other: () => describeError(e) };
      focusFirstError(form.current);
    } finally {
      busy.value = false;
    }
  };
  return (
    <details class="action">
      <summary>{t('unit.addChild')}</summary>
      <form class="form" ref={form} onSubmit={onSubmit} noValidate>
        <TextField
          id="unit-child-code"
          label={t('unit.code')}
          hint={t('unit.codeRule')}
          value={code.value}
          onValue={(v) => {
            code.value = v;
          }}
          error={errors.value.code?.()}
          autocomplete="off"
          spellcheck={false}
          maxLength={64}
          required
        />
        <TextField
          id="unit-child-name"
          label={t('unit.name')}
          value={name.value}
          onValue={(v) => {
            name.value = v;
          }}
          error={errors.value.name?.()}
          maxLength={NAME_MAX}
          required
        />
        <SelectField
          id="unit-child-kind"
          label={t('unit.kind')}
          value={kindValue}
          onValue={(v) => {
            kind.value = v;
          }}
          options={kinds.map((k) => ({ value: k.code, label: kindName(k, k.code) }))}
          error={errors.value.kindCode?.()}
        />
        {errors.value.other && (
          <p class="field-error" role="alert">
            {errors.value.other()}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy.value}>
            {t('unit.addChildButton')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ArchiveForm({ unit, onDone }: ActionProps) {
  const confirming = useSignal(false);
  const busy = useSignal(false);
  const error = useSignal<Text | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const archived = unit.archivedAt !== null && unit.archivedAt !== undefined;

  const run = async () => {
    busy.value = true;
    error.value = null;
    try {
      if (archived) {
        await request(restoreUnitMutation, { id: unit.id });
        confirming.value = false;
        await onDone(() => t('unit.restored', { name: unit.name }));
      } else {
        await request(archiveUnitMutation, { id: unit.id });
        confirming.value = false;
        await onDone(() => t('unit.archivedNotice', { name: unit.name }));
      }
    } catch (e) {
      error.value = () => describeError(e);
    } finally {
      busy.value = false;
    }
  };

  if (archived) {
    return (
      <div class="action action--plain">
        <p class="field-hint">{t('unit.archivedHelp')}</p>
        <button type="button" class="button" disabled={busy.value} onClick={run} data-testid="unit-restore">
          {t('unit.restore')}
        </button>
        {error.value && (
          <p class="field-error" role="alert">
            {error.value?.()}
          </p>
        )}
      </div>
    );
  }
  return (
    <details class="action">
      <summary>{t('unit.archive')}</summary>
      <div class="form">
        <p class="field-hint">{t('unit.archiveHelp', { n: unit.descendantCount })}</p>
        {confirming.value ? (
          <fieldset class="confirm">
            <legend>{t('unit.archiveConfirm', { name: unit.name, n: unit.descendantCount })}</legend>
            <div class="actions">
              <button
                type="button"
                class="button button--danger"
                ref={confirmButton}
                disabled={busy.value}
                onClick={run}
                data-testid="unit-archive-confirm"
              >
                {t('unit.archiveNow')}
              </button>
              <button type="button" class="button" disabled={busy.value} onClick={() => (confirming.value = false)}>
                {t('common.cancel')}
              </button>
            </div>
          </fieldset>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="button button--danger"
              onClick={() => {
                confirming.value = true;
                focusSoon(() => confirmButton.current);
              }}
              data-testid="unit-archive"
            >
              {t('unit.archiveButton')}
            </button>
          </div>
        )}
        {error.value && (
          <p class="field-error" role="alert">
            {error.value?.()}
          </p>
        )}
      </div>
    </details>
  );
}
