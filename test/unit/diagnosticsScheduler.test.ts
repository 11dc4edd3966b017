// When the server checks a document after a change: at once when checks are cheap, backing off only for expensive ones.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay, CHEAP_CHECK_MS, DiagnosticsScheduler, MAX_BACKOFF_MS, type SchedulerTimers } from '../../server/src/lsp/diagnosticsScheduler';

/** A clock the test moves by hand; `cost` is how long each check takes. */
class FakeTimers implements SchedulerTimers {
  time = 0;
  private queue: { at: number; fn: () => void; cancelled: boolean }[] = [];
  now = () => this.time;
  later(fn: () => void, ms: number) {
    const entry = { at: this.time + ms, fn, cancelled: false };
    this.queue.push(entry);
    return () => void (entry.cancelled = true);
  }
  /** Runs everything due up to `until`, in time order. */
  advance(until: number) {
    for (;;) {
      const due = this.queue.filter((e) => !e.cancelled && e.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.queue = this.queue.filter((e) => e !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = Math.max(this.time, until);
  }
}

function setup(costMs: number) {
  const timers = new FakeTimers();
  const checks: number[] = [];
  const scheduler = new DiagnosticsScheduler(() => {
    checks.push(timers.time);
    timers.time += costMs;
  }, timers);
  return { timers, checks, scheduler };
}

test('a document never checked, or cheap to check, is checked without delay', () => {
  assert.equal(backoffDelay(undefined, 100), 0);
  assert.equal(backoffDelay({ costMs: CHEAP_CHECK_MS, endedAt: 100 }, 100), 0);
  assert.equal(backoffDelay({ costMs: 0.3, endedAt: 100 }, 100), 0);
});

test('an expensive document backs off by its check time after the last check, never longer than the cap', () => {
  assert.equal(backoffDelay({ costMs: 40, endedAt: 100 }, 110), 30);
  assert.equal(backoffDelay({ costMs: 40, endedAt: 100 }, 140), 0, 'idle for a check time: at once');
  assert.equal(backoffDelay({ costMs: 5000, endedAt: 100 }, 100), MAX_BACKOFF_MS);
});

test('edits that arrive together are checked once; every cheap edit after that at once', () => {
  const { timers, checks, scheduler } = setup(0.2);
  scheduler.changed('a');
  scheduler.changed('a');
  scheduler.changed('a');
  timers.advance(0);
  assert.deepEqual(checks, [0]);
  timers.advance(50);
  scheduler.changed('a');
  timers.advance(50);
  assert.deepEqual(checks, [0, 50], 'checked at the moment of the edit');
});

test('fast typing in an expensive document is checked at most once per check time, and the last edit is checked', () => {
  const { timers, checks, scheduler } = setup(40);
  scheduler.changed('big');
  timers.advance(0); // first check: 0..40
  for (let t = 45; t <= 145; t += 10) {
    timers.advance(t);
    scheduler.changed('big');
  }
  timers.advance(1000);
  assert.equal(checks[0], 0);
  for (let i = 1; i < checks.length; i++) assert.ok(checks[i] - checks[i - 1] >= 80, `checks too close: ${checks.join(', ')}`);
  assert.ok(checks[checks.length - 1] >= 145, 'the last edit was checked');
  assert.ok(checks.length <= 3, `${checks.length} checks`);
});

test('an expensive document edited after a pause is checked at once', () => {
  const { timers, checks, scheduler } = setup(40);
  scheduler.changed('big');
  timers.advance(0);
  timers.advance(500);
  scheduler.changed('big');
  timers.advance(500);
  assert.deepEqual(checks, [0, 500]);
});

test('a forgotten document is not checked, and a scheduled check belongs to one document only', () => {
  const { timers, checks, scheduler } = setup(1);
  scheduler.changed('a');
  scheduler.changed('b');
  scheduler.forget('a');
  timers.advance(10);
  assert.equal(checks.length, 1);
  scheduler.checkSoon('a');
  timers.advance(20);
  assert.equal(checks.length, 2);
});

test('pull mode: a cheap document is checked at once; an expensive one waits its check time, and a cancelled pull is not checked', async () => {
  const timers = new FakeTimers();
  const scheduler = new DiagnosticsScheduler(() => undefined, timers);
  const expensive = () => {
    timers.time += 50;
    return 'checked';
  };
  assert.equal(await scheduler.pull('a', () => false, expensive), 'checked', 'never checked: at once');
  let cancelled = false;
  const waiting = scheduler.pull('a', () => cancelled, expensive);
  timers.advance(timers.time + 49);
  cancelled = true;
  timers.advance(timers.time + 1);
  assert.equal(await waiting, undefined, 'overtaken while it waited: no check');
  const later = scheduler.pull('a', () => false, expensive);
  timers.advance(timers.time + 50);
  assert.equal(await later, 'checked');
  const cheap = new DiagnosticsScheduler(() => undefined, timers);
  await cheap.pull('b', () => false, () => (timers.time += 1));
  let ran = false;
  await cheap.pull('b', () => false, () => (ran = true));
  assert.ok(ran, 'cheap: checked again without waiting for the clock');
});
