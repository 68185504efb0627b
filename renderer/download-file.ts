// Saves text as a file from the sandboxed page, which has no Node: a Blob behind an object URL, clicked
// through an `<a download>`. In the browser it goes to the downloads; in the app the session's
// `will-download` handler asks where to save it (main/shell/session-policy.ts). The page's CSP needs no
// `blob:` source for this: a download is neither a fetch nor a navigation that CSP governs.

/** Offers `text` for download as `fileName`, of MIME type `type` (UTF-8). */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the URL once the click's task is over; revoking at once can cancel it in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
