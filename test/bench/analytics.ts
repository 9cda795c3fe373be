import { readFileSync } from 'node:fs';
import { migrate, openOrm } from '@diemcau/server';
import pg from 'pg';
import { hashPassword } from '../../server/src/security/passwords.ts';
import { toAnswerRows } from '../../server/src/surveys/answer-rows.ts';
import { importUnitRows } from '../../server/src/units/unit.import.ts';
import { graphql } from '../harness/graphql.ts';
import { spawnServer } from '../harness/process.ts';
import { benchDatabase, log, percentile, round } from './lib.ts';
import { answersFor, fortyQuestions } from './submit.ts';

/**
 * `pnpm bench analytics`: 50,000 units five levels deep, each answering a 40-question survey
 * (about 2.5 million answer rows). Each analytic query type is timed through the real HTTP GraphQL
 * endpoint and, in the same run, as the equivalent hand-written SQL on the same database; then the
 * whole CSV export is downloaded while the server's memory is watched.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const LEVELS = [1, 20, 25, 10, 10]; // children per parent at each level: 1 · 20 · 500 · 5,000 · 50,000

function unitRows() {
  const rows: { line: number; code: string; name: string; kind: string; parentCode: string }[] = [];
  const kinds = ['PROVINCE_COMMITTEE', 'DISTRICT_COMMITTEE', 'COMMUNE_COMMITTEE', 'GRASSROOTS_CELL', 'GRASSROOTS_CELL'];
  const names = ['Tỉnh ủy', 'Huyện ủy', 'Đảng ủy xã', 'Chi bộ thôn', 'Tổ đảng'];
  let level: string[] = [''];
  for (const [depth, fanOut] of LEVELS.entries()) {
    const next: string[] = [];
    for (const parent of level) {
      for (let i = 1; i <= fanOut; i += 1) {
        const code = parent ? `${parent}-${i}` : 'P';
        rows.push({
          line: rows.length + 1,
          code,
          name: `${names[depth]} ${code.replaceAll('-', '.')}`,
          kind: kinds[depth]!,
          parentCode: parent,
        });
        next.push(code);
      }
    }
    level = next;
  }
  return rows;
}

export async function runAnalyticsBench(): Promise<Record<string, unknown>> {
  const db = await benchDatabase('analytics');
  const orm = await openOrm(db.url);
  await migrate(orm);
  const units = unitRows();
  log(`${units.length} units`);
  for (let i = 0; i < units.length; i += 5000) {
    const result = await importUnitRows(orm.em.fork(), units.slice(i, i + 5000), { dryRun: false });
    if (!result.applied) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  }
  await orm.close(true);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const content = fortyQuestions();
  content.indicators = [{ key: 'ratio_1_11', label: 'Tỷ lệ', numerator: ['q11_integer'], denominator: ['q1_integer'] }];
  await client.query(
    `insert into account (username, display_name, password_hash, role) values ('bench', 'Bench', $1, 'ADMIN')`,
    [await hashPassword('bench-password-1')],
  );
  const survey = (
    await client.query(
      `insert into survey (title, review_kind, status, owner_unit_id, opens_at, closes_at, draft_content)
       values ('Khảo sát 50.000 đơn vị', 'FINAL', 'OPEN', (select id from unit where code = 'P'), now() - interval '30 days', now() + interval '1 day', $1)
       returning id`,
      [JSON.stringify(content)],
    )
  ).rows[0].id as number;
  const version = (
    await client.query(`insert into survey_version (survey_id, number, content) values ($1, 1, $2) returning id`, [
      survey,
      JSON.stringify(content),
    ])
  ).rows[0].id as number;
  await client.query('update survey set current_version_id = $1 where id = $2', [version, survey]);
  await client.query(
    `insert into assignment (survey_id, unit_id, unit_path, unit_level) select $1, id, path, level from unit where level >= 2`,
    [survey],
  );
  const assignments = (
    await client.query('select id, unit_path::text as path from assignment where survey_id = $1 order by id', [survey])
  ).rows as { id: number; path: string }[];
  log(`${assignments.length} assignments; writing responses`);
  let answerCount = 0;
  const submittedShare = 0.9;
  for (let i = 0; i < assignments.length; i += 500) {
    const batch = assignments.slice(i, i + 500).filter((_, j) => ((i + j) * 2654435761) % 1000 < submittedShare * 1000);
    if (batch.length === 0) continue;
    const answers = batch.map((a) => answersFor(content, a.id));
    const responses = (
      await client.query(
        `insert into response (assignment_id, survey_id, unit_path, status, version_id, answers, first_submitted_at, submitted_at, submitted_by, receipt_number)
         select a, $1, p::ltree, 'SUBMITTED', $2, x, now() - interval '1 day', now() - interval '1 day', 'Bí thư', 'B' || a
           from unnest($3::int[], $4::text[], $5::jsonb[]) as t(a, p, x) returning id, assignment_id`,
        [survey, version, batch.map((a) => a.id), batch.map((a) => a.path), answers.map((x) => JSON.stringify(x))],
      )
    ).rows as { id: number; assignment_id: number }[];
    const byAssignment = new Map(responses.map((r) => [r.assignment_id, r.id]));
    const cols: [
      number[],
      string[],
      string[],
      (string | null)[],
      (number | null)[],
      (string | null)[],
      (string | null)[],
    ] = [[], [], [], [], [], [], []];
    batch.forEach((a, j) => {
      for (const row of toAnswerRows(content, answers[j]!)) {
        cols[0].push(byAssignment.get(a.id)!);
        cols[1].push(a.path);
        cols[2].push(row.questionKey);
        cols[3].push(row.optionKey);
        cols[4].push(row.numericValue);
        cols[5].push(row.textValue);
        cols[6].push(row.dateValue);
      }
    });
    answerCount += cols[0].length;
    await client.query(
      `insert into answer (response_id, survey_id, unit_path, question_key, option_key, numeric_value, text_value, date_value)
       select r, $1, p::ltree, q, o, n, t, d from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::date[]) as x(r, p, q, o, n, t, d)`,
      [survey, ...cols],
    );
  }
  await client.query('vacuum analyze');
  log(`${answerCount} answer rows`);

  const server = spawnServer({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123',
  });
  try {
    const url = await server.listening;
    if (process.env.BENCH_ANALYTICS_HOLD) {
      // For EXPLAIN ANALYZE by hand: the data set and the server stay up until Ctrl-C.
      log(`holding: database ${db.url}, server ${url}, survey ${survey}`);
      await new Promise((resolve) => process.once('SIGINT', resolve));
    }
    const signIn = await graphql(url, 'mutation { signIn(username: "bench", password: "bench-password-1") { id } }');
    const headers = { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! };
    const g = (level: number) =>
      `(case when nlevel(unit_path) >= ${level} then ltree2text(subpath(unit_path, ${level - 1}, 1)) else ltree2text(subpath(unit_path, -1, 1)) end)::int`;
    const cases: Record<string, { gql: string; sql: string }> = {
      progress: {
        gql: `progress { total { assigned submitted } groups { unitName assigned submitted drafts notOpened submittedOnTime rate } }`,
        sql: `select ${g(2).replaceAll('unit_path', 'a.unit_path')} as gid, count(*), count(r.id) filter (where r.status = 'SUBMITTED'),
                count(r.id) filter (where r.status = 'DRAFT'), count(*) filter (where r.id is null and a.first_opened_at is null),
                count(*) filter (where r.first_submitted_at <= s.closes_at)
                from assignment a join survey s on s.id = a.survey_id left join response r on r.assignment_id = a.id
               where a.survey_id = ${survey} and a.withdrawn_at is null group by grouping sets ((1), ())`,
      },
      // The hand-written statements answer what the GraphQL field does: the groups' names, and for a
      // choice the "Other" texts (first 50 per group) and the mean, not only the counts.
      choices: {
        gql: `question(key: "q5_single_choice") { choices { total { responses options { key count share } otherTexts mean } groups { unitName responses options { key count } otherTexts } } }`,
        sql: `select c.*, u.name, o.texts from (select ${g(2)} as gid, option_key, count(distinct response_id), avg(numeric_value)
                from answer where survey_id = ${survey} and question_key = 'q5_single_choice'
               group by grouping sets ((1, 2), (1), (2), ())) c
              left join unit u on u.id = c.gid
              left join (select ${g(2)} as gid, (array_agg(text_value order by text_value))[1:50] as texts from answer_text
                          where survey_id = ${survey} and question_key = 'q5_single_choice' and option_key = 'khac' group by 1) o
                on o.gid = c.gid`,
      },
      multipleChoice: {
        gql: `question(key: "q6_multiple_choice") { choices { total { responses options { key count } } groups { unitName options { count } } } }`,
        sql: `select c.*, u.name from (select ${g(2)} as gid, option_key, count(distinct response_id) from answer
               where survey_id = ${survey} and question_key = 'q6_multiple_choice'
               group by grouping sets ((1, 2), (1), (2), ())) c left join unit u on u.id = c.gid`,
      },
      numbers: {
        gql: `question(key: "q1_integer") { numbers { total { count sum mean min max median q1 q3 } groups { unitName count mean median } } }`,
        sql: `select c.*, u.name from (select ${g(2)} as gid, count(*), sum(numeric_value), avg(numeric_value), min(numeric_value),
                max(numeric_value), percentile_cont(0.25) within group (order by numeric_value),
                percentile_cont(0.5) within group (order by numeric_value), percentile_cont(0.75) within group (order by numeric_value)
                from answer where survey_id = ${survey} and question_key = 'q1_integer' group by grouping sets ((1), ())) c
              left join unit u on u.id = c.gid`,
      },
      dates: {
        gql: `question(key: "q8_date") { dates { total { count earliest latest byMonth { month count } } } }`,
        sql: `select ${g(2)} as gid, to_char(date_value, 'YYYY-MM'), count(*), min(date_value), max(date_value) from answer
               where survey_id = ${survey} and question_key = 'q8_date' group by grouping sets ((1, 2), (1), (2), ())`,
      },
      indicators: {
        gql: `indicators { total { value responses } groups { unitName value } }`,
        sql: `with per as (select response_id, ${g(2)} as gid, sum(numeric_value) filter (where question_key = 'q11_integer') num,
                 sum(numeric_value) filter (where question_key = 'q1_integer') den from answer
                 where survey_id = ${survey} and question_key in ('q1_integer', 'q11_integer') group by 1, 2)
              select gid, sum(num), sum(den), count(*) from per where num is not null and den is not null group by grouping sets ((1), ())`,
      },
      crossTab: {
        gql: `crossTab(rowKey: "q4_yes_no", columnKey: "q5_single_choice") { responses cells { row column count } }`,
        sql: `select x.option_key, y.option_key, count(distinct x.response_id) from answer x
                join answer y on y.response_id = x.response_id and y.question_key = 'q5_single_choice'
               where x.survey_id = ${survey} and x.question_key = 'q4_yes_no' group by grouping sets ((1, 2), ())`,
      },
      textSearch: {
        gql: `textAnswers(key: "q9_short_text", search: "tai lieu", first: 20) { totalCount edges { node { text unitName pathNames } } }`,
        // Text answers live in the narrow answer_text (kept by triggers), newest first.
        sql: `select x.text_value, x.unit_path, x.answered_at, count(*) over () from answer_text x
                where x.survey_id = ${survey} and x.question_key = 'q9_short_text'
                  and lower(immutable_unaccent(x.text_value)) like '%tai lieu%' order by x.answered_at desc limit 21`,
      },
    };
    const queries: Record<string, { p95Ms: number; sqlP95Ms: number; ratio: number }> = {};
    for (const [name, c] of Object.entries(cases)) {
      const query = `query ($s: ID!) { surveyAnalytics(surveyId: $s, level: 2) { ${c.gql} } }`;
      const http: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS + 3; i += 1) {
        let t = performance.now();
        const res = await graphql(url, query, { headers, variables: { s: String(survey) } });
        if (res.errors) throw new Error(`${name}: ${JSON.stringify(res.errors)}`);
        if (i >= 3) http.push(performance.now() - t);
        t = performance.now();
        await client.query(c.sql);
        if (i >= 3) bare.push(performance.now() - t);
      }
      const p95 = percentile(
        http.sort((a, b) => a - b),
        95,
      );
      const sqlP95 = percentile(
        bare.sort((a, b) => a - b),
        95,
      );
      queries[name] = { p95Ms: round(p95), sqlP95Ms: round(sqlP95), ratio: round(p95 / sqlP95, 2) };
      log(`${name}: ${JSON.stringify(queries[name])}`);
    }

    // The full CSV export, watching the server's resident memory.
    const rssKb = () =>
      Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1] ?? 0);
    const before = rssKb();
    let peak = before;
    const watch = setInterval(() => {
      peak = Math.max(peak, rssKb());
    }, 50);
    const start = performance.now();
    const res = await fetch(`${url}/api/surveys/${survey}/responses.csv`, { headers });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines += 1;
    }
    const exportSeconds = (performance.now() - start) / 1000;
    clearInterval(watch);
    log(
      `CSV export: ${lines - 1} rows, ${round(bytes / 1e6)} MB in ${round(exportSeconds, 2)} s; RSS ${round(before / 1024)} → peak ${round(peak / 1024)} MB`,
    );

    const worst = Object.values(queries);
    return {
      name: 'analytics',
      units: units.length,
      answers: answerCount,
      queries,
      worstP95Ms: Math.max(...worst.map((q) => q.p95Ms)),
      worstRatio: Math.max(...worst.map((q) => q.ratio)),
      csvExport: {
        rows: lines - 1,
        megabytes: round(bytes / 1e6),
        seconds: round(exportSeconds, 2),
        rssBeforeMB: round(before / 1024),
        rssPeakMB: round(peak / 1024),
      },
    };
  } finally {
    await client.end();
    server.child.kill('SIGTERM');
    await server.exited;
    await db.dispose();
  }
}
