/**
 * Every message between the page and the LocalShelf worker, in one place.
 * Requests carry an id; the worker answers each with exactly one response.
 * The worker may also push notices (training progress, backend changes) at any time.
 */
import type { BackendName } from '../env.ts';
import type { BackendInfo } from './backend.ts';

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  /** Bytes held on the GPU, when the backend reports it. */
  numBytesInGPU: number | null;
}

/** Request types, each with the shape of its payload and of its result. */
export interface WorkerCalls {
  init: { payload: { backends?: BackendName[]; allowSoftwareWebgl?: boolean }; result: BackendInfo };
  status: { payload: Record<string, never>; result: { backend: BackendInfo | null; memory: MemoryInfo } };
  /** Multiplies two random matrices of the given size on the worker's backend: proves the math runs there. */
  probe: { payload: { size: number }; result: { backend: string; checksum: number; ms: number } };
}

export type CallType = keyof WorkerCalls;

export interface RequestMessage<T extends CallType = CallType> {
  id: number;
  type: T;
  payload: WorkerCalls[T]['payload'];
}

/** An error as it crosses the worker boundary; rethrown on the page with the same name and message. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ResponseMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

/** Pushed by the worker without a request. */
export type NoticeMessage = { notice: 'backend-changed'; backend: BackendInfo; reason: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
