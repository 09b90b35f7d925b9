import type { ContextMessage, ContextPayload } from './protocol.ts';

/** The worker no longer holds (or never held) the revision a call referred to: send the whole context. */
export const CONTEXT_NOT_HELD = 'ContextNotHeldError';

/** The page's side: sends a revision in full once, then refers to it until the store moves on. */
export class ContextSender {
  private sent = -1;

  message(revision: number, payload: ContextPayload): ContextMessage {
    // A negative revision means the page has not read the store yet: nothing to refer to later.
    if (revision >= 0 && revision === this.sent)
      return { revision, ...(payload.sessionId ? { sessionId: payload.sessionId } : {}) };
    this.sent = revision;
    return { revision, payload };
  }

  /** After the worker said it does not hold what was referred to. */
  forget(): void {
    this.sent = -1;
  }
}

/** The worker's side: the last context sent in full, by revision. */
export class HeldContext {
  private held: { revision: number; payload: ContextPayload } | null = null;

  /** The context a message stands for; the session always comes from the message itself (it ends with time, not with events). */
  resolve(message: ContextMessage): { revision: number; payload: ContextPayload } {
    if ('payload' in message) {
      this.held = { revision: message.revision, payload: message.payload };
      return this.held;
    }
    if (!this.held || this.held.revision !== message.revision) {
      const error = new Error(
        `the call refers to the shopper's context at store revision ${message.revision}, but this worker holds ` +
          `${this.held ? `revision ${this.held.revision}` : 'none'}; the page resends the whole context`,
      );
      error.name = CONTEXT_NOT_HELD;
      throw error;
    }
    const { sessionId: _stale, ...rest } = this.held.payload;
    return {
      revision: message.revision,
      payload: { ...rest, ...(message.sessionId ? { sessionId: message.sessionId } : {}) },
    };
  }
}
