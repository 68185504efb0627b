// Archive text made safe to print on a terminal: an article can carry escape sequences that recolour,
// retitle or rewrite the user's terminal (issue 14), so text mode shows them as nothing.

/**
 * Whole escape sequences first (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ESC \`, and two-byte `ESC x`),
 * so no half of one is left as text; then every remaining C0 control but tab and newline, DEL, and every
 * C1 control (U+0080-U+009F, which some terminals obey as `ESC x`).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const controls = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/**
 * `text` without control characters except `\n` and `\t`. Use it on every piece of archive text (and
 * anything else not written by Verbatim) printed in text mode; `--json` output is escaped by JSON itself.
 * @example terminalText('Mayor\x1b[2J says\r\x07') // 'Mayor says'
 */
export function terminalText(text: string): string {
  return text.replace(controls, '');
}
