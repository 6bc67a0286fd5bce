// Shared by the reader tests of the step-through view (explorer-reader, explorer-labels,
// explorer-a11y): seed 002 derived by hand, a touch-screen Chromium, and small page helpers.
import assert from 'node:assert/strict';
import { openApp } from './browser.mjs';

export const close = (actual, expected, tol, what) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: page shows ${actual}, expected ${expected}`);

const sig = (z) => 1 / (1 + Math.exp(-z));

/**
 * Seed 002 by hand: x = [1, 2], y = 1, W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.01, 0.02],
 * W2 = [0.5, 0.6], b2 = 0.05, sigmoid everywhere, BCE (dZ2 = ŷ − y), learning rate 0.1.
 */
export function seed002ByHand() {
  const x = [1, 2];
  const eta = 0.1;
  const forward = (W1, b1, W2, b2) => {
    const z1 = [W1[0][0] * x[0] + W1[0][1] * x[1] + b1[0], W1[1][0] * x[0] + W1[1][1] * x[1] + b1[1]];
    const a1 = z1.map(sig);
    const z2 = W2[0] * a1[0] + W2[1] * a1[1] + b2;
    return { z1, a1, z2, yhat: sig(z2), loss: -Math.log(sig(z2)) };
  };
  const W1 = [[0.1, 0.2], [0.3, 0.4]];
  const b1 = [0.01, 0.02];
  const W2 = [0.5, 0.6];
  const b2 = 0.05;
  const f1 = forward(W1, b1, W2, b2);
  const dZ2 = f1.yhat - 1;
  const dW2 = [dZ2 * f1.a1[0], dZ2 * f1.a1[1]];
  const dA1 = [W2[0] * dZ2, W2[1] * dZ2];
  const dZ1 = [dA1[0] * f1.a1[0] * (1 - f1.a1[0]), dA1[1] * f1.a1[1] * (1 - f1.a1[1])];
  const dW1 = [[dZ1[0] * x[0], dZ1[0] * x[1]], [dZ1[1] * x[0], dZ1[1] * x[1]]];
  const W2new = [W2[0] - eta * dW2[0], W2[1] - eta * dW2[1]];
  const b2new = b2 - eta * dZ2;
  const W1new = W1.map((row, j) => row.map((w, i) => w - eta * dW1[j][i]));
  const b1new = b1.map((b, j) => b - eta * dZ1[j]);
  const f2 = forward(W1new, b1new, W2new, b2new);
  return { x, W1, b1, W2, b2, f1, dZ2, dW2, dA1, dZ1, dW1, W1new, b1new, W2new, b2new, f2 };
}

/** The page's helpers on one playwright page. */
export function helpers(page) {
  const settle = () => page.waitForSelector('#view-step:not([data-animating])', { timeout: 10000 });
  return {
    settle,
    phase: (p) => page.waitForSelector(`#view-step[data-phase="${p}"]`, { timeout: 5000 }),
    async press(name, phase) {
      await page.locator('#view-step').getByRole('button', { name, exact: true }).click();
      await page.waitForSelector(`#view-step[data-phase="${phase}"]`, { timeout: 5000 });
      await settle();
    },
    async load(preset) {
      await page.getByTestId('preset-select').selectOption(preset);
      await page.waitForSelector('#view-step[data-phase="start"]');
      await settle();
    },
    /** Runs phases until the view shows `phase` (at most n). */
    async runTo(phase, n = 20) {
      for (let k = 0; k < n; k++) {
        if ((await page.locator('#view-step').getAttribute('data-phase')) === phase) return;
        await page.locator('#view-step').getByRole('button', { name: 'Next phase', exact: true }).click();
        await settle();
      }
      throw new Error(`never reached ${phase}`);
    },
  };
}

/** Server + a touch-screen Chromium (a phone: 390 px, hasTouch). */
export function openTouchApp({ width = 390, height = 844 } = {}) {
  return openApp({ viewport: { width, height }, touch: true });
}

/** The full page opened and ready, with the step view's helpers: what most test files share. */
export async function openLoadedApp(options) {
  const app = await openApp(options);
  await app.load();
  return { app, page: app.page, ui: helpers(app.page) };
}
