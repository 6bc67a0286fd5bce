// Types of engine-errors.js: the error every call of the engine throws. Re-exported by
// engine.d.ts; guide: docs/js-api.md.

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/**
 * What went wrong, for programs:
 * - `INVALID_SPEC`: the spec is not valid (`path` names the field, e.g. `layers[1]`);
 * - `INVALID_ARGUMENT`: an argument of a call is not valid (`path` names it, e.g. `layer`,
 *   `learning_rate`, `nx`);
 * - `WRONG_PHASE`: `forward()`, `backward()` or `update()` called when the phase cursor is
 *   not where that call starts, or `replaceData()` / `setParameter()` inside a step;
 * - `DELETED`: a call on a session after `delete()`;
 * - `DIVERGED`: `specWithParameters()` of a network whose parameters became NaN or infinite.
 */
export type ErrorCode =
  | 'INVALID_SPEC'
  | 'INVALID_ARGUMENT'
  | 'WRONG_PHASE'
  | 'DELETED'
  | 'DIVERGED'
  | 'INVALID_PROGRAM'
  | 'OUT_OF_MEMORY'
  | 'ENGINE_LOST';

/**
 * Every error the engine raises. The engine stays usable after any of them.
 * `message` reads `path: what was expected`, e.g. `layers[1]: expected an integer between
 * 1 and 64, got 0`.
 */
export declare class BpxError extends Error {
  constructor(code: ErrorCode, message: string, path?: string);
  name: 'BpxError';
  /** Machine-readable kind of error. */
  readonly code: ErrorCode;
  /** The JSON path of the spec field or the name of the argument; '' when none applies. */
  readonly path: string;
  /** INVALID_PROGRAM (circuit mode): the 1-based line and column of the error. */
  readonly line?: number;
  readonly column?: number;
}
