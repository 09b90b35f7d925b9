import type { BackendName } from '../../src/engine/index.ts';

/**
 * One column of the browser benchmark: a backend and how the engine is told to run it.
 * Software GPUs are allowed here so that WebGPU and WebGL run even on a machine without
 * a GPU (their renderer string says whether it was a real GPU); wasm runs twice, with and
 * without threads, to measure what threads buy.
 */
export interface Column {
  id: string;
  backend: BackendName;
  /** LocalShelf.create options for this column. */
  engine: {
    backends: BackendName[];
    allowSoftwareWebgl: boolean;
    allowSoftwareWebgpu: boolean;
    wasmThreads: boolean;
  };
  /** The shop's query string for the same choice (src/shop/session.ts reads it). */
  query: string;
}

function column(id: string, backend: BackendName, wasmThreads = true): Column {
  return {
    id,
    backend,
    engine: { backends: [backend], allowSoftwareWebgl: true, allowSoftwareWebgpu: true, wasmThreads },
    query: `?backend=${backend}&softwareWebgl=1&softwareWebgpu=1&wasmThreads=${wasmThreads ? 1 : 0}`,
  };
}

export const COLUMNS: Record<string, Column> = {
  webgpu: column('webgpu', 'webgpu'),
  webgl: column('webgl', 'webgl'),
  wasm: column('wasm', 'wasm'),
  'wasm-1thread': column('wasm-1thread', 'wasm', false),
  cpu: column('cpu', 'cpu'),
};

/** Parses `--columns a,b,c`; the error lists the valid ids. */
export function parseColumns(value: string): Column[] {
  return value.split(',').map((id) => {
    const found = COLUMNS[id.trim()];
    if (!found)
      throw new RangeError(`--columns has "${id}"; expected ids from ${Object.keys(COLUMNS).join(', ')}`);
    return found;
  });
}
