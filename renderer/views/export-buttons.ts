// "Export CSV · JSON" beside a results summary (issue 15): two buttons that save every result of the
// view's query as a file, and a line that says what was saved.

import type { ApiError, Result } from '../../main/contract/api.js';
import { downloadFile } from '../download-file.js';
import type { ExportFile, ExportFormat } from '../export-results.js';
import { h, plural } from '../dom.js';

/**
 * The buttons for one view; `what` names its rows ("article", "quote") and `exportAll` makes the file,
 * or null when the view lists nothing.
 */
export function createExportButtons(what: string, exportAll: (format: ExportFormat) => Promise<Result<ExportFile> | null>): HTMLElement {
  const status = h('span', { class: 'export-status', 'aria-live': 'polite' });
  const button = (format: ExportFormat): HTMLButtonElement => {
    const element = h(
      'button',
      { type: 'button', class: 'export-button', 'data-format': format, 'aria-label': `Export the ${what}s as ${format.toUpperCase()}` },
      format.toUpperCase(),
    );
    element.addEventListener('click', () => void run(format));
    return element;
  };
  const run = async (format: ExportFormat): Promise<void> => {
    status.textContent = 'Exporting…';
    const made = await exportAll(format);
    status.textContent = describe(what, made);
    if (made?.ok === true) downloadFile(made.value.name, made.value.text, made.value.type);
  };
  return h('div', { class: 'export-control', role: 'group', 'aria-label': `Export the ${what}s` }, 'Export ', button('csv'), ' ', button('json'), ' ', status);
}

function describe(what: string, made: Result<ExportFile> | null): string {
  if (made === null) return 'Nothing to export.';
  if (!made.ok) return describeError(made.error);
  const { count, total, name } = made.value;
  // Until the API pages (offset), an export holds at most one request's worth.
  if (count < total) return `Saved the first ${plural(count, what)} of ${total.toLocaleString('en-US')} (the most one export holds) to ${name}.`;
  return `Saved ${plural(count, what)} to ${name}.`;
}

function describeError(error: ApiError): string {
  return `Could not export: ${error.message}`;
}
