// Waiting on editor events with a deadline, so a test fails with a message instead of hanging.

import * as vscode from 'vscode';

export const WAIT_MS = 15_000;

/**
 * Resolves with the first value `check` returns that is not undefined: now, or after any of `events` fires.
 * `what` names the awaited state in the timeout message; a function is asked at timeout, to describe the state then.
 */
export function waitUntil<T>(what: string | (() => string), events: vscode.Event<unknown>[], check: () => T | undefined, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      settle();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`))), timeoutMs);
    const poke = () => {
      let value: T | undefined;
      try {
        value = check();
      } catch (err) {
        finish(() => reject(err));
        return;
      }
      if (value !== undefined) finish(() => resolve(value as T));
    };
    for (const event of events) subscriptions.push(event(poke));
    poke();
  });
}
