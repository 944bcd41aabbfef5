/** Presenter mode: large type and thick lines, one chart at a time, controls folded away. */
export class Presenter {
  on = $state(false);
  /** In presenter mode, whether the controls are shown (folded away by default). */
  controls = $state(false);
  /** Whether the list of keyboard shortcuts is open. */
  help = $state(false);

  toggle(): void {
    this.on = !this.on;
    this.controls = false;
  }
}
