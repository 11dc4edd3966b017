// One bounded run: everything it starts is released in reverse order when the body ends, fails, times out or the
// user presses Ctrl-C, and nothing acquired after that point survives either.

export class Interrupted extends Error {}

export async function runSession(timeoutMs, body) {
  const releases = [];
  let closed = false;
  const use = async (resource, release) => {
    const value = await resource;
    if (closed) {
      await release(value);
      throw new Error('the run already ended');
    }
    releases.push(() => release(value));
    return value;
  };
  let timer;
  let onSignal;
  const aborted = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the run took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    onSignal = (signal) => reject(new Interrupted(`interrupted by ${signal}`));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  try {
    return await Promise.race([body(use), aborted]);
  } finally {
    closed = true;
    clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const release of releases.reverse()) {
      await Promise.resolve().then(release).catch((err) => console.error(`cleanup: ${err.message}`));
    }
  }
}
