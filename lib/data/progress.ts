import { TRAIN_DEFAULTS, type TrainLog } from '../../src/engine/node.ts';

/** A one-line progress bar on stderr: bar, epoch, loss and estimated time left. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, '0')}m`
    : m > 0
      ? `${m}m${String(r).padStart(2, '0')}s`
      : `${r}s`;
}

export function progressLine(opts: {
  epoch: number;
  epochs: number;
  step: number;
  steps: number;
  loss: number;
  elapsedMs: number;
  budgetMs: number;
  epochStartMs: number;
}): string {
  const width = 24;
  const frac = opts.steps > 0 ? opts.step / opts.steps : 0;
  const filled = Math.round(frac * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const epochElapsed = opts.elapsedMs - opts.epochStartMs;
  const epochLeft = frac > 0 ? (epochElapsed / frac) * (1 - frac) : NaN;
  // Time left: the rest of this epoch plus the remaining epochs, capped by the time budget.
  const perEpoch = frac > 0 ? epochElapsed / frac : NaN;
  const allLeft = epochLeft + perEpoch * Math.max(0, opts.epochs - opts.epoch);
  const budgetLeft = opts.budgetMs - opts.elapsedMs;
  return `epoch ${opts.epoch}/${opts.epochs} ${bar} ${(frac * 100).toFixed(0).padStart(3)}% loss ${opts.loss.toFixed(4)} elapsed ${formatDuration(opts.elapsedMs)} ${timeLeft(allLeft, budgetLeft)}`;
}

/**
 * "left ≈3m10s" (the estimate), "left ≤1m00s" (the time budget cuts it short), and never a
 * zero or negative time: under a second it is "finishing", past the budget the run ends with
 * the epoch it is in.
 */
export function timeLeft(estimateMs: number, budgetLeftMs: number): string {
  if (budgetLeftMs <= 0) return 'time budget reached, finishing this epoch';
  const capped = !(estimateMs <= budgetLeftMs);
  const left = capped ? budgetLeftMs : estimateMs;
  if (!Number.isFinite(left)) return 'left ?';
  if (left < 1000) return 'finishing';
  return `left ${capped ? '≤' : '≈'}${formatDuration(left)}`;
}

/** Redraws in place on a terminal; on a pipe/log prints at most one line per `everyMs`. */
export function makeProgress(
  stream: NodeJS.WriteStream = process.stderr,
  everyMs = 10_000,
): { update(line: string): void; done(line?: string): void } {
  let last = 0;
  return {
    update(line) {
      if (stream.isTTY) stream.write(`\r${line}\x1b[K`);
      else if (Date.now() - last >= everyMs) {
        last = Date.now();
        stream.write(`${line}\n`);
      }
    },
    done(line) {
      if (stream.isTTY) stream.write('\r\x1b[K');
      if (line) stream.write(`${line}\n`);
    },
  };
}

/**
 * The `onLog` every pretraining command passes: a progress bar during each epoch and
 * one line per epoch with the validation metrics.
 */
export function pretrainProgress(settings: {
  epochs?: number;
  maxMinutes?: number;
}): (log: TrainLog) => void {
  const progress = makeProgress();
  let epochStart = 0;
  return (log) => {
    if (log.type === 'step') {
      if (log.step === 1) epochStart = log.elapsedMs;
      progress.update(
        progressLine({
          ...log,
          epochs: settings.epochs ?? TRAIN_DEFAULTS.epochs,
          budgetMs: (settings.maxMinutes ?? TRAIN_DEFAULTS.maxMinutes) * 60_000,
          epochStartMs: epochStart,
        }),
      );
    } else {
      const metric = (key: string) => (log.valid[key] ?? 0).toFixed(4);
      if (Object.keys(log.valid).length === 0) {
        progress.done(
          `refit epoch ${log.epoch}: loss ${log.loss.toFixed(4)} (no validation) at ${(log.elapsedMs / 60000).toFixed(1)} min`,
        );
        return;
      }
      progress.done(
        `epoch ${log.epoch}: loss ${log.loss.toFixed(4)} valid HR@10 ${metric('HR@10')} NDCG@10 ${metric('NDCG@10')}` +
          `${log.best ? ' (best)' : ''} at ${(log.elapsedMs / 60000).toFixed(1)} min`,
      );
    }
  };
}
