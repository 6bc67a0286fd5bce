// Small helpers of <backprop-explorer> (element.ts): error text, spec text, the ready promise.
import type { Spec } from '../engine';

export function errorText(e: unknown): string {
  const err = e as { message?: unknown; path?: unknown };
  const message = String(err?.message ?? e);
  const path = typeof err?.path === 'string' ? err.path : '';
  return path && !message.startsWith(path) ? `${path}: ${message}` : message;
}

export function parseSpec(text: string, what: string): Spec {
  try {
    return JSON.parse(text) as Spec;
  } catch (e) {
    throw new Error(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A promise with its resolve and reject (one per load of the element, whose type is T). */
export function deferredReady<T>() {
  let resolve!: (el: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a load nobody waits for is not an unhandled rejection
  return { promise, resolve, reject, settled: false };
}
