// The engine of one <backprop-explorer>: the page's shared engine (shared-engine.ts) and a
// subscription to its loss (Engine.onLost). When the module fails beyond repair, every element
// that holds it hears so, drops its views (their sessions went with the module) and loads again:
// sharedEngine() then gives a fresh engine, the same one to all of them.
import type { Engine } from '../engine';
import { sharedEngine } from './shared-engine';

export class ElementEngine {
  #engine: Engine | null = null;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly onLost: () => void) {}

  /** The engine held (null before the first load, and after a loss or release()). */
  get current(): Engine | null {
    return this.#engine;
  }

  /** The engine to load with: the one held while it works, else the page's (fresh) shared one. */
  async get(): Promise<Engine> {
    if (this.#engine && !this.#engine.lost) return this.#engine;
    this.release();
    const engine = await sharedEngine();
    if (engine !== this.#engine) {
      this.release(); // another load of the element may have taken an engine meanwhile
      this.#engine = engine;
      this.#unsubscribe = engine.onLost(() => {
        if (this.#engine !== engine) return;
        this.release();
        this.onLost();
      });
    }
    return engine;
  }

  /** Lets go of the engine (an element removed from the page must not hear of its loss). */
  release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#engine = null;
  }
}
