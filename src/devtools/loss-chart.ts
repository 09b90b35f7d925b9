const NS = 'http://www.w3.org/2000/svg';

/**
 * A live loss curve: training loss and held-back loss per step, as two SVG
 * polylines. `update` redraws from the full series (runs are tens of steps).
 */
export function lossChart(
  width = 420,
  height = 160,
): {
  element: SVGSVGElement;
  /** Redraws; `title` names a logged run's curve (e.g. "last run (12:03), re-ranker"). */
  update(steps: { step: number; loss: number; heldBackLoss: number }[], title?: string): void;
} {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('class', 'loss-chart');
  const line = (colour: string) => {
    const p = document.createElementNS(NS, 'polyline');
    p.setAttribute('fill', 'none');
    p.setAttribute('stroke', colour);
    p.setAttribute('stroke-width', '2');
    svg.append(p);
    return p;
  };
  const frame = document.createElementNS(NS, 'rect');
  frame.setAttribute('width', String(width));
  frame.setAttribute('height', String(height));
  frame.setAttribute('fill', '#fbfbfd');
  frame.setAttribute('stroke', '#d7dbe3');
  svg.append(frame);
  const train = line('#2563eb');
  const held = line('#ea580c');
  const label = document.createElementNS(NS, 'text');
  label.setAttribute('x', '8');
  label.setAttribute('y', '16');
  label.setAttribute('font-size', '11');
  label.setAttribute('fill', '#475569');
  svg.append(label);
  return {
    element: svg,
    update(steps, title) {
      svg.setAttribute('aria-label', `loss curve, ${steps.length} steps`);
      svg.dataset.points = String(steps.length);
      if (steps.length === 0) {
        train.setAttribute('points', '');
        held.setAttribute('points', '');
        label.textContent = title ?? 'no run yet';
        return;
      }
      const values = steps.flatMap((s) => [s.loss, s.heldBackLoss]).filter(Number.isFinite);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      const x = (i: number) => 6 + ((width - 12) * i) / Math.max(1, steps.length - 1);
      const y = (v: number) => height - 8 - ((height - 28) * (v - lo)) / (hi - lo || 1);
      train.setAttribute(
        'points',
        steps.map((s, i) => `${x(i).toFixed(1)},${y(s.loss).toFixed(1)}`).join(' '),
      );
      // Steps without a held-back loss (the re-ranker's) draw no orange line.
      held.setAttribute(
        'points',
        steps
          .flatMap((s, i) =>
            Number.isFinite(s.heldBackLoss) ? [`${x(i).toFixed(1)},${y(s.heldBackLoss).toFixed(1)}`] : [],
          )
          .join(' '),
      );
      const last = steps[steps.length - 1]!;
      label.textContent =
        `${title ? `${title}: ` : ''}step ${last.step}: loss ${last.loss.toFixed(4)} (blue)` +
        (Number.isFinite(last.heldBackLoss) ? `, held back ${last.heldBackLoss.toFixed(4)} (orange)` : '');
    },
  };
}
