// How each language's words are indexed and searched: the stemmer and stop words of lunr (English) and
// lunr-languages (the others), with Verbatim's own for Russian (Snowball corrected, russian-stem.ts) and
// Kazakh (kazakh-stem.ts). Articles are indexed in one shard per language, and a query is processed the same
// way for each shard, so "санкции" finds "санкций" and "sanction" finds "sanctions".

import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import da from 'lunr-languages/lunr.da.js';
import de from 'lunr-languages/lunr.de.js';
import nl from 'lunr-languages/lunr.nl.js';
import es from 'lunr-languages/lunr.es.js';
import fi from 'lunr-languages/lunr.fi.js';
import fr from 'lunr-languages/lunr.fr.js';
import hu from 'lunr-languages/lunr.hu.js';
import it from 'lunr-languages/lunr.it.js';
import no from 'lunr-languages/lunr.no.js';
import pt from 'lunr-languages/lunr.pt.js';
import ro from 'lunr-languages/lunr.ro.js';
import ru from 'lunr-languages/lunr.ru.js';
import sv from 'lunr-languages/lunr.sv.js';
import tr from 'lunr-languages/lunr.tr.js';
import { stemKazakh } from './kazakh-stem.js';
import { stemRussian } from './russian-stem.js';

type PipelineFunction = lunr.PipelineFunction;

/** The word processing of one language: applied when indexing, searching and highlighting. */
export interface LanguageProcessing {
  /** The shard code: an ISO 639-1 code, or `plain` for languages without a stemmer. */
  code: string;
  /** lunr's stemmer for this language: the search pipeline (serialized with the index by its label). */
  stemmer: PipelineFunction | null;
  /** The stemmer, cached: news text repeats its words many times. */
  stem(word: string): string;
  isStopWord(word: string): boolean;
}

const plugins: Readonly<Record<string, typeof de>> = { da, de, nl, es, fi, fr, hu, it, no, pt, ro, ru, sv, tr };
stemmerSupport(lunr as never);
for (const plugin of Object.values(plugins)) plugin(lunr as never);
const lunrLanguages = lunr as unknown as Record<string, { stemmer: PipelineFunction; stopWordFilter: PipelineFunction } | undefined>;

// lunr's English stop words, less those that matter in news: "said"/"says" (who said what), "may" (the
// month, Theresa May), "like", "least", "rather", "dear", "wants", "likely", "able" and the like.
const englishStopWords = new Set(
  (
    'a about after all also am an and any are as at be because been but by can cannot could did do does else ' +
    'for from had has have he her hers him his how however i if in into is it its just me my no nor not of off ' +
    'on only or our own she should since so some than that the their them then there these they this tis to ' +
    'too twas us was we were what when where which while who whom why will with would yet you your'
  ).split(' '),
);

// Words lunr-languages' Russian list drops that news searches need ("сказал": who said what; "год", "люди").
const russianKeep = new Set(['сказал', 'сказала', 'сказать', 'говорил', 'говорит', 'год', 'года', 'году', 'лет', 'люди', 'человек', 'мира', 'время', 'времени', 'жизнь', 'день', 'имя', 'миллионов', 'процентов', 'тысяч', 'дел']);

function runStemmer(stemmer: PipelineFunction, word: string): string {
  const out = stemmer(new lunr.Token(word, {}), 0, []) as unknown;
  if (out instanceof lunr.Token) return out.toString();
  if (Array.isArray(out)) return String(out[0] ?? word);
  return word;
}

/**
 * A stemmer of our own as a lunr pipeline function, registered under `label` so that an index saved with it
 * loads it back (compact-index.ts).
 */
function pipelineStemmer(label: string, stem: (word: string) => string): PipelineFunction {
  const stemmer: PipelineFunction = (token) => token.update((word) => stem(word));
  lunr.Pipeline.registerFunction(stemmer, label);
  return stemmer;
}

function makeProcessing(code: string, stemmer: PipelineFunction | null, stopWord: (word: string) => boolean): LanguageProcessing {
  const cache = new Map<string, string>();
  const stem = (word: string): string => {
    if (stemmer === null) return word;
    let stemmed = cache.get(word);
    if (stemmed === undefined) {
      if (cache.size > 100_000) cache.clear();
      stemmed = runStemmer(stemmer, word);
      cache.set(word, stemmed);
    }
    return stemmed;
  };
  return { code, stemmer, stem, isStopWord: stopWord };
}

const processing = new Map<string, LanguageProcessing>();
processing.set('en', makeProcessing('en', lunr.stemmer, (w) => englishStopWords.has(w)));
for (const code of Object.keys(plugins)) {
  const language = lunrLanguages[code];
  if (!language) continue;
  const filter = language.stopWordFilter;
  const isStop = (w: string): boolean => filter(new lunr.Token(w, {}), 0, []) === undefined && !(code === 'ru' && russianKeep.has(w));
  processing.set(code, makeProcessing(code, language.stemmer, isStop));
}
// Russian: Snowball's stems, made the same for every form of a noun (issue 15). The old label, "stemmer-ru",
// stays Snowball's: an index saved with it would hold other keys (the cache schema changed with this).
const russian = processing.get('ru');
if (russian?.stemmer) {
  const snowball = russian.stemmer;
  const stemmer = pipelineStemmer('stemmer-ru-forms', (word) => stemRussian(word, (w) => runStemmer(snowball, w)));
  processing.set('ru', makeProcessing('ru', stemmer, russian.isStopWord));
}
// Kazakh: no stop words (the list would be ours to invent; the index keeps every word).
processing.set('kk', makeProcessing('kk', pipelineStemmer('stemmer-kk', stemKazakh), () => false));
/** Languages without a stemmer (Ukrainian, Greek, Chinese...): words are matched as written. */
const plain = makeProcessing('plain', null, () => false);
processing.set('plain', plain);

/**
 * The processing for an article in `language`. Articles whose language is unknown are treated as English,
 * the most common language of news archives; languages without a stemmer are matched as written.
 */
export function languageProcessing(language: string | null): LanguageProcessing {
  if (language === null) return processing.get('en') ?? plain;
  return processing.get(language) ?? plain;
}

/** The processing of a shard, by its code (as stored in the index). */
export function processingForShard(code: string): LanguageProcessing {
  return processing.get(code) ?? plain;
}
