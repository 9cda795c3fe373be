import { t } from '../lib/i18n.ts';

/** Where a unit sits: its ancestors from the top of the viewer's scope, then (optionally) itself. */
export function Breadcrumb({ names, label }: { names: readonly string[]; label?: string }) {
  if (names.length === 0) return null;
  return (
    <ol class="breadcrumb" aria-label={label ?? t('unit.breadcrumb')}>
      {names.map((name, i) => (
        <li key={i}>{name}</li>
      ))}
    </ol>
  );
}
