// The training view's URL adapter: its settings live in the page's state (web/src/url-state.ts)
// under their t.* names (web/src/settings/table.ts) next to mode=train, so a link reproduces the
// same run. Used by the page shell (app.ts) and by the element of embed.html (the frame's URL).
import type { TrainViewOptions } from './train/index';
import { readHidden, readSettings, writeSettings, type TrainSettings } from './settings/index';
import { updateState } from './url-state';

export function trainSettingsFromUrl(params: URLSearchParams): Pick<TrainViewOptions, 'settings' | 'errors' | 'hidden'> {
  const get = (name: string) => params.get(name);
  const { settings, errors } = readSettings(get);
  return { settings, errors, hidden: readHidden(get) };
}

export function writeTrainUrl(s: Readonly<TrainSettings>): void {
  updateState((params) => {
    for (const [name, value] of writeSettings(s)) {
      if (value === null) params.delete(name);
      else params.set(name, value);
    }
    params.set('mode', 'train');
  });
}
