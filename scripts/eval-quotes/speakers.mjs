// Whether a predicted speaker is the annotated one: by the words of the name or the span of the mention.
import { overlapLength } from './ranges.mjs';

const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'the', 'a', 'an', 'sen', 'rep', 'gov', 'prof', 'president', 'senator', 'representative']);
const NOT_A_NAME = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'of', 'and', 'for', 'to', 'in', 'on', 'at', 'with', 'said', 'says']);

/** A speaker name as lower-case words, without honorifics, determiners, possessives or punctuation. */
function nameWords(text) {
  return text
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !NAME_NOISE.has(w));
}

/** Whether `inner` occurs as a run of whole words in `outer` and holds a word that can be a name. */
function containsWords(outer, inner) {
  if (inner.length === 0 || inner.length > outer.length || !inner.some((w) => !NOT_A_NAME.has(w) && w.length > 1)) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, k) => outer[i + k] === w)) return true;
  }
  return false;
}

/**
 * Whether the predicted speaker is the gold one: the predicted mention overlaps the annotated source
 * span (PolNeAR: the same words were found), or the gold name agrees with the predicted speaker or
 * with the words of its mention (GGT's "the minister"), one a run of the other's words ("Trudeau"
 * and "Justin Trudeau"). `strict` asks for the same words as the predicted speaker.
 */
export function speakerMatches(prediction, speakers, strict) {
  for (const speaker of speakers) {
    if (!strict && prediction.mention !== null && speaker.ranges.some((r) => overlapLength([r], [prediction.mention]) > 0)) return true;
    const g = nameWords(speaker.text);
    const names = strict ? [prediction.speaker] : [prediction.speaker, prediction.mentionText];
    for (const name of names) {
      if (name === null) continue;
      const p = nameWords(name);
      if (p.length > 0 && p.join(' ') === g.join(' ')) return true;
      if (!strict && (containsWords(g, p) || containsWords(p, g))) return true;
    }
  }
  return false;
}
