// When to check a document after it changes. A handset file is checked in well under a millisecond, so waiting for a
// pause in typing only adds latency: a document whose last check was cheap is checked at once (coalescing the edits
// that arrived together). Only a document whose check is expensive backs off, and only while edits come faster than
// it can be checked: the next check then starts one check-time after the last one ended, so checking takes at most
// half the server's time and a held key still sees diagnostics follow.

/** A check at most this long is cheap: the document is checked right after every change. */
export const CHEAP_CHECK_MS = 8;
/** The longest a change waits for its check, however expensive the document. */
export const MAX_BACKOFF_MS = 1000;

export interface SchedulerTimers {
  now(): number;
  /** Runs `fn` after `ms` milliseconds (0: as soon as the messages already received are handled); returns a cancel. */
  later(fn: () => void, ms: number): () => void;
}

export const NODE_TIMERS: SchedulerTimers = {
  now: () => performance.now(),
  later(fn, ms) {
    if (ms <= 0) {
      const handle = setImmediate(fn);
      return () => clearImmediate(handle);
    }
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};

/** How long a change waits, given what the document's last check cost and when it ended. */
export function backoffDelay(last: { costMs: number; endedAt: number } | undefined, now: number): number {
  if (!last || last.costMs <= CHEAP_CHECK_MS) return 0;
  const backoff = Math.min(last.costMs, MAX_BACKOFF_MS);
  return Math.max(0, last.endedAt + backoff - now);
}

export class DiagnosticsScheduler {
  private readonly pending = new Map<string, () => void>();
  private readonly lastCheck = new Map<string, { costMs: number; endedAt: number }>();

  /** `check` checks the document's current version and publishes the result. */
  constructor(
    private readonly check: (uri: string) => void,
    private readonly timers: SchedulerTimers = NODE_TIMERS,
  ) {}

  /** A document opened, or its settings changed: check it without backing off. */
  checkSoon(uri: string): void {
    this.schedule(uri, 0);
  }

  /** A document changed: the pending check of the older version is dropped. */
  changed(uri: string): void {
    this.schedule(uri, backoffDelay(this.lastCheck.get(uri), this.timers.now()));
  }

  /**
   * Pull mode (the client asks for a document's diagnostics after each change): waits as a change would, by the cost
   * of the document's last check, then runs `check` on what is current then and records its cost. Resolves
   * `undefined` without checking when `cancelled` turns true meanwhile (the client asked again for a newer version).
   */
  async pull<T>(uri: string, cancelled: () => boolean, check: () => T): Promise<T | undefined> {
    const delay = backoffDelay(this.lastCheck.get(uri), this.timers.now());
    if (delay > 0) await new Promise<void>((resolve) => this.timers.later(resolve, delay));
    if (cancelled()) return undefined;
    return this.timed(uri, check);
  }

  /** The document closed: its pending check is dropped and its history forgotten. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastCheck.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.pending.set(
      uri,
      this.timers.later(() => this.run(uri), delay),
    );
  }

  private run(uri: string): void {
    this.pending.delete(uri);
    this.timed(uri, () => this.check(uri));
  }

  /** Runs a check of the document and records what it cost, for the next change's wait. */
  private timed<T>(uri: string, check: () => T): T {
    const start = this.timers.now();
    try {
      return check();
    } finally {
      const endedAt = this.timers.now();
      this.lastCheck.set(uri, { costMs: endedAt - start, endedAt });
    }
  }

  private cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }
}
