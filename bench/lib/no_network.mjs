// Proof that the benchmark does not reach the network: fetch() and outgoing HTTP(S)
// requests to anything but the loopback address are counted and refused while it runs.
import http from 'node:http';
import https from 'node:https';

const attempts = [];

function refuse(what, target) {
  attempts.push(`${what} ${target}`);
  throw new Error(`bench: network access refused (${what} ${target})`);
}

function isLoopback(target) {
  try {
    const u = new URL(String(target));
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  } catch {
    return false;
  }
}

export function installNetworkGuard() {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const target = typeof input === 'string' || input instanceof URL ? input : input?.url;
    if (!isLoopback(target)) refuse('fetch', target);
    return realFetch(input, init);
  };
  for (const [mod, scheme] of [[http, 'http'], [https, 'https']]) {
    for (const name of ['request', 'get']) {
      const real = mod[name];
      mod[name] = function guarded(arg, ...rest) {
        const host = typeof arg === 'string' || arg instanceof URL ? new URL(String(arg)).hostname : arg?.hostname ?? arg?.host;
        if (!['127.0.0.1', 'localhost', '::1'].includes(host)) refuse(`${scheme}.${name}`, host);
        return real.call(this, arg, ...rest);
      };
    }
  }
}

/** The refused attempts so far (empty when nothing tried to reach the network). */
export function networkAttempts() {
  return attempts.slice();
}
