// The line a results summary shows when the query ran out of its time budget (issue 14): the hits shown
// are real matches, but some may be missing.

import { h } from '../dom.js';

/** The notice of a search or quotes reply that stopped early ("Stopped after 75 ms: results may be incomplete."), or nothing. */
export function incompleteNotice(reply: { incomplete?: string }): Node[] {
  return reply.incomplete === undefined ? [] : [h('span', { class: 'incomplete' }, reply.incomplete)];
}
