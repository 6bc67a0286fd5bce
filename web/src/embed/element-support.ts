// Small helpers of <backprop-explorer> (element.ts): spec text, the ready promise.
import type { Spec } from '../engine';
import type { Locale } from '../i18n/index';

export function parseSpec(text: string, what: string, loc: Locale): Spec {
  try {
    return JSON.parse(text) as Spec;
  } catch (e) {
    throw new Error(loc.t('embed.notJson', { what, message: (e as Error).message }));
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
