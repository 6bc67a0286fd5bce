// Words the engine produces in English (a loss's or data set's display name, a circuit
// preset's title and text), keyed by the engine's own id. English shows the engine's text as
// it is; another language shows its entry here, and the engine's text where it has none
// (marked lang="en" by the caller). The German test (tests/e2e/i18n-german.test.mjs) fails on any engine text
// left in English on the views it walks, so a new engine id shows up there.
import type { Lang } from './index';

const DE: Record<string, string> = {
  'loss.mse': 'Mittlerer quadratischer Fehler',
  'loss.bce': 'Binäre Kreuzentropie',
  'loss.cross_entropy': 'Kreuzentropie',

  'dataset.circle': 'Kreis',
  'dataset.xor': 'Exklusives Oder',
  'dataset.gaussian': 'Gauß-Wolken',
  'dataset.spiral': 'Spirale',
  'dataset.plane': 'Ebene (Regression)',
  'dataset.multi_gaussian': 'Mehrere Gauß-Hügel (Regression)',

  'circuit.cs231n-add-mul.title': 'CS231n: f = (x + y) z',
  'circuit.cs231n-add-mul.about': 'Das Additionsgatter gibt seinen Gradienten unverändert an beide Eingaben weiter; das Multiplikationsgatter gibt jeder Eingabe den Wert der anderen Eingabe mal den Gradienten.',
  'circuit.cs231n-neuron.title': 'CS231n: ein Sigmoid-Neuron',
  'circuit.cs231n-neuron.about': 'Aufgeklappt besteht die Sigmoidfunktion aus vier Gattern (Negation, exp, +1, 1/x); zusammengefasst ist sie ein Gatter mit dem lokalen Gradienten s(1 − s). Die Gradienten der Eingaben sind in beiden Fällen gleich.',
  'circuit.seed003-as-written.title': 'Code eines Lernenden, wie geschrieben: 1 / 1 + math.exp(-product)',
  'circuit.seed003-as-written.about': 'Division bindet stärker als Addition: Das ist (1 / 1) + exp(-product), keine Sigmoidfunktion. Vergleichen Sie Graph und Zahlen mit der beabsichtigten Fassung.',
  'circuit.seed003-intended.title': 'Der beabsichtigte Code: 1 / (1 + math.exp(-product))',
  'circuit.seed003-intended.about': 'Mit den Klammern teilt das letzte Gatter 1 durch 1 + exp(-product): die Sigmoidfunktion.',
  'circuit.seed000-mse.title': 'Ein Sigmoid-Neuron mit quadratischem Fehler',
  'circuit.seed000-mse.about': 'z fließt durch Negation, Exponentialfunktion, Addition und Division zu y_hat; der Gradient des Verlusts dL/dy_hat = y_hat - y fließt dann durch dieselben Gatter zurück.',
  'circuit.fork.title': 'An Verzweigungen addieren sich Gradienten: y = x * x + x',
  'circuit.fork.about': 'x speist drei Leitungen; sein Gradient ist die Summe dessen, was über jede zurückkommt: 3 + 3 + 1.',
  'circuit.max-routes.title': 'max leitet den Gradienten weiter',
  'circuit.max-routes.about': 'Nur die größere Eingabe von max erhält den Gradienten; die andere erhält 0.',
};

const TABLES: Record<Lang, Record<string, string> | null> = { en: null, de: DE };

/** The engine's `english` text in `lang`, looked up by the engine's id; `translated` false: it stays English. */
export function engineWord(lang: Lang, id: string, english: string): { text: string; translated: boolean } {
  const table = TABLES[lang];
  if (!table) return { text: english, translated: true };
  const text = table[id];
  return text === undefined ? { text: english, translated: false } : { text, translated: true };
}
