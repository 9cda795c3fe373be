import { createLogger, openOrm } from '@diemcau/server';
import { describe, expect, it } from 'vitest';
import { LiveRecorder } from '../../server/src/live/live.recorder.ts';
import { createTestDatabase } from '../harness/database.ts';

/**
 * The live counter writes check-ins, last-seen times and connected intervals behind the sockets, and
 * most callers do not wait (`void recorder.seen(…)` when someone leaves). When the database is gone
 * for longer than the retries, such a write's failure must be logged, not thrown at the process: an
 * unhandled rejection ended every server process of a cluster whose PostgreSQL was away for 7 s.
 */
describe('the live recorder when the database is gone', () => {
  it('fails the writes a caller waits for, and brings nothing down with the ones nobody waits for', async () => {
    const database = await createTestDatabase();
    const orm = await openOrm(database.url);
    const errors: string[] = [];
    const log = createLogger({ logLevel: 'silent', nodeEnv: 'test' });
    log.error = ((obj: unknown, msg?: string) => {
      errors.push(msg ?? String(obj));
    }) as typeof log.error;
    const recorder = new LiveRecorder(orm, log, 5);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // The database goes away under the open pool: every later connection is refused.
      await database.drop();
      void recorder.seen(1, 'nguyen van a|', new Date());
      void recorder.openInterval(1, new Date());
      void recorder.closeInterval(1, new Date());
      const waited = recorder.checkIn(
        { conferenceId: 1, bridgePointId: 1, participantKey: 'tran thi b|', name: 'Trần Thị B', memberNumber: null },
        new Date(),
      );
      // After its retries (about 4 s), the batch fails for good.
      await expect(waited).rejects.toBeDefined();
      await new Promise((r) => setTimeout(r, 200));
      expect(unhandled).toEqual([]);
      expect(errors).toContain('live counter: a batch of writes failed');
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await orm.close(true).catch(() => undefined);
    }
  }, 30_000);
});
