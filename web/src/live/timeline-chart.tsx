import type { LiveSnapshot } from '@diemcau/schema';
import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { request } from '../lib/graphql.ts';
import { timelineQuery } from './documents.ts';
import type { dashboardWords } from './strings.ts';
import { formatClock, formatNumber, type Translate } from './strings.ts';

type T = Translate<(typeof dashboardWords)['vi']>;

const sampleMs = 5000;
const colors = { present: '#ff7a7a', expected: '#9aa4b2', connected: '#6cb6ff' };

/**
 * The timeline (uPlot on a canvas): participants present and expected, bridge points connected.
 * History from the `timeline` query (5 s samples), then a point every 5 s from the live totals —
 * appended to the chart's arrays, never a redraw of the page.
 */
export function TimelineChart({
  conferenceId,
  startedAt,
  snapshot,
  t,
  lang,
}: {
  conferenceId: string;
  startedAt: string | null;
  snapshot: ReadonlySignal<LiveSnapshot | null>;
  t: T;
  lang: 'vi' | 'en';
}) {
  const box = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: [number[], number[], number[], number[]] = [[], [], [], []];
    const push = (at: number, present: number, expected: number, connected: number) => {
      const x = Math.floor(at / 1000);
      if (data[0].length > 0 && x <= data[0][data[0].length - 1]!) return;
      data[0].push(x);
      data[1].push(present);
      data[2].push(expected);
      data[3].push(connected);
    };
    const axis = { stroke: '#e6e9ee', grid: { stroke: 'rgba(255,255,255,0.12)' }, ticks: { stroke: '#556' } };
    const plot = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: 260,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Asia/Ho_Chi_Minh'),
        scales: {
          // At least the last ten minutes, so the first samples do not stretch over years.
          // (From the data itself: for a single point uPlot hands the range a span of years.)
          x: {
            time: true,
            range: (u) => {
              const xs = u.data[0];
              const first = xs[0] ?? Date.now() / 1000;
              const last = xs[xs.length - 1] ?? first;
              return last - first < 600 ? [last - 600, last + 15] : [first, last];
            },
          },
          people: { range: (_u, _min, max) => [0, Math.max(10, max * 1.1)] },
          bp: { range: (_u, _min, max) => [0, Math.max(5, max * 1.1)] },
        },
        series: [
          {},
          { label: t('present'), stroke: colors.present, width: 3, scale: 'people' },
          { label: t('expected'), stroke: colors.expected, width: 2, dash: [8, 6], scale: 'people' },
          { label: t('bridgePoints'), stroke: colors.connected, width: 2, scale: 'bp' },
        ],
        axes: [
          // 24-hour clock in Vietnam time, as people there read it.
          { ...axis, values: (_u, splits) => splits.map((x) => formatClock(lang, x * 1000, false)) },
          { ...axis, scale: 'people', size: 60 },
          { ...axis, scale: 'bp', side: 1, grid: { show: false }, size: 50 },
        ],
      },
      data,
      el,
    );
    const redraw = () => {
      plot.setData(data);
      const last = data[0].length - 1;
      if (legend.current) {
        legend.current.textContent =
          last < 0
            ? t('timelineEmpty')
            : `${t('present')}: ${formatNumber(lang, data[1][last]!)} · ${t('expected')}: ${formatNumber(lang, data[2][last]!)} · ${t('bridgePoints')}: ${formatNumber(lang, data[3][last]!)}`;
      }
    };
    redraw();

    let alive = true;
    const started = startedAt ? Date.parse(startedAt) : null;
    if (started) {
      const long = Date.now() - started > 3 * 3600_000;
      request(timelineQuery, { id: conferenceId, since: new Date(started).toISOString(), bucketSeconds: long ? 30 : 5 })
        .then((result) => {
          if (!alive) return;
          const live = data[0].map((x, i) => [x, data[1][i]!, data[2][i]!, data[3][i]!] as const);
          for (const column of data) column.length = 0;
          for (const s of result.conference.timeline) push(Date.parse(s.at), s.present, s.expected, s.connected);
          for (const [x, p, e, c] of live) push(x * 1000, p, e, c);
          redraw();
        })
        .catch(() => {
          // The live points still come; history is a nicety.
        });
    }

    const timer = setInterval(() => {
      const s = snapshot.peek();
      if (s?.status !== 'LIVE') return;
      push(Date.now(), s.totals.present, s.totals.expected, s.totals.connected);
      redraw();
    }, sampleMs);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: 260 }));
    resize.observe(el);
    return () => {
      alive = false;
      clearInterval(timer);
      resize.disconnect();
      plot.destroy();
    };
  }, [conferenceId, startedAt, lang]);

  return (
    <figure class="timeline" aria-labelledby="timeline-title">
      <figcaption>
        <h2 id="timeline-title">{t('timelineTitle')}</h2>
        <p class="sr-only">{t('timelineSummary')}</p>
        <ul class="timeline-key" aria-hidden="true">
          <li style={{ '--c': colors.present }}>{t('present')}</li>
          <li style={{ '--c': colors.expected }}>{t('expected')}</li>
          <li style={{ '--c': colors.connected }}>{t('bridgePoints')}</li>
        </ul>
      </figcaption>
      <div ref={box} class="timeline-plot" aria-hidden="true" data-testid="timeline" />
      <p class="timeline-now" ref={legend} aria-live="off" />
    </figure>
  );
}
