// The diagram's legend: kinds of quantity, signs, and the two pulse colours.
import { palette } from '../theme';

export function legendHtml(): string {
  const item = (swatch: string, text: string) => `<li><span class="swatch" style="${swatch}" aria-hidden="true"></span>${text}</li>`;
  return `<ul class="legend" aria-label="Legend">
    ${item(`background:#eaf6fd;border:2px solid ${palette.input}`, 'input / target (data)')}
    ${item(`background:#fff;border:2px solid ${palette.parameter}`, 'parameter (W, b: learned)')}
    ${item(`background:#fff;border:2px solid ${palette.intermediate};border-radius:50%`, 'neuron (z, a: intermediates)')}
    ${item(`background:${palette.positive}`, 'positive weight')}
    ${item(`background:${palette.negative}`, 'negative weight')}
    ${item(`background:${palette.forward};border-radius:50%`, 'forward pulse (values)')}
    ${item(`background:${palette.gradient};border-radius:50%`, 'backward pulse (gradients)')}
  </ul>`;
}
