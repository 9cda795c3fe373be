import { Bar } from './bar.tsx';

/** One group of a survey's progress (a unit at the chosen level), as `surveyAnalytics { progress }` returns it. */
export type ProgressGroupRow = {
  unitId?: string | null;
  unitName?: string | null;
  assigned: number;
  submitted: number;
  submittedLate: number;
  drafts: number;
  opened?: number;
  notOpened: number;
  rate: number;
};

export type ProgressLabels = {
  unit: string;
  assigned: string;
  submitted: string;
  rate: string;
  late: string;
  drafts: string;
  /** Shown as a column when given. */
  opened?: string;
  notOpened: string;
  total: string;
};

/** Progress by group with the total last: counts, and the rate as a bar with its figure. */
export function ProgressTable({
  groups,
  total,
  labels,
  percent,
  caption,
  testId,
}: {
  groups: readonly ProgressGroupRow[];
  total: ProgressGroupRow;
  labels: ProgressLabels;
  percent: (share: number) => string;
  caption?: string;
  testId?: string;
}) {
  const rows = [...groups, { ...total, unitId: 'total', unitName: labels.total }];
  return (
    <div class="table-scroll">
      <table class="data-table" data-testid={testId}>
        {caption && <caption class="sr-only">{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{labels.unit}</th>
            <th scope="col">{labels.assigned}</th>
            <th scope="col">{labels.submitted}</th>
            <th scope="col">{labels.rate}</th>
            <th scope="col">{labels.late}</th>
            <th scope="col">{labels.drafts}</th>
            {labels.opened && <th scope="col">{labels.opened}</th>}
            <th scope="col">{labels.notOpened}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.unitId ?? g.unitName} class={g.unitId === 'total' ? 'total-row' : undefined}>
              <th scope="row">{g.unitName}</th>
              <td>{g.assigned}</td>
              <td>{g.submitted}</td>
              <td class="bar-cell">
                <Bar share={g.rate} label={percent(g.rate)} />
              </td>
              <td>{g.submittedLate}</td>
              <td>{g.drafts}</td>
              {labels.opened && <td>{g.opened ?? 0}</td>}
              <td>{g.notOpened}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
