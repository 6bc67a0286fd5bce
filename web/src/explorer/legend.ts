// The diagram's legend: kinds of quantity, signs, and the two pulse colours.
// Swatches are classes (app.css), not style attributes, so the legend also renders under a
// Content-Security-Policy without 'unsafe-inline' for styles.
export function legendHtml(): string {
  const item = (swatch: string, text: string) => `<li><span class="swatch ${swatch}" aria-hidden="true"></span>${text}</li>`;
  return `<ul class="legend" aria-label="Legend">
    ${item('legend-input', 'input / target (data)')}
    ${item('legend-param', 'parameter (W, b: learned)')}
    ${item('legend-neuron', 'neuron (z, a: intermediates)')}
    ${item('legend-positive', 'positive weight')}
    ${item('legend-negative', 'negative weight')}
    ${item('legend-forward', 'forward pulse (values)')}
    ${item('legend-backward', 'backward pulse (gradients)')}
  </ul>`;
}
