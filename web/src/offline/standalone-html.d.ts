// Types of standalone-html.js (plain JS: the node build imports it too).
export const OFFLINE_BUNDLE: string;
export function escapeInlineScript(code: string): string;
export function standaloneHtml(parts: { page: string; bundle: string; icon: string; state?: string }): string;
