// The training view's settings: one table (table.ts) and what is generated from it.
export { PANELS, PREFIX, SETTINGS, SPEEDS, settingNamed, type Setting, type SettingName, type TrainSettings } from './table.js';
export { describeRange, type Range } from './kinds.js';
export { HIDE, paramNames, readHidden, readNames, readSettings, writeSettings, type ReadSettings, type SettingError } from './codec.js';
export { buildSpec, defaultSettings, fitActivations, isRegression, outputUnits, pointData, settingsFromSpec } from './spec.js';
export type { PointDecoder } from './spec.js';
export { errorSlot } from './placement.js';
export { decodePoints, encodePoints, quantize, type EditedData } from './points.js';
