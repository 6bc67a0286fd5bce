// German texts of the step-through presets (keys from en-presets.ts). Numbers keep the decimal
// point of the documents they quote; the page's own numbers follow the `decimal` setting.
import type { enPresets } from './en-presets';

export const dePresets: Record<keyof typeof enPresets, string> = {
  'preset.seed002.title': 'Seed 002: Rechenbeispiel (BCE)',
  'preset.seed002.summary': 'x = [1, 2], y = 1, Sigmoid, binäre Kreuzentropie, Lernrate 0.1: zwei Vorwärtsdurchläufe und ein Rückwärtsdurchlauf.',
  'preset.seed002.notes': 'Das Dokument rechnet <em>z</em><sup>[2]</sup> = 0.5·0.625 + 0.6·0.754 + 0.05 und schreibt <strong>0.854</strong>; die Summe ist 0.8149. Jede spätere Zahl des Dokuments (ŷ, der Verlust, δ, die Gradienten und die aktualisierten Gewichte) erbt diesen Fehler. Die Engine rechnet exakt; die Tabelle vergleicht beide, während Sie schrittweise vorgehen.\n\nDas Dokument rundet außerdem <em>a</em><sup>[1]</sup> vor der Verwendung auf drei Stellen; das allein ändert nur die vierte Stelle.',
  'preset.seed003.title': 'Seed 003: ein Neuron (CS231n)',
  'preset.seed003.summary': 'w = [2, −3], b = −3 (das w₂ des Dokuments), x = [−1, −2]: der Rechengraph von σ(w·x + b). Klicken Sie auf das Neuron, um seinen Graphen zu öffnen.',
  'preset.seed003.notes': 'Der Code des Dokuments schreibt <code>activation = 1 / 1 + math.exp(-product)</code>. Wegen der Operatorrangfolge ist das (1/1) + e<sup>−z</sup> = 1 + e<sup>−1</sup> ≈ 1.368: der Wert des Knotens „1+exp(−z)“ im Graphen, nicht σ(z) ≈ 0.731, wofür es <code>1 / (1 + math.exp(-product))</code> bräuchte.\n\nSeine <code>grad_x</code> und <code>grad_w</code> multiplizieren mit der Aktivierung; die Kettenregel multipliziert mit dem Gradienten, der in das Produkt fließt, σ′(z) = σ(z)(1 − σ(z)). Das „1 ·“ vor dem letzten Term ist der Bias: Ein Additionsgatter gibt seinen Gradienten unverändert weiter (lokaler Gradient 1). Öffnen Sie den Inspektor mit „Gradienten von: der Aktivierung“, um die Zahlen von CS231n zu sehen.',
  'preset.seed004.title': 'Seed 004: Kette der Glieder (MSE)',
  'preset.seed004.summary': 'x = 0.76, w = 0.5, b = ln(0.981/0.019) − 0.38, sodass ŷ = 0.981, Ziel 0, MSE, Lernrate 0.1. Klicken Sie auf das Neuron, um der Kette zu folgen.',
  'preset.seed004.notes': 'Das Dokument schreibt ∂Verlust/∂Vorhersage = Ziel − Vorhersage = −0.981. Für L = ½(ŷ − y)² ist die Ableitung ŷ − y = <strong>+0.981</strong>: „Ziel − Vorhersage“ ist der <em>negative</em> Gradient. Danach addiert das Dokument η·δ·Eingabe, statt zu subtrahieren; die beiden Vorzeichenfehler heben sich auf, sein neues Gewicht stimmt also mit dem Gradientenabstieg überein.\n\nEs schreibt außerdem 0.981 · (1 − 0.981) = 0.0183; das Produkt ist 0.018639 (und δ ist dann 0.018285, nicht −0.0179).',
  'preset.seed002-mse.title': 'Das Netz von Seed 002 mit MSE',
  'preset.seed002-mse.summary': 'Netz und Daten von Seed 002 mit ½(ŷ − y)² statt Kreuzentropie: Vergleichen Sie dZ[2] (nicht mehr ŷ − y) und die Gradienten.',
  'preset.seed002-mse.notes': 'Mit MSE ist der Ausgabefehler dZ = (ŷ − y) · σ′(z): Der Faktor σ′ bleibt, also lernt eine selbstsicher falsche Sigmoid-Ausgabe langsam. Mit BCE kürzt sich σ′ heraus, und dZ = ŷ − y.',
  'preset.xor.title': 'XOR mit einem 2-2-1-Netz',
  'preset.xor.summary': 'Die vier XOR-Punkte in einem Batch (m = 4), verborgene Schicht mit tanh, Sigmoid-Ausgabe, BCE, Lernrate 0.5. Wählen Sie, welches Beispiel das Diagramm zeigt.',
  'preset.softmax3.title': 'Drei Klassen mit Softmax',
  'preset.softmax3.summary': 'Ein 2-3-3-Netz, verborgene Schicht mit tanh, Softmax-Ausgabe mit Kreuzentropie, drei Beispiele (eines je Klasse).',
  'preset.softmax3.notes': 'Auch Softmax mit Kreuzentropie vereinfacht sich: dZ = A − Y, eine Spalte je Beispiel.',
  'preset.mazur.title': 'Mazurs Schritt für Schritt (2-2-2)',
  'preset.mazur.summary': 'Eingaben 0.05 und 0.10, Ziele 0.01 und 0.99, w1..w8 = .15 .20 .25 .30 .40 .45 .50 .55, b1 = .35, b2 = .60, logistische Einheiten, E = Σ ½(Ziel − Ausgabe)², Lernrate 0.5.',
  'preset.mazur.notes': 'Wo die Konventionen des Beitrags von unseren abweichen: Er nennt die Gewichte w1..w8 (hier W<sup>[1]</sup> = [[w1, w2], [w3, w4]], W<sup>[2]</sup> = [[w5, w6], [w7, w8]]: Eine Zeile enthält die Gewichte einer Einheit); er schreibt ∂E/∂out = −(target − out), also unser dA = A − Y; und er aktualisiert die Biases nicht, deshalb setzt dieses Beispiel <code>update_biases</code> auf false.\n\nSeine Fehlerfunktion ist unser <code>mse</code> (½ des quadratischen Fehlers, über die Ausgaben summiert) mit einem Beispiel. Er aktualisiert die verborgenen Gewichte mit den ursprünglichen Ausgabegewichten, wie die Engine.\n\nSein Gesamtfehler nach dem ersten Schritt ist als 0.291027924 veröffentlicht; exakte Arithmetik (und sogar seine eigenen gerundeten neuen Gewichte) ergibt 0.2910277737: Die beiden stimmen auf 6 Stellen überein.',
  'preset.mlcc.title': 'Aufbau aus dem ML Crash Course (1-2-2-1)',
  'preset.mlcc.summary': 'Der Aufbau der Backpropagation-Erklärung im Google Machine Learning Crash Course: eine Eingabe, zwei verborgene Schichten mit je zwei Sigmoid-Einheiten, eine Sigmoid-Ausgabe, ½ quadratischer Fehler. Die Zahlen sind die eigenen dieses Beispiels.',
  'preset.mlcc.notes': 'Jede verborgene Einheit speist zwei Einheiten der nächsten Schicht, also summiert jedes dA zwei Pfade: ein gutes Netz, um die Summe an Verzweigungen zu üben.',
};
