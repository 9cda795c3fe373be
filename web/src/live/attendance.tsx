import { LoadStatus } from '../components/load-status.tsx';
import type { NoticeValue } from '../components/notice.tsx';
import type { AttendanceFileKind, ConferenceQuery } from '../gql/graphql.ts';
import { apiOrigin } from '../lib/api.ts';
import { describeError } from '../lib/errors.ts';
import { request } from '../lib/graphql.ts';
import { formatDuration, language } from '../lib/i18n.ts';
import { useLoad } from '../lib/use-load.ts';
import { attendanceFileQuery, attendanceQuery } from './documents.ts';
import { download, formatWhenVi, s } from './shared.tsx';

const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString(language.value));

/** The attendance record (final once ENDED) with its CSV files. */
export function AttendanceSection({
  conference,
  say,
}: {
  conference: ConferenceQuery['conference'];
  say: (notice: NoticeValue) => void;
}) {
  const loaded = useLoad(() => request(attendanceQuery, { id: conference.id }), [conference.id, conference.status]);
  const fetchFile = async (kind: AttendanceFileKind) => {
    try {
      const { attendanceFile: file } = await request(attendanceFileQuery, { id: conference.id, kind });
      download(file.filename, file.content, file.contentType);
      say({ kind: 'success', text: () => s('downloaded', { file: file.filename }) });
    } catch (error) {
      say({ kind: 'error', text: () => describeError(error) });
    }
  };
  const report = loaded.status === 'ready' ? loaded.data.conference.attendance : null;
  return (
    <section class="card" aria-labelledby="attendance-title" data-testid="attendance">
      <h2 id="attendance-title">{s('attendanceTitle')}</h2>
      <LoadStatus state={loaded} />
      {report && (
        <>
          <p class={report.final ? undefined : 'warning'}>
            {report.final ? s('attendanceFinal', { time: formatWhenVi(report.generatedAt) }) : s('attendanceLive')}
          </p>
          <dl class="details" data-testid="attendance-totals">
            <dt>{s('everConnected')}</dt>
            <dd>
              {num(report.totals.everConnected)}/{num(report.totals.bridgePoints)}
            </dd>
            <dt>{s('neverConnected')}</dt>
            <dd>{num(report.totals.neverConnected)}</dd>
            <dt>{s('peak')}</dt>
            <dd>
              {num(report.totals.peakPresent)}/{num(report.totals.expected)}
              {report.totals.peakPresentAt && ` (${formatWhenVi(report.totals.peakPresentAt)})`}
            </dd>
            <dt>{s('reported')}</dt>
            <dd>{num(report.totals.reported)}</dd>
            <dt>{s('checkIns')}</dt>
            <dd>{num(report.totals.checkIns)}</dd>
            <dt>{s('excused')}</dt>
            <dd>{num(report.totals.excusedAbsences)}</dd>
          </dl>
          <div class="actions">
            <button
              type="button"
              class="button button--primary"
              data-testid="download-bridge-points"
              onClick={() => void fetchFile('BRIDGE_POINTS')}
            >
              {s('downloadBridgePoints')}
            </button>
            <button
              type="button"
              class="button"
              data-testid="download-check-ins"
              onClick={() => void fetchFile('CHECK_INS')}
            >
              {s('downloadCheckIns')}
            </button>
          </div>
          <p class="actions">
            <span>{s('downloadXlsx')}</span>{' '}
            <a
              class="button"
              href={`${apiOrigin()}/api/conferences/${conference.id}/attendance.xlsx?kind=bridge-points`}
              download
              data-testid="download-bridge-points-xlsx"
            >
              {s('downloadBridgePointsXlsx')}
            </a>{' '}
            <a
              class="button"
              href={`${apiOrigin()}/api/conferences/${conference.id}/attendance.xlsx?kind=check-ins`}
              download
              data-testid="download-check-ins-xlsx"
            >
              {s('downloadCheckInsXlsx')}
            </a>
          </p>
          <details>
            <summary>{s('bridgePointsCount', { n: report.bridgePoints.length })}</summary>
            <div class="table-scroll">
              <table class="data-table">
                <thead>
                  <tr>
                    <th scope="col">{s('name')}</th>
                    <th scope="col">{s('connectedFor')}</th>
                    <th scope="col">{s('peak')}</th>
                    <th scope="col">{s('reported')}</th>
                    <th scope="col">{s('checkIns')}</th>
                    <th scope="col">{s('excused')}</th>
                    <th scope="col">{s('expected')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.bridgePoints.map((b) => (
                    <tr key={b.bridgePointId}>
                      <th scope="row">{b.displayName}</th>
                      <td>{b.firstConnectedAt ? formatDuration(b.connectedSeconds) : s('neverConnected')}</td>
                      <td>{num(b.peakPresent)}</td>
                      <td>{num(b.reportedHeadcount)}</td>
                      <td>{num(b.checkIns)}</td>
                      <td>{num(b.excusedAbsences.length)}</td>
                      <td>{num(b.expectedHeadcount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
