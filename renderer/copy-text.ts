// Puts text on the clipboard: the asynchronous Clipboard API where it is allowed, else a hidden text area
// copied with `document.execCommand('copy')`. The fallback matters in the app: its session denies every
// permission request (SECURITY.md), so `navigator.clipboard.writeText` is refused there.

/**
 * Copies `text`; resolves to whether it reached the clipboard. Call it from a click or key press: both ways
 * need the user's gesture.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator.clipboard?.writeText === 'function') {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, or the document is not focused): try the old way.
  }
  return copyWithTextArea(text);
}

function copyWithTextArea(text: string): boolean {
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const buffer = document.createElement('textarea');
  buffer.value = text;
  buffer.readOnly = true;
  buffer.className = 'clipboard-buffer';
  buffer.setAttribute('aria-hidden', 'true');
  buffer.tabIndex = -1;
  document.body.appendChild(buffer);
  buffer.select();
  buffer.setSelectionRange(0, text.length);
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  buffer.remove();
  previous?.focus({ preventScroll: true });
  return copied;
}
