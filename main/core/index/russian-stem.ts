// Russian index keys: Snowball's stem, corrected where Snowball gives one noun's forms different stems
// (issue 15), so that any form of a word finds every form of it.

const vowels = 'аеёиоуыэюя';

/**
 * A fleeting vowel in a key's last syllable (паводок/паводка, отец/отца, ветер/ветра, посол/посла): о, е or
 * ё between a consonant and a final к, ц, л, н or р, with a vowel before it so the key keeps a syllable.
 */
const fleetingVowel = new RegExp(`^(.*[${vowels}].*[^${vowels}йь])[оеё]([кцлнр])$`);

/**
 * A further Snowball pass is kept only when it leaves this many letters: over the 17,928 words of the
 * Russian news corpus (shared/corpora/webnews-dev/ru), shorter keys merged unrelated words ("могиле" and
 * "мог", "насилием" and "нас"), longer ones left "газпромом" and "газпром" apart.
 */
const minRestemmed = 5;

/**
 * The index key of a Russian word, from `snowball` (the Snowball stemmer of lunr-languages):
 * - Snowball run to a fixed point (at most three passes, see `minRestemmed`). It strips one ending per word, so a noun whose
 *   bare form ends in letters that look like an ending loses them there but keeps them in every other case:
 *   "спортсмен" -> "спортсм" (a verb's "-ен") but "спортсменам" -> "спортсмен". The second pass gives
 *   "спортсменам" the bare form's stem; a stem with no ending left is its own fixed point.
 * - A fleeting vowel dropped: "паводок" -> "паводк", the stem of "паводка". The rule is applied to every key,
 *   so a noun whose vowel stays ("урок", "урока") keeps one key for all its forms too ("урк").
 * Keys of three letters or fewer are left as Snowball gives them: "мор" and "мер" must not meet.
 * @example stemRussian('спортсменам', snowball) // 'спортсм', as for 'спортсмен' and 'спортсмены'
 */
export function stemRussian(word: string, snowball: (word: string) => string): string {
  let key = word;
  for (let pass = 0; pass < 3; pass += 1) {
    const next = snowball(key);
    if (next === key || (pass > 0 && next.length < minRestemmed)) break;
    key = next;
  }
  return key.length > 3 ? key.replace(fleetingVowel, '$1$2') : key;
}
