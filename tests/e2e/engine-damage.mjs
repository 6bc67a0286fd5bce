// How the lost-engine tests break the shared engine, as functions that run in the page
// (installed by installEngineDamage before the page loads, called as window.__bpxFillEngine(n)
// and window.__bpxDamageEngine()).
// The raw module comes from the documented test hook window.__bpxTestModules (web/src/engine.ts).

/** In the page: fills the first raw module's memory until not even `smallest` bytes are left. */
function fillEngine(smallest) {
  const raw = window.__bpxTestModules[0];
  for (let size = 256 << 20; size >= smallest; size >>= 1) while (raw._malloc(size));
}

/**
 * In the page: damages every copy of the key "targets" (which the engine's health probe's spec
 * uses) in the first raw module's memory and fills that memory to its last 64 KB, so that the
 * next large allocation fails and the probe then finds the module damaged. Returns how many
 * copies it changed.
 */
function damageEngine() {
  const raw = window.__bpxTestModules[0];
  const heap = raw.HEAPU8;
  const word = new TextEncoder().encode('targets');
  let damaged = 0;
  for (let i = heap.indexOf(word[0]); i >= 0 && i + word.length <= heap.length; i = heap.indexOf(word[0], i + 1)) {
    if (word.every((byte, k) => heap[i + k] === byte)) {
      heap[i] ^= 0x20;
      damaged++;
    }
  }
  window.__bpxFillEngine(64 << 10);
  return damaged;
}

/** Before the page loads: the test hook's array, window.__bpxFillEngine(n) and window.__bpxDamageEngine(). */
export async function installEngineDamage(page) {
  await page.addInitScript(`window.__bpxTestModules = []; window.__bpxFillEngine = ${fillEngine.toString()}; window.__bpxDamageEngine = ${damageEngine.toString()};`);
}
