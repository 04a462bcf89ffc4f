// When each panel recomputes after a change: the panels on screen at once,
// the others in the next task. A keystroke in the quantity then paints the
// comparison without waiting for the calculators below the fold; they follow
// a few milliseconds later, marked aria-busy until they have. Print runs
// whatever is pending first (flush), so paper never shows a stale panel.

export class PanelUpdates {
  /**
   * @param {object[]} panels in display order
   * @param {(panel: object) => HTMLElement} sectionOf the panel's <section>
   * @param {(panel: object) => void} update recomputes and renders one panel
   * @param {(phase: 'on-screen' | 'all') => void} [onRendered] after the
   *   panels on screen, and after all of them
   */
  constructor(panels, sectionOf, update, onRendered = () => {}) {
    this.panels = panels;
    this.sectionOf = sectionOf;
    this.update = update;
    this.onRendered = onRendered;
    this.pending = [];
    this.timer = null;
    // A section the observer has not reported yet counts as on screen, and
    // so does every section where there is no IntersectionObserver.
    this.offScreen = new Set();
    if (typeof IntersectionObserver === 'function') {
      const observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) this.offScreen.delete(entry.target);
          else this.offScreen.add(entry.target);
        }
      });
      for (const panel of panels) observer.observe(sectionOf(panel));
    }
    this.flush = this.flush.bind(this);
  }

  /** Recomputes every panel: those on screen now, the rest in the next task. */
  run() {
    this.cancel();
    const later = [];
    for (const panel of this.panels) {
      if (this.offScreen.has(this.sectionOf(panel))) later.push(panel);
      else this.updateOne(panel);
    }
    this.onRendered('on-screen');
    if (later.length === 0) {
      this.onRendered('all');
      return;
    }
    for (const panel of later) this.sectionOf(panel).setAttribute('aria-busy', 'true');
    this.pending = later;
    this.timer = setTimeout(this.flush, 0);
  }

  /** Runs the pending updates now. */
  flush() {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    const panels = this.pending;
    this.pending = [];
    for (const panel of panels) this.updateOne(panel);
    this.onRendered('all');
  }

  updateOne(panel) {
    this.update(panel);
    this.sectionOf(panel).removeAttribute('aria-busy'); // a panel may have been pending
  }

  /** Drops the pending updates (the panels are about to be hidden or redone). */
  cancel() {
    clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
