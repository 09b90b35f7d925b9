/** Command-line options of `npm run simulate`. */
import { DEFAULT_SHOPPERS, DEFAULT_SIM_SEED, DEFAULT_WEEKS } from './run.ts';

export interface SimArgs {
  shoppers: number;
  seed: number;
  weeks: number;
  out: string;
  catalog: string;
}

const USAGE =
  'usage: tsx scripts/simulate.ts [--shoppers N] [--seed S] [--weeks W] [--out dir] [--catalog file]';

export function parseArgs(argv: readonly string[]): SimArgs {
  const args: SimArgs = {
    shoppers: DEFAULT_SHOPPERS,
    seed: DEFAULT_SIM_SEED,
    weeks: DEFAULT_WEEKS,
    out: 'data/sim',
    catalog: 'public/catalog.json',
  };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value; ${USAGE}`);
    const int = (min: number): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${flag} is "${value}"; expected an integer >= ${min}`);
      return n;
    };
    switch (flag) {
      case '--shoppers':
        args.shoppers = int(1);
        break;
      case '--seed':
        args.seed = int(0);
        break;
      case '--weeks':
        args.weeks = int(1);
        break;
      case '--out':
        args.out = value;
        break;
      case '--catalog':
        args.catalog = value;
        break;
      default:
        throw new Error(`unknown option "${flag}"; ${USAGE}`);
    }
  }
  return args;
}
