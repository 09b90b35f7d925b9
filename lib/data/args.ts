/** Minimal `--name value` / `--flag` parser; unknown names are errors that list the valid ones. */
export function parseArgs(
  argv: readonly string[],
  known: Record<string, 'string' | 'number' | 'boolean'>,
): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--'))
      throw new Error(`unexpected argument ${JSON.stringify(arg)}; expected --name value`);
    const name = arg.slice(2);
    const type = known[name];
    if (!type)
      throw new Error(
        `unknown option --${name}; expected one of ${Object.keys(known)
          .map((k) => `--${k}`)
          .join(', ')}`,
      );
    if (type === 'boolean') {
      out[name] = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`option --${name} needs a value`);
    if (type === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n))
        throw new Error(`option --${name} is ${JSON.stringify(value)}; expected a number`);
      out[name] = n;
    } else out[name] = value;
  }
  return out;
}
