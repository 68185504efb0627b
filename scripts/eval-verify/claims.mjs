// The claims eval-verify checks: real quotations of the archive changed the ways quotes travel (shortened, two
// words replaced, spliced with another quotation of the same article, retyped), and invented ones (quotations
// of articles not in the archive, a real quotation's words shuffled), each with what the answer should be.

/** A small seeded random number generator (mulberry32): the same claims on every run. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text) => text.split(/\s+/).filter((w) => w !== '');

/** Words that replace two of a quotation's: plain words no quotation is likely to hold at that place. */
const replacements = ['purple', 'seventeen', 'bicycle', 'volcano', 'umbrella', 'saxophone', 'lighthouse', 'pineapple'];

/** `quote` (a string) with its first and last quarter left out, at least 6 words kept. */
export function shorten(quote) {
  const w = words(quote);
  const cut = Math.min(Math.floor(w.length / 4), Math.floor((w.length - 6) / 2));
  return w.slice(cut, w.length - cut).join(' ');
}

/** `quote` with the words at a third and two thirds of it replaced. */
export function replaceTwo(quote, random) {
  const w = words(quote);
  for (const at of [Math.floor(w.length / 3), Math.floor((2 * w.length) / 3)]) w[at] = replacements[Math.floor(random() * replacements.length)];
  return w.join(' ');
}

/** The first half of `a` and the second half of `b`. */
export function splice(a, b) {
  const wa = words(a);
  const wb = words(b);
  return [...wa.slice(0, Math.ceil(wa.length / 2)), ...wb.slice(Math.floor(wb.length / 2))].join(' ');
}

/** `quote` retyped: upper case, typographic quotation marks and apostrophes, hyphens dropped or spaced, punctuation lost. */
export function retype(quote, random) {
  const variant = Math.floor(random() * 4);
  if (variant === 0) return `“${quote.toUpperCase()}”`;
  if (variant === 1) return `‘${quote.replace(/'/g, '’').replace(/[,;:]/g, '')}’`;
  if (variant === 2) return quote.replace(/(\w)-(\w)/g, '$1$2').replace(/[.!?]/g, '').toLowerCase();
  return `"${quote.replace(/(\w)-(\w)/g, '$1 - $2').replace(/ (\w)/g, (m, c) => (random() < 0.2 ? ` ${c.toUpperCase()}` : m))}"`;
}

/** The words of `quote` in a random order. */
export function shuffle(quote, random) {
  const w = words(quote);
  for (let i = w.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [w[i], w[j]] = [w[j], w[i]];
  }
  return w.join(' ');
}

/**
 * The claims for one corpus of quotations (`{ path, text }`, each 10 to 60 words; `byPath` the quotations of
 * each article): five changed claims of each real quotation, a shuffled one, and `invented` quotations of
 * articles not in the archive. Each claim: `{ kind, claim, path (the right article, or null), verdict }`.
 */
export function makeClaims(quotes, byPath, invented, seed) {
  const random = seeded(seed);
  const claims = [];
  for (const q of quotes) {
    claims.push({ kind: 'exact', claim: q.text, path: q.path, verdict: 'verbatim' });
    claims.push({ kind: 'shortened', claim: shorten(q.text), path: q.path, verdict: 'verbatim' });
    claims.push({ kind: 'two words replaced', claim: replaceTwo(q.text, random), path: q.path, verdict: 'altered' });
    claims.push({ kind: 'retyped', claim: retype(q.text, random), path: q.path, verdict: 'verbatim' });
    const other = (byPath.get(q.path) ?? []).find((o) => o.text !== q.text && !o.text.includes(q.text) && !q.text.includes(o.text));
    if (other) claims.push({ kind: 'spliced', claim: splice(q.text, other.text), path: q.path, verdict: 'altered' });
    claims.push({ kind: 'invented: shuffled', claim: shuffle(q.text, random), path: null, verdict: 'not-found' });
  }
  for (const text of invented) claims.push({ kind: 'invented: not in the archive', claim: text, path: null, verdict: 'not-found' });
  return claims;
}
