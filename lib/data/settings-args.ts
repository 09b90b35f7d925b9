import type { PretrainSettings } from './pretrain-run.ts';

/** Command-line names of the model/training settings shared by pretrain and bench:quality. */
export const SETTING_OPTIONS = {
  dim: 'number',
  'max-len': 'number',
  blocks: 'number',
  heads: 'number',
  dropout: 'number',
  'hash-buckets': 'number',
  'complements-per-item': 'number',
  'neighbours-per-item': 'number',
  epochs: 'number',
  'batch-size': 'number',
  lr: 'number',
  negatives: 'number',
  'log-q': 'number',
  patience: 'number',
  'lr-decay': 'number',
  'lr-patience': 'number',
  'warmup-epochs': 'number',
  loss: 'string',
  'gbce-t': 'number',
  'max-minutes': 'number',
  seed: 'number',
  'valid-users': 'number',
  refit: 'number',
} as const;

/** The setting each command-line option sets. */
export const SETTING_FIELDS: Record<keyof typeof SETTING_OPTIONS, keyof PretrainSettings> = {
  dim: 'dim',
  'max-len': 'maxLen',
  blocks: 'blocks',
  heads: 'heads',
  dropout: 'dropout',
  'hash-buckets': 'hashBuckets',
  'complements-per-item': 'complementsPerItem',
  'neighbours-per-item': 'neighboursPerItem',
  epochs: 'epochs',
  'batch-size': 'batchSize',
  lr: 'learningRate',
  negatives: 'negatives',
  'log-q': 'logQ',
  patience: 'patience',
  'lr-decay': 'lrDecay',
  'lr-patience': 'lrPatience',
  'warmup-epochs': 'warmupEpochs',
  loss: 'loss',
  'gbce-t': 'gbceT',
  'max-minutes': 'maxMinutes',
  seed: 'seed',
  'valid-users': 'validUsers',
  refit: 'refit',
};

export function settingsFromArgs(args: Record<string, string | number | boolean>): PretrainSettings {
  const s: Record<string, number | boolean | string> = {};
  for (const [opt, field] of Object.entries(SETTING_FIELDS)) {
    const v = args[opt];
    if (typeof v === 'string') s[field] = v;
    // --log-q and --refit take 1 / 0 for on / off.
    if (typeof v === 'number') s[field] = field === 'logQ' || field === 'refit' ? v !== 0 : v;
  }
  return s as PretrainSettings;
}

export const SETTINGS_HELP = `  --dim N --max-len N --blocks N --heads N --dropout X --hash-buckets N
  --complements-per-item N (catalog complements per item for the calibrated complement prior; 0 = none)
  --neighbours-per-item N (co-occurring items per item for the calibrated transition blend; 0 = none)
  --epochs N --batch-size N --lr X --negatives N (0 = full softmax) --patience N
  --log-q 1 (correct sampled-softmax logits by each item's chance of being a candidate)
  --lr-decay X (learning-rate factor after --lr-patience N epochs without a better validation score; 1 = off)
  --warmup-epochs X (linear learning-rate warm-up) --loss softmax|gbce (--gbce-t X, calibration in [0, 1])
  --max-minutes X (time budget; best weights so far are kept) --seed N
  --valid-users N (validation users sampled for early stopping; 0 = all)
  --refit 1 (after validation chose the epoch, retrain with each user's validation item too; 0 = off)`;
