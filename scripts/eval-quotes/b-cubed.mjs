// Person resolution scored as clustering (issue 16): B-cubed precision, recall and F1 of the quotes' speaker
// ids against the annotated speakers, over the direct quotations matched to a gold one that names a speaker.

const NAME_NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'the', 'a', 'an', 'prof']);

/** The annotated speaker as one key: its name's words in lower case, honorifics and possessives left out. */
export function goldPerson(text) {
  return text
    .toLowerCase()
    .replace(/['\u2019]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !NAME_NOISE.has(w))
    .join(' ');
}

/**
 * B-cubed over `items` ({ gold, predicted }: cluster keys; a null prediction is a cluster of its own): per item,
 * the share of its predicted cluster in its gold cluster (precision) and of its gold cluster in its predicted
 * one (recall), averaged.
 */
export function bCubed(items) {
  const keyed = items.map((item, i) => ({ gold: item.gold, predicted: item.predicted ?? `\u0000none-${i}` }));
  const count = (pick) => {
    const counts = new Map();
    for (const item of keyed) counts.set(pick(item), (counts.get(pick(item)) ?? 0) + 1);
    return counts;
  };
  const golds = count((x) => x.gold);
  const predicted = count((x) => x.predicted);
  const both = count((x) => `${x.gold}\u0001${x.predicted}`);
  let precision = 0;
  let recall = 0;
  for (const item of keyed) {
    const shared = both.get(`${item.gold}\u0001${item.predicted}`);
    precision += shared / predicted.get(item.predicted);
    recall += shared / golds.get(item.gold);
  }
  const n = keyed.length;
  const p = n === 0 ? 0 : precision / n;
  const r = n === 0 ? 0 : recall / n;
  return { items: n, precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/**
 * Scores people on one corpus: `documents` are { name, quotes, pairs, allPairs } (`pairs`: the direct
 * quotations matched to a gold one naming a speaker, as { gold, quote }; `allPairs`: the same over all
 * quotations, direct, mixed and indirect, as score-document.mjs matches them). Every quote of the corpus is resolved at once, as an
 * archive's are; the baseline takes each speaker string as a person.
 */
export function scorePeople(documents, resolvePeople) {
  const mentions = [];
  const index = new Map();
  for (const doc of documents) {
    for (const quote of doc.quotes) {
      index.set(quote, mentions.length);
      mentions.push({ articleId: doc.name, quoteId: `${doc.name}:${mentions.length}`, speaker: quote.speaker, description: quote.description, speakerFound: quote.speakerFound, date: null, source: null, language: null });
    }
  }
  const { speakerIds } = resolvePeople(mentions);
  const score = (pairs) => ({
    people: bCubed(pairs.map(({ gold, quote }) => ({ gold: goldPerson(gold), predicted: speakerIds[index.get(quote)] ?? null }))),
    baseline: bCubed(pairs.map(({ gold, quote }) => ({ gold: goldPerson(gold), predicted: quote.speaker }))),
  });
  return { direct: score(documents.flatMap((doc) => doc.pairs)), all: score(documents.flatMap((doc) => doc.allPairs)) };
}
