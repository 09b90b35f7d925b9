import { ValidationError } from '../errors.ts';
import { Listeners } from '../listeners.ts';
import type { EventBackend } from './backend.ts';
import { CONSENT_KEY } from './consent.ts';
import { DEFAULT_DB_NAME } from './db.ts';
import { IdbBackend } from './idb-backend.ts';
import { MemoryBackend } from './memory-backend.ts';
import {
  countByKind,
  itemSequence,
  summarizeSessions,
  type SequenceStep,
  type SessionSummary,
} from './queries.ts';
import { resolveRetention, RETENTION_CHECK_EVERY, type RetentionPolicy } from './retention.ts';
import type { EventKind, ShopEvent, TrackInput } from './schema.ts';
import { validateEvent } from './validate.ts';

export interface EventStoreOptions {
  /** IndexedDB database name. Default: `"localshelf"`. Tests use their own. */
  dbName?: string;
  /** Retention caps. Default: 20,000 events, 180 days. */
  retention?: Partial<RetentionPolicy>;
  /** Inactivity after which a new session starts, in ms. Default: 30 minutes. */
  sessionTimeoutMs?: number;
  /** Skip IndexedDB and keep events in memory. Default: false. */
  memoryOnly?: boolean;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
  /**
   * Meta keys read while the store opens, beside its pause flag, so the first `getMeta` of
   * each needs no trip to IndexedDB of its own (each trip is tens of ms on a loaded page
   * load). Default: none.
   */
  readAhead?: readonly string[];
}

/** What the UI shows about the store; replaced (never mutated) on every change. */
export interface EventStoreSnapshot {
  /** Where events are kept. `memory` means they vanish with the tab. */
  persistence: 'indexeddb' | 'memory';
  /** Why IndexedDB is not used, when it is not. */
  fallbackReason: string | null;
  paused: boolean;
  /** True after a write failed for lack of space even after pruning; those events are kept in memory. */
  storageFull: boolean;
  /** Bumped on every change in this tab or another. */
  revision: number;
  /**
   * Bumped on every change except a recorded impression: what shelves refresh on. Showing a
   * shelf must not reshuffle it under the shopper's eyes; what was shown counts the next time.
   */
  interactionRevision: number;
}

export interface EventExport {
  format: 'localshelf-events';
  version: 1;
  exportedAt: string;
  persistence: 'indexeddb' | 'memory';
  paused: boolean;
  events: ShopEvent[];
}

const PAUSED_KEY = 'paused';

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

/**
 * The shopper's behaviour, on their device. `track()` validates and appends;
 * queries serve the trainer and the UI; export / delete / pause are the
 * shopper's controls. Never throws into the page for storage trouble: it
 * prunes, retries, and falls back to memory, saying so in the snapshot.
 */
export class EventStore {
  private snapshot: EventStoreSnapshot;
  private readonly listeners = new Listeners();
  private readonly channel: BroadcastChannel | null;
  private readonly retention: RetentionPolicy;
  private readonly now: () => number;
  private readonly sessionTimeoutMs: number;
  /** Events that did not fit on disk; merged into every query. */
  private readonly overflow = new MemoryBackend();
  private writesSinceRetention = 0;
  /** The retention pass started on open; resolves to how many events it pruned. */
  retained: Promise<number> = Promise.resolve(0);
  private sessionId: string;
  private lastActivity = 0;

  private constructor(
    private readonly backend: EventBackend,
    fallbackReason: string | null,
    paused: boolean,
    options: EventStoreOptions,
    channelName: string,
  ) {
    this.retention = resolveRetention(options.retention);
    this.now = options.now ?? Date.now;
    this.sessionTimeoutMs = options.sessionTimeoutMs ?? 30 * 60_000;
    this.sessionId = newId('s');
    this.snapshot = {
      persistence: backend.kind,
      fallbackReason,
      paused,
      storageFull: false,
      revision: 0,
      interactionRevision: 0,
    };
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
    this.channel?.addEventListener(
      'message',
      (message: MessageEvent<{ paused?: boolean; impression?: boolean }>) => {
        // Another tab changed something: pick up its pause state and tell our listeners.
        const paused = message.data.paused;
        this.update(typeof paused === 'boolean' ? { paused } : {}, false, message.data.impression === true);
      },
    );
  }

  /** Opens the store, falling back to memory when IndexedDB is missing or refuses to open. */
  static async open(options: EventStoreOptions = {}): Promise<EventStore> {
    const dbName = options.dbName ?? DEFAULT_DB_NAME;
    resolveRetention(options.retention); // fail fast on a bad policy, before touching storage
    let backend: EventBackend;
    let reason: string | null = null;
    if (options.memoryOnly) {
      backend = new MemoryBackend();
      reason = 'memory-only mode was requested';
    } else if (typeof indexedDB === 'undefined') {
      backend = new MemoryBackend();
      reason = 'IndexedDB is not available in this browser';
    } else {
      try {
        backend = await IdbBackend.open(dbName);
      } catch (error) {
        backend = new MemoryBackend();
        reason = `IndexedDB could not be opened (${(error as Error).name}: ${(error as Error).message})`;
      }
    }
    const readAhead = options.readAhead ?? [];
    if (!Array.isArray(readAhead) || !readAhead.every((k) => typeof k === 'string'))
      throw new TypeError(
        `store.readAhead is ${JSON.stringify(readAhead)}; expected an array of meta keys (strings)`,
      );
    // All at once: concurrent reads cost about one trip, not one each.
    const [paused, ...values] = await Promise.all([
      backend.getMeta<boolean>(PAUSED_KEY),
      ...readAhead.map((key) =>
        backend.getMeta(key).then(
          (value) => ({ value }),
          () => null, // the caller's own getMeta reads it again and sees the error
        ),
      ),
    ]);
    const store = new EventStore(backend, reason, paused ?? false, options, `localshelf:${dbName}`);
    readAhead.forEach((key, i) => {
      const read = values[i];
      if (read) store.readAheadMeta.set(key, read.value);
    });
    // In the background: a store far over its cap (say, after the cap was lowered) takes
    // seconds to trim, and the shop should not wait for that to open.
    store.retained = store.applyRetention().catch(() => 0);
    return store;
  }

  // --- React-friendly subscription (useSyncExternalStore) ---

  subscribe = this.listeners.subscribe;

  getSnapshot = (): EventStoreSnapshot => this.snapshot;

  private update(patch: Partial<EventStoreSnapshot>, broadcast: boolean, impression = false): void {
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      revision: this.snapshot.revision + 1,
      interactionRevision: this.snapshot.interactionRevision + (impression ? 0 : 1),
    };
    if (broadcast) this.channel?.postMessage({ paused: this.snapshot.paused, impression });
    this.listeners.emit();
  }

  // --- Collect ---

  /**
   * Validates and stores one event. Resolves to the stored event, or `null`
   * when tracking is paused. Throws a ValidationError for bad input, before
   * anything is written.
   */
  async track(input: TrackInput): Promise<ShopEvent | null> {
    const now = this.now();
    if (now - this.lastActivity > this.sessionTimeoutMs && this.lastActivity !== 0)
      this.sessionId = newId('s');
    // Plain-JS callers can pass anything: let validation name a non-object instead of a TypeError here.
    const event = validateEvent(
      typeof input === 'object' && input !== null
        ? {
            ...input,
            id: input.id ?? newId('e'),
            ts: input.ts ?? now,
            sessionId: input.sessionId ?? this.sessionId,
          }
        : input,
    );
    if (this.snapshot.paused) return null;
    this.lastActivity = now;
    await this.write(event);
    if (++this.writesSinceRetention >= RETENTION_CHECK_EVERY) await this.applyRetention();
    this.update({}, true, event.kind === 'impression');
    return event;
  }

  private async write(event: ShopEvent): Promise<void> {
    try {
      await this.backend.add(event);
      return;
    } catch (error) {
      // A caller-supplied id that is already stored: bad input, not a storage failure.
      if (error instanceof DOMException && error.name === 'ConstraintError')
        throw new ValidationError(
          'id',
          `event field "id" is ${JSON.stringify(event.id)}; expected an id not already stored`,
        );
      if (!isQuotaError(error)) throw error;
    }
    // Out of space: make room by dropping the oldest tenth, then try once more.
    const total = await this.backend.count();
    await this.backend.deleteOldest(Math.max(100, Math.ceil(total / 10)));
    try {
      await this.backend.add(event);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      await this.overflow.add(event);
      if (!this.snapshot.storageFull) this.update({ storageFull: true }, false);
    }
  }

  /** Drops events past the age cap, then the oldest past the count cap. Resolves to how many went. */
  async applyRetention(): Promise<number> {
    this.writesSinceRetention = 0;
    let removed = await this.backend.deleteBefore(this.now() - this.retention.maxAgeDays * 86_400_000);
    const excess = (await this.backend.count()) - this.retention.maxEvents;
    if (excess > 0) removed += await this.backend.deleteOldest(excess);
    if (removed > 0) this.update({}, true);
    return removed;
  }

  /** The session the next event will join; null when the shopper has been away long enough for a new one. */
  currentSession(): string | null {
    if (this.lastActivity !== 0 && this.now() - this.lastActivity > this.sessionTimeoutMs) return null;
    return this.sessionId;
  }

  /**
   * Values read at open (`readAhead`), each handed to the first `getMeta` of its key while the
   * store is as it was opened (no change in this tab or another, no write of that key); later
   * reads go to IndexedDB.
   */
  private readonly readAheadMeta = new Map<string, unknown>();

  /** A setting or counter of the engine's own (the `meta` store; in memory when IndexedDB is unavailable). */
  async getMeta<T>(key: string): Promise<T | undefined> {
    if (this.readAheadMeta.size && this.snapshot.revision !== 0) this.readAheadMeta.clear();
    if (this.readAheadMeta.has(key)) {
      const value = this.readAheadMeta.get(key);
      this.readAheadMeta.delete(key);
      return value as T | undefined;
    }
    return this.backend.getMeta<T>(key);
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    this.readAheadMeta.delete(key);
    await this.backend.setMeta(key, value);
  }

  // --- Queries ---

  /** Every stored event, oldest first. */
  async all(): Promise<ShopEvent[]> {
    const [stored, extra] = await Promise.all([this.backend.all(), this.overflow.all()]);
    return extra.length ? [...stored, ...extra].sort((a, b) => a.ts - b.ts) : stored;
  }

  /** The newest `n` events, newest first. */
  async latest(n: number): Promise<ShopEvent[]> {
    const [stored, extra] = await Promise.all([this.backend.latest(n), this.overflow.latest(n)]);
    return extra.length ? [...stored, ...extra].sort((a, b) => b.ts - a.ts).slice(0, n) : stored;
  }

  /** The shopper's item history with kinds and times, oldest first; `limit` keeps the newest. */
  async itemSequence(limit = Infinity): Promise<SequenceStep[]> {
    const steps = itemSequence(await this.all());
    return Number.isFinite(limit) ? steps.slice(-limit) : steps;
  }

  async eventsForItem(itemId: string): Promise<ShopEvent[]> {
    return this.backend.byItem(itemId);
  }

  async eventsOfKind(kind: EventKind): Promise<ShopEvent[]> {
    return this.backend.byKind(kind);
  }

  async sessions(): Promise<SessionSummary[]> {
    return summarizeSessions(await this.all());
  }

  async countsByKind(): Promise<Record<EventKind, number>> {
    return countByKind(await this.all());
  }

  async count(): Promise<number> {
    return (await this.backend.count()) + (await this.overflow.count());
  }

  // --- The shopper's controls ---

  async exportAll(): Promise<EventExport> {
    return {
      format: 'localshelf-events',
      version: 1,
      exportedAt: new Date(this.now()).toISOString(),
      persistence: this.snapshot.persistence,
      paused: this.snapshot.paused,
      events: await this.all(),
    };
  }

  /**
   * Deletes every stored event. The pause choice and a consent record survive, since they are
   * the shopper's settings, not behaviour (withdrawing consent deletes the whole database).
   */
  async deleteAll(): Promise<void> {
    this.readAheadMeta.clear();
    const consent = await this.backend.getMeta(CONSENT_KEY);
    await this.backend.clear();
    await this.overflow.clear();
    if (this.snapshot.paused) await this.backend.setMeta(PAUSED_KEY, true);
    if (consent !== undefined) await this.backend.setMeta(CONSENT_KEY, consent);
    this.sessionId = newId('s');
    this.update({ storageFull: false }, true);
  }

  async pause(): Promise<void> {
    await this.backend.setMeta(PAUSED_KEY, true);
    this.update({ paused: true }, true);
  }

  async resume(): Promise<void> {
    await this.backend.setMeta(PAUSED_KEY, false);
    this.update({ paused: false }, true);
  }

  close(): void {
    this.channel?.close();
    this.backend.close();
    this.listeners.clear();
  }
}
