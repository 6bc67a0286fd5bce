// The full page's colour theme: the reader's prefers-color-scheme by default (followed live),
// `?theme=dark|light` in the URL, or the switch in the header (remembered for this browser).
// The theme is data-theme on the root element; app.css holds the colours.
export type ThemeChoice = 'auto' | 'light' | 'dark';

const KEY = 'bpx-theme';

function stored(): ThemeChoice | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' || v === 'auto' ? v : null;
  } catch {
    return null; // storage may be blocked (file://, privacy settings)
  }
}

/** Applies the theme and wires the switch (a select in the header), if there is one. */
export function installPageTheme(params: URLSearchParams, select: HTMLSelectElement | null): void {
  const root = document.documentElement;
  const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  const fromUrl = params.get('theme');
  let choice: ThemeChoice = fromUrl === 'dark' || fromUrl === 'light' ? fromUrl : stored() ?? 'auto';
  const apply = () => {
    const dark = choice === 'dark' || (choice === 'auto' && !!query?.matches);
    root.dataset.theme = dark ? 'dark' : 'light';
    root.dataset.themeChoice = choice;
    if (select) select.value = choice;
  };
  query?.addEventListener('change', apply);
  select?.addEventListener('change', () => {
    choice = select.value as ThemeChoice;
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // not remembered: the choice still holds for this page
    }
    apply();
  });
  apply();
}
