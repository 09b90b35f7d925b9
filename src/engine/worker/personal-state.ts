import type * as tf from '@tensorflow/tfjs';
import type { PersonalStore } from '../model/personal-store.ts';
import type { Reranker } from '../rerank/model.ts';
import { PersonalHead, type HeadWeights } from '../training/personal-head.ts';

/** Rank of the personal adapter: 2·64·8 + 64 = 1,088 trainable parameters at dim 64. */
export const HEAD_RANK = 8;

/** What one saved record holds: every personal part, each possibly absent. */
export interface PersonalWeights {
  format: 'localshelf-personal/2';
  /** The next-item adapter on top of the sequence model. */
  head: HeadWeights | null;
  /** The fine-tuned re-ranker's weights (Reranker.weights() order), fine-tuned from the record's `rerankerVersion`. */
  reranker: number[][] | null;
}

/** What the sequence model and the shipped re-ranker are, so saved parts can be checked against them. */
export interface PersonalTags {
  baseModel: string;
  rerankerVersion: string | null;
}

/** Why saved parts were not used; null where nothing was discarded. */
export interface Discarded {
  head: string | null;
  reranker: string | null;
}

/**
 * The one owner of the shopper's personal state in the worker: the next-item adapter (head)
 * and the fine-tuned re-ranker, beside the shipped re-ranker they fall back to. It restores
 * them from the PersonalStore (each part once; an unusable part falls back with a reason),
 * snapshots them for saving, swaps in accepted parts after a save, counts their parameters
 * from their tensors and disposes them. The shelves and the item space read from it, so
 * there is no second copy to keep in sync.
 */
export class PersonalState {
  private headPart: PersonalHead | null = null;
  private tunedReranker: Reranker | null = null;
  savedAt: number | null = null;
  discarded: Discarded = { head: null, reranker: null };

  constructor(
    readonly dim: number,
    /** The shipped re-ranker (owned here too); null when the model has none. */
    readonly shipped: Reranker | null,
    private readonly store: PersonalStore,
    private readonly tags: PersonalTags,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The adapter the item space applies; null means the sequence model alone. */
  get head(): PersonalHead | null {
    return this.headPart;
  }

  /** The re-ranker lists are scored with: the shopper's fine-tuned one once accepted, else the shipped one. */
  get reranker(): Reranker | null {
    return this.tunedReranker ?? this.shipped;
  }

  get rerankerIsPersonal(): boolean {
    return this.tunedReranker !== null;
  }

  /** Parameters of each part, counted from the tensors in use (the head: the one a run would train). */
  params(): { head: number; reranker: number } {
    return {
      head: this.headPart?.parameterCount ?? PersonalHead.parametersFor(this.dim, HEAD_RANK),
      reranker: this.reranker ? countTensors(this.reranker.net.weights.map((w) => w.read())) : 0,
    };
  }

  /** A head to start the next adapter run from: the current one, or a fresh one the caller disposes. */
  startHead(): PersonalHead {
    return this.headPart ?? new PersonalHead(this.dim, HEAD_RANK);
  }

  /**
   * Restores the saved record, each part once. A record for another sequence model is
   * dropped whole (by the store); an unreadable part, or re-ranker weights fine-tuned from
   * another shipped re-ranker, fall back (to no adapter, to the shipped re-ranker) with a
   * reason, and the record is rewritten without them.
   */
  async restore(): Promise<void> {
    const saved = await this.store.load(this.tags.baseModel, (weights) => {
      if (!weights || typeof weights !== 'object' || !('head' in weights))
        throw new Error('the record has no personal weights (expected {head, reranker})');
    });
    if ('discarded' in saved) {
      if (saved.discarded.key !== null) {
        this.discarded = { head: saved.discarded.reason, reranker: saved.discarded.reason };
        this.log(`personal weights discarded: ${saved.discarded.reason}`);
      }
      return;
    }
    const record = saved.record;
    const weights = record.weights as Partial<PersonalWeights> & { click?: unknown };
    let dropped = false;
    if (weights.head) {
      const head = new PersonalHead(this.dim, HEAD_RANK);
      try {
        head.restore(weights.head);
        this.headPart = head;
      } catch (error) {
        head.dispose();
        this.discarded.head = `unreadable weights: ${(error as Error).message}`;
        this.log(`personal weights discarded: ${this.discarded.head}`);
        dropped = true;
      }
    }
    if (weights.reranker) {
      const reason = this.restoreReranker(weights.reranker, record.rerankerVersion ?? null);
      if (reason) {
        this.discarded.reranker = reason;
        this.log(`personal re-ranker weights discarded: ${reason}; using the shipped re-ranker`);
        dropped = true;
      }
    }
    // Records of the old on-device click model carry `click`: that model is gone, so the part is dropped quietly.
    if ('click' in weights && weights.click) dropped = true;
    if (!dropped) {
      this.savedAt = record.savedAt;
      return;
    }
    if (this.headPart || this.tunedReranker) this.savedAt = await this.save();
    else await this.store.clear();
  }

  /** Restores the re-ranker part; returns why it cannot be used, or null. */
  private restoreReranker(saved: unknown, version: string | null): string | null {
    if (!this.shipped) return 'saved re-ranker weights, but the model has no re-ranker any more';
    if (version !== this.shipped.card.version)
      return `fine-tuned from re-ranker "${version}"; the loaded re-ranker is "${this.shipped.card.version}"`;
    const tuned = this.shipped.clone();
    try {
      tuned.setWeights(saved);
    } catch (error) {
      tuned.dispose();
      return `unreadable re-ranker weights: ${(error as Error).message}`;
    }
    this.tunedReranker = tuned;
    return null;
  }

  /** The personal parts as JSON-safe arrays, for saving. */
  async snapshot(
    parts: { head?: PersonalHead | null; reranker?: Reranker | null } = {},
  ): Promise<PersonalWeights> {
    const head = parts.head !== undefined ? parts.head : this.headPart;
    const reranker = parts.reranker !== undefined ? parts.reranker : this.tunedReranker;
    return {
      format: 'localshelf-personal/2',
      head: head ? await head.snapshot() : null,
      reranker: reranker ? await reranker.weights() : null,
    };
  }

  private async save(
    parts: { head?: PersonalHead | null; reranker?: Reranker | null } = {},
  ): Promise<number> {
    return this.store.save(this.tags.baseModel, await this.snapshot(parts), this.tags.rerankerVersion);
  }

  /**
   * Takes ownership of the parts a run accepted: saves them with the parts kept (atomically),
   * then switches to them and disposes what they replace. If the save fails, the new parts
   * are disposed and the current ones stay in use.
   */
  async accept(parts: { head: PersonalHead | null; reranker: Reranker | null }): Promise<void> {
    if (!parts.head && !parts.reranker) return;
    let savedAt: number;
    try {
      savedAt = await this.save({
        ...(parts.head ? { head: parts.head } : {}),
        ...(parts.reranker ? { reranker: parts.reranker } : {}),
      });
    } catch (error) {
      parts.head?.dispose();
      parts.reranker?.dispose();
      throw error;
    }
    if (parts.head) {
      if (this.headPart !== parts.head) this.headPart?.dispose();
      this.headPart = parts.head;
    }
    if (parts.reranker) {
      this.tunedReranker?.dispose();
      this.tunedReranker = parts.reranker;
    }
    this.savedAt = savedAt;
    this.discarded = { head: null, reranker: null };
  }

  /** Forgets every personal part (the store is cleared by the caller). */
  reset(): void {
    this.headPart?.dispose();
    this.headPart = null;
    this.tunedReranker?.dispose();
    this.tunedReranker = null;
    this.savedAt = null;
  }

  /** Frees every tensor it owns, the shipped re-ranker included. */
  dispose(): void {
    this.reset();
    this.shipped?.dispose();
  }
}

function countTensors(tensors: readonly tf.Tensor[]): number {
  return tensors.reduce((sum, t) => sum + t.size, 0);
}
