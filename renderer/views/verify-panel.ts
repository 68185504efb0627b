// The Verify box (issue 17): paste what someone is said to have said, see the verdict, and each place in the
// archive beside the claim with the words deleted, inserted and replaced marked; the original opens in the
// reader in one click, and Copy puts it on the clipboard with its citation.

import type { VerbatimApi, VerifyMatch, VerifyReply, WordChange } from '../../main/contract/api.js';
import { copyText } from '../copy-text.js';
import { formatCitation } from '../format-citation.js';
import { append, clear, formatDate, h } from '../dom.js';

export interface VerifyPanelElements {
  /** `button#verify-open` in the top bar: shows and hides the panel. */
  toggle: HTMLButtonElement;
  /** `section#verify-panel`. */
  panel: HTMLElement;
}

export interface VerifyPanel {
  /** Shows the panel with `claim` in its box, verifying it at once when `run`. */
  show(claim: string, run: boolean): void;
}

/** What each verdict means, as the panel says it. */
const verdictText: Record<VerifyReply['verdict'], string> = {
  verbatim: 'Verbatim: every word of the claim stands in the archive, in this order.',
  altered: 'Altered: near-verbatim, with changes.',
  'not-found': 'Not found: nothing in the archive is close to these words.',
};

/** `onOpen` opens a match's article in the reader. */
export function createVerifyPanel(elements: VerifyPanelElements, api: Pick<VerbatimApi, 'verify'>, onOpen: (match: VerifyMatch) => void): VerifyPanel {
  const { toggle, panel } = elements;
  const claimBox = h('textarea', { id: 'verify-claim', rows: 4, 'aria-label': 'Claim to verify', placeholder: 'Paste what someone is said to have said', maxlength: 10_000 });
  const speakerBox = h('input', { id: 'verify-speaker', type: 'text', 'aria-label': 'Said by (optional)', placeholder: 'Said by (optional)', maxlength: 200 });
  const submit = h('button', { id: 'verify-run', class: 'tool-button', type: 'submit' }, 'Verify');
  const result = h('div', { id: 'verify-result', class: 'verify-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'verify-form', 'aria-label': 'Verify a quote' }, claimBox, h('div', { class: 'verify-row' }, speakerBox, submit));
  panel.replaceChildren(h('h2', { class: 'pane-heading' }, 'Verify a quote'), form, result);
  let asked = 0;

  const run = async (): Promise<void> => {
    const claim = claimBox.value;
    const speaker = speakerBox.value.trim();
    const mine = ++asked;
    result.replaceChildren(h('p', { class: 'pane-summary' }, 'Verifying…'));
    const reply = await api.verify({ claim, ...(speaker === '' ? {} : { speaker }) });
    if (mine !== asked) return; // A newer claim's answer wins.
    clear(result);
    if (!reply.ok) {
      result.append(h('p', { class: 'verify-error', role: 'alert' }, reply.error.message));
      return;
    }
    renderReply(result, reply.value, onOpen);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  const setShown = (shown: boolean): void => {
    panel.hidden = !shown;
    toggle.setAttribute('aria-expanded', String(shown));
    if (shown) claimBox.focus();
  };
  toggle.addEventListener('click', () => setShown(panel.hidden));
  setShown(false);
  return {
    show: (claim, now) => {
      claimBox.value = claim;
      setShown(true);
      if (now) void run();
    },
  };
}

function renderReply(result: HTMLElement, reply: VerifyReply, onOpen: (match: VerifyMatch) => void): void {
  append(result, [
    h('p', { class: `verdict verdict-${reply.verdict}` }, verdictText[reply.verdict]),
    reply.attribution === undefined ? null : h('p', { class: 'verify-attribution' }, reply.attribution),
  ]);
  const list = h('ol', { class: 'verify-matches', 'aria-label': 'Where the words stand in the archive' });
  for (const match of reply.matches) list.append(renderMatch(reply.claim, match, onOpen));
  if (reply.matches.length > 0) result.append(list);
  if (reply.closest.length > 0) {
    const closest = h('ol', { class: 'verify-matches verify-closest', 'aria-label': 'Closest, not matching' });
    for (const match of reply.closest) closest.append(renderMatch(reply.claim, match, onOpen));
    append(result, [h('h3', { class: 'verify-below' }, 'Closest, not matching'), closest]);
  }
}

function renderMatch(claim: string, match: VerifyMatch, onOpen: (match: VerifyMatch) => void): HTMLElement {
  const who = match.speaker ?? (match.kind === 'text' ? 'In the article’s own text' : 'No speaker named');
  const where = [match.date === null ? null : formatDate(match.date), match.source, match.path].filter((x) => x !== null).join(' · ');
  const open = h('button', { class: 'tool-button verify-open-article', type: 'button' }, 'Open in reader');
  open.addEventListener('click', () => onOpen(match));
  const copy = h('button', { class: 'tool-button', type: 'button', 'aria-label': `Copy the original with its citation: ${match.title}` }, 'Copy original');
  copy.addEventListener('click', () => {
    const citation = formatCitation({ text: match.text, speaker: match.speaker, ...(match.kind === 'text' ? {} : { kind: match.kind }) }, match);
    void copyText(citation).then((copied) => {
      copy.textContent = copied ? 'Copied' : 'Could not copy';
    });
  });
  const omitted = match.omitted > 0 ? `, leaves out ${match.omitted} word${match.omitted === 1 ? '' : 's'}` : '';
  return h(
    'li',
    { class: 'verify-match' },
    h('p', { class: 'verify-who' }, `${who} · ${Math.round(match.similarity * 100)}% of the words${omitted}`),
    h('p', { class: 'verify-where' }, h('span', { class: 'title' }, match.title), ` · ${where}`),
    h(
      'div',
      { class: 'verify-sides' },
      h('div', { class: 'verify-side' }, h('h3', {}, 'Claim'), sideText(match.changes, 'claim', claim.slice(match.claimStart, match.claimEnd))),
      h('div', { class: 'verify-side' }, h('h3', {}, 'Original'), sideText(match.changes, 'original', match.text)),
    ),
    h('div', { class: 'verify-actions' }, open, copy),
  );
}

/**
 * One side of the diff as words: equal words plain; on the claim's side the words it adds (`<ins>`) and those it
 * put in place of others; on the original's side the words left out (`<del>`) and those replaced.
 */
function sideText(changes: readonly WordChange[], side: 'claim' | 'original', fallback: string): HTMLElement {
  const text = h('p', { class: 'verify-text' });
  if (changes.length === 0) {
    append(text, [fallback]);
    return text;
  }
  changes.forEach((change, i) => {
    const words = change[side];
    if (words === '') return;
    if (i > 0) text.append(' ');
    if (change.op === 'equal') text.append(words);
    else if (change.op === 'replace') text.append(h('mark', { class: 'replaced', title: side === 'claim' ? `replaces “${change.original}”` : `replaced by “${change.claim}”` }, words));
    else if (change.op === 'insert') text.append(h('ins', { title: 'not in the original' }, words));
    else text.append(h('del', { title: 'left out of the claim' }, words));
  });
  return text;
}
