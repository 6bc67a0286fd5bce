// "As many epochs as the frame allows" (speed 'auto', the default): whole epochs per frame,
// as many as keep a frame's own work (training plus drawing, smoothed by the view) under
// TARGET_MS, so a small network trains tens of epochs per frame and a big one still keeps the
// display's frame rate. The count grows by a quarter while the frames stay under GROW_BELOW of
// the target and shrinks by a fifth when one goes over; it waits a few frames after each
// change, since the smoothed times follow a change only gradually.
// Below the view's 10 ms split threshold (web/src/train/loop.ts), so training and drawing stay
// in one frame; the rest of a 16.7 ms frame is the browser's own layout and paint.
const TARGET_MS = 9.5;
const GROW_BELOW = 0.85;
const MAX_EPOCHS = 1000;
const SETTLE_FRAMES = 4;

export class FrameBudget {
  private epochs = 1;
  private wait = 0;

  /** Steps for the next frame; `epochsLeft` (to a stop epoch) caps them. */
  steps(perEpoch: number, trainMs: number, visualMs: number, epochsLeft: number | null = null): number {
    const work = trainMs + visualMs;
    if (this.wait > 0) this.wait--;
    else if (work > TARGET_MS && this.epochs > 1) {
      this.epochs = Math.max(1, Math.floor(this.epochs * 0.8));
      this.wait = SETTLE_FRAMES;
    } else if (work < GROW_BELOW * TARGET_MS && this.epochs < MAX_EPOCHS) {
      this.epochs = Math.min(MAX_EPOCHS, Math.ceil(this.epochs * 1.25));
      this.wait = SETTLE_FRAMES;
    }
    const epochs = epochsLeft === null ? this.epochs : Math.max(1, Math.min(this.epochs, epochsLeft));
    return epochs * perEpoch;
  }
}
