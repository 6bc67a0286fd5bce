// Animated flow on the diagram: on a forward phase pulses travel from layer l−1 into layer l
// and the new values appear as they arrive; on a backward phase pulses of another colour
// travel the other way; on the update the changed parameters light up. Only the lines a phase
// computes fade in: the tags and what they showed before stay on screen. With
// prefers-reduced-motion (or speed "instant") the end state is shown without motion.
import { svgEl } from '../svg';
import { palette, prefersReducedMotion, timing } from '../theme';
import type { NodePos } from './layout';
import type { DiagramRefs } from './diagram';
import type { Phase } from './phases';

const MAX_PULSES = 600;

interface Pulse {
  from: NodePos;
  to: NodePos;
  el: SVGCircleElement;
}

export class Animator {
  #raf = 0;
  #finish: (() => void) | null = null;

  /** Speed factor (1 = normal); 0 means instant. */
  speed = 1;

  get reduced(): boolean {
    return this.speed === 0 || prefersReducedMotion();
  }

  /** Stops a running animation and shows its end state. */
  cancel(): void {
    if (this.#raf) cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    const f = this.#finish;
    this.#finish = null;
    f?.();
  }

  /** Animates the phase that has just run; resolves when the end state is shown. */
  play(refs: DiagramRefs, phase: Phase | null): Promise<void> {
    this.cancel();
    if (!phase || this.reduced) return Promise.resolve();
    const { layout: lay, svg, pulses: g } = refs;
    const reveal = phase.kind === 'forward' ? [`forward-${phase.layer}`]
      : phase.kind === 'backward' ? [`backward-${phase.layer}`]
      : phase.kind === 'loss' ? ['loss'] : ['update'];
    const hidden = reveal.flatMap((r) => Array.from(svg.querySelectorAll<SVGElement>(`[data-reveal="${r}"]`)));
    for (const el of hidden) el.style.opacity = '0';
    // Neurons of a forward phase stay empty until their pulses arrive.
    const fills = reveal.flatMap((r) => Array.from(svg.querySelectorAll<SVGElement>(`[data-reveal-fill="${r}"]`)));
    const savedFills = fills.map((el) => el.getAttribute('fill') ?? '');
    for (const el of fills) el.setAttribute('fill', palette.paper);

    const list: { from: NodePos; to: NodePos }[] = [];
    if (phase.kind === 'forward' || phase.kind === 'backward') {
      const l = phase.layer;
      for (const b of lay.pos[l]) for (const a of lay.pos[l - 1]) {
        list.push(phase.kind === 'forward' ? { from: a, to: b } : { from: b, to: a });
      }
    } else if (phase.kind === 'loss') {
      const outs = lay.pos[lay.pos.length - 1];
      outs.forEach((o, k) => list.push({ from: o, to: lay.targets[k] }, { from: lay.targets[k], to: lay.loss }));
    }
    const colour = phase.kind === 'backward' ? palette.gradient : phase.kind === 'update' ? palette.update : palette.forward;
    const step = Math.max(1, Math.ceil(list.length / MAX_PULSES));
    const pulses: Pulse[] = [];
    for (let k = 0; k < list.length; k += step) {
      const { from, to } = list[k];
      const el = svgEl('circle', { cx: from.x, cy: from.y, r: Math.max(3, lay.radius * 0.26), fill: colour, stroke: '#fff', 'stroke-width': 1.5 }, g);
      pulses.push({ from, to, el });
    }
    // The update: rings grow around every changed parameter tag (the tags stay readable).
    const rings: SVGCircleElement[] = [];
    if (phase.kind === 'update') {
      for (const t of svg.querySelectorAll<SVGGraphicsElement>('[data-ring="update"]')) {
        const box = (t as SVGGraphicsElement).getBBox?.();
        if (!box) continue;
        rings.push(svgEl('circle', { cx: box.x + box.width / 2, cy: box.y + box.height / 2, r: 4, fill: 'none', stroke: colour, 'stroke-width': 3 }, g));
      }
    }

    const duration = (phase.kind === 'update' ? timing.pulse * 0.8 : timing.pulse) / this.speed;
    return new Promise<void>((resolve) => {
      const start = performance.now();
      const finish = (cancelled = true) => {
        for (const p of pulses) p.el.remove();
        fills.forEach((el, k) => el.setAttribute('fill', savedFills[k]));
        for (const r of rings) r.remove();
        for (const el of hidden) {
          el.style.transition = `opacity ${timing.reveal / this.speed}ms ease-out`;
          el.style.opacity = '1';
        }
        // Resolve once the values have faded in (at once when cancelled).
        if (cancelled) resolve();
        else setTimeout(resolve, timing.reveal / this.speed);
      };
      this.#finish = finish;
      const frame = (now: number) => {
        const t = Math.min(1, (now - start) / duration);
        const e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
        if (phase.kind === 'loss') {
          // Two legs: output → target, then target → loss.
          pulses.forEach((p, k) => {
            const leg = k % 2;
            const u = Math.max(0, Math.min(1, e * 2 - leg));
            p.el.setAttribute('cx', String(p.from.x + (p.to.x - p.from.x) * u));
            p.el.setAttribute('cy', String(p.from.y + (p.to.y - p.from.y) * u));
            p.el.setAttribute('opacity', leg === 1 && e < 0.5 ? '0' : '1');
          });
        } else {
          for (const p of pulses) {
            p.el.setAttribute('cx', String(p.from.x + (p.to.x - p.from.x) * e));
            p.el.setAttribute('cy', String(p.from.y + (p.to.y - p.from.y) * e));
          }
        }
        for (const r of rings) {
          r.setAttribute('r', String(4 + 40 * e));
          r.setAttribute('opacity', String(1 - e));
        }
        if (t < 1) {
          this.#raf = requestAnimationFrame(frame);
        } else {
          this.#raf = 0;
          this.#finish = null;
          finish(false);
        }
      };
      this.#raf = requestAnimationFrame(frame);
    });
  }
}
