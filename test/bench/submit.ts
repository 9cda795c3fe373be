import type { Answers, Question, QuestionnaireContent } from '@diemcau/schema';
import { migrate, openOrm } from '@diemcau/server';
import pg from 'pg';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { toAnswerRows } from '../../server/src/surveys/answer-rows.ts';
import { graphql } from '../harness/graphql.ts';
import { spawnServer } from '../harness/process.ts';
import { benchDatabase, log, percentile, round, runPool } from './lib.ts';

/**
 * `pnpm bench submit`: 40-question responses submitted through the real HTTP GraphQL endpoint by
 * concurrent clients, against the same inserts made with a bare `pg` client, one transaction each
 * (the floor), in the same run on the same database.
 */
// Eight submissions in flight at once: a province's units sending near a deadline, on a 2-core machine.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PER_PHASE = Number(process.env.BENCH_SUBMISSIONS ?? 1000);
const WARMUP = 50;

/** A deterministic PRNG (mulberry32), so every run answers the same way. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Forty questions over every common type, as a provincial fact-finding questionnaire would have. */
export function fortyQuestions(): QuestionnaireContent {
  const kinds: Question['type'][] = [
    'integer',
    'decimal',
    'percentage',
    'yes_no',
    'single_choice',
    'multiple_choice',
    'scale',
    'date',
    'short_text',
    'matrix',
  ];
  const sections = [0, 1, 2, 3].map((s) => ({
    key: `phan_${s + 1}`,
    title: `Phần ${s + 1}`,
    questions: kinds.map((type, i): Question => {
      const key = `q${s * 10 + i + 1}_${type}`;
      const base = { key, type, label: `Câu ${s * 10 + i + 1}`, required: true };
      switch (type) {
        case 'single_choice':
          return {
            ...base,
            options: ['a', 'b', 'c', 'khac'].map((k) => ({ key: k, label: k.toUpperCase(), other: k === 'khac' })),
          };
        case 'multiple_choice':
          return {
            ...base,
            maxSelections: 3,
            options: ['a', 'b', 'c', 'd', 'e'].map((k) => ({ key: k, label: k.toUpperCase() })),
          };
        case 'scale':
          return { ...base, scale: { points: 5 } };
        case 'matrix':
          return { ...base, scale: { points: 4 }, rows: ['r1', 'r2', 'r3'].map((k) => ({ key: k, label: k })) };
        case 'integer':
          return { ...base, min: 0, max: 100_000 };
        default:
          return base;
      }
    }),
  }));
  return { sections };
}

export function answersFor(content: QuestionnaireContent, seed: number): Answers {
  const rnd = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const answers: Answers = {};
  for (const q of content.sections.flatMap((s) => s.questions)) {
    switch (q.type) {
      case 'integer':
        answers[q.key] = Math.floor(rnd() * 500);
        break;
      case 'decimal':
        answers[q.key] = round(rnd() * 1000, 2);
        break;
      case 'percentage':
        answers[q.key] = round(rnd() * 100, 1);
        break;
      case 'yes_no':
        answers[q.key] = rnd() < 0.8;
        break;
      case 'single_choice': {
        const choice = pick(['a', 'b', 'c', 'khac']);
        answers[q.key] = choice === 'khac' ? { choice, other: 'Ý kiến khác của đơn vị' } : { choice };
        break;
      }
      case 'multiple_choice':
        answers[q.key] = {
          choices: ['a', 'b', 'c', 'd', 'e']
            .filter(() => rnd() < 0.4)
            .slice(0, 3)
            .concat([]),
        };
        if ((answers[q.key] as { choices: string[] }).choices.length === 0) answers[q.key] = { choices: ['a'] };
        break;
      case 'scale':
        answers[q.key] = 1 + Math.floor(rnd() * 5);
        break;
      case 'date':
        answers[q.key] =
          `2026-${String(1 + Math.floor(rnd() * 9)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
        break;
      case 'short_text':
        answers[q.key] = pick(['Đã triển khai đầy đủ', 'Chưa có kinh phí', 'Cần thêm tài liệu hướng dẫn']);
        break;
      case 'matrix':
        answers[q.key] = {
          r1: 1 + Math.floor(rnd() * 4),
          r2: 1 + Math.floor(rnd() * 4),
          r3: 1 + Math.floor(rnd() * 4),
        };
        break;
      default:
        break;
    }
  }
  return answers;
}

const SUBMIT = `mutation ($t: String!, $a: JSONObject!, $by: String!, $k: String!) {
  submitResponse(token: $t, answers: $a, submittedBy: $by, idempotencyKey: $k) { number } }`;

export async function runSubmitBench(): Promise<Record<string, unknown>> {
  const db = await benchDatabase('submit');
  const server = spawnServer({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SECRET_KEY: 'bench-secret-bench-secret-bench-secret-0123',
    PUBLIC_URL: 'http://bench.local',
  });
  try {
    const url = await server.listening;
    log(`server at ${url}; loading the demo province`);
    const orm = await openOrm(db.url);
    await migrate(orm);
    await seedDemo(orm.em.fork());
    await orm.close(true);

    const signIn = await graphql(
      url,
      'mutation { signIn(username: "tuyengiao", password: "tuyengiao-demo-2026") { id } }',
    );
    const headers = { cookie: signIn.headers.get('set-cookie')!.split(';')[0]! };
    const root = await graphql<{ unit: { id: string } }>(url, '{ unit(code: "TH") { id } }', { headers });
    const content = fortyQuestions();
    const created = await graphql<{ createSurvey: { id: string } }>(
      url,
      'mutation ($i: CreateSurveyInput!) { createSurvey(input: $i) { id } }',
      {
        headers,
        variables: {
          i: {
            title: 'Khảo sát 40 câu (benchmark)',
            ownerUnitId: root.data!.unit.id,
            reviewKind: 'FINAL',
            closesAt: new Date(Date.now() + 86_400_000).toISOString(),
            content,
          },
        },
      },
    );
    const surveyId = created.data!.createSurvey.id;
    const published = await graphql(url, 'mutation ($id: ID!) { publishSurvey(id: $id) { id } }', {
      headers,
      variables: { id: surveyId },
    });
    if (published.errors) throw new Error(JSON.stringify(published.errors));
    await graphql(url, 'mutation ($i: AssignSurveyInput!) { assignSurvey(input: $i) { added } }', {
      headers,
      variables: { i: { surveyId, underId: root.data!.unit.id, levels: [3, 4] } },
    });
    const csv = await graphql<{ respondentLinksCsv: string }>(
      url,
      'query ($s: ID!) { respondentLinksCsv(surveyId: $s) }',
      {
        headers,
        variables: { s: surveyId },
      },
    );
    const tokens = csv
      .data!.respondentLinksCsv.trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split('/s/')[1]!);
    const needed = WARMUP + PER_PHASE;
    if (tokens.length < needed + PER_PHASE) throw new Error(`only ${tokens.length} assignments`);
    log(`${tokens.length} units assigned; ${PER_PHASE} submissions per phase, concurrency ${CONCURRENCY}`);

    const submit = async (token: string, i: number) => {
      const res = await graphql(url, SUBMIT, {
        variables: { t: token, a: answersFor(content, i), by: 'Bí thư chi bộ', k: `bench-${i}-${token.slice(4, 16)}` },
      });
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    };
    // Warm up (JIT, caches, connections): not counted.
    await runPool(
      tokens.slice(0, WARMUP).map((t, i) => [t, i] as const),
      CONCURRENCY,
      ([t, i]) => submit(t, i),
    );

    const httpTokens = tokens.slice(WARMUP, needed).map((t, i) => [t, WARMUP + i] as const);
    let start = performance.now();
    const latencies = (await runPool(httpTokens, CONCURRENCY, ([t, i]) => submit(t, i))).sort((a, b) => a - b);
    const httpSeconds = (performance.now() - start) / 1000;
    log(`HTTP: ${PER_PHASE} submissions in ${round(httpSeconds, 2)} s`);

    // The floor: the same rows with a bare pg client, one transaction each, same concurrency.
    const pool = new pg.Pool({ connectionString: db.url, max: CONCURRENCY });
    pool.on('error', (error) => log(`pool: ${error.message}`));
    const free = (
      await pool.query(
        `select a.id, a.survey_id, a.unit_path::text as path, s.current_version_id as version from assignment a
           join survey s on s.id = a.survey_id left join response r on r.assignment_id = a.id
          where a.survey_id = $1 and r.id is null order by a.id limit $2`,
        [surveyId, PER_PHASE],
      )
    ).rows as { id: number; survey_id: number; path: string; version: number }[];
    start = performance.now();
    const baselineLatencies = await runPool(
      free.map((a, i) => [a, needed + i] as const),
      CONCURRENCY,
      async ([a, i]) => {
        const answers = answersFor(content, i);
        const rows = toAnswerRows(content, answers);
        const client = await pool.connect();
        try {
          await client.query('begin');
          const r = await client.query(
            `insert into response (assignment_id, survey_id, unit_path, status, version_id, answers, first_submitted_at, submitted_at, submitted_by, receipt_number)
             values ($1, $2, $3::ltree, 'SUBMITTED', $4, $5::jsonb, now(), now(), 'Bí thư chi bộ', $6) returning id`,
            [a.id, a.survey_id, a.path, a.version, JSON.stringify(answers), `B-${i}`],
          );
          await client.query(
            `insert into answer (response_id, survey_id, unit_path, question_key, option_key, numeric_value, text_value, date_value)
             select $1, $2, $3::ltree, q, o, n, t, d from unnest($4::text[], $5::text[], $6::numeric[], $7::text[], $8::date[]) as x(q, o, n, t, d)`,
            [
              r.rows[0].id,
              a.survey_id,
              a.path,
              rows.map((x) => x.questionKey),
              rows.map((x) => x.optionKey),
              rows.map((x) => x.numericValue),
              rows.map((x) => x.textValue),
              rows.map((x) => x.dateValue),
            ],
          );
          await client.query(
            `insert into response_submission (response_id, idempotency_key, kind, receipt_number, submitted_by, version_id)
             values ($1, $2, 'SUBMIT', $2, 'Bí thư chi bộ', $3)`,
            [r.rows[0].id, `base-${i}`, a.version],
          );
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
      },
    );
    const baselineSeconds = (performance.now() - start) / 1000;
    await pool.end();
    log(`bare pg: ${free.length} submissions in ${round(baselineSeconds, 2)} s`);

    const answerRows = toAnswerRows(content, answersFor(content, 1)).length;
    const submissionsPerSec = PER_PHASE / httpSeconds;
    const baselinePerSec = free.length / baselineSeconds;
    return {
      name: 'submit',
      submissionsPerSec: round(submissionsPerSec),
      baselinePerSec: round(baselinePerSec),
      ratio: round(submissionsPerSec / baselinePerSec, 2),
      p99Ms: round(percentile(latencies, 99)),
      p50Ms: round(percentile(latencies, 50)),
      baselineP99Ms: round(
        percentile(
          baselineLatencies.sort((a, b) => a - b),
          99,
        ),
      ),
      submissions: PER_PHASE,
      concurrency: CONCURRENCY,
      questions: 40,
      answerRowsPerSubmission: answerRows,
    };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    await db.dispose();
  }
}
