/**
 * Runs an async generator to its end and resolves with what it returns, dropping what it
 * yields: `await untilDone(shelf.train())` for a caller that wants only the finished run.
 * It asks for the first value at once, so the work starts when this is called.
 */
export async function untilDone<R>(run: AsyncIterator<unknown, R>): Promise<R> {
  for (;;) {
    const next = await run.next();
    if (next.done) return next.value;
  }
}
