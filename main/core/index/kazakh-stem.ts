// A light Kazakh stemmer: strips the common noun and verb endings so that "қаланың", "қалаға" and
// "қалада" find "қала" (issue 15). No maintained Kazakh stemmer exists for JavaScript (lunr-languages has
// none, Snowball has none); Kazakh is agglutinative and regular, so endings stripped from the outside in
// cover most forms a reader searches for.

/**
 * The endings stripped, in every vowel-harmony and consonant-assimilation variant. A word is
 * root + plural + possessive + case (кала-лар-ы-на), a verb root + tense or participle + person.
 * The accusative after a vowel (-ны, -ні: "қаланы") is left out: without a dictionary it cannot be told from
 * a stem in -н with the possessive (-ы, -і: "өзені", "заңы"), far the more common in news.
 */
const endings: readonly string[] = [
  // Plural.
  'лар', 'лер', 'дар', 'дер', 'тар', 'тер',
  // Possessive: my, your, his/her/their, our; the third person before a case ("жағалау-ын").
  'ым', 'ім', 'ың', 'ің', 'ымыз', 'іміз', 'мыз', 'міз', 'ыңыз', 'іңіз', 'сы', 'сі', 'ы', 'і', 'ын', 'ін',
  // Cases: genitive, dative, locative, ablative, accusative, instrumental.
  'ның', 'нің', 'дың', 'дің', 'тың', 'тің',
  'ға', 'ге', 'қа', 'ке', 'на', 'не',
  'да', 'де', 'та', 'те', 'нда', 'нде',
  'дан', 'ден', 'тан', 'тен', 'нан', 'нен',
  'ды', 'ді', 'ты', 'ті',
  'мен', 'бен', 'пен',
  // Verbs: present (-ады, -йды), past participle (-ған), converb (-ып), intention (-мақ), present participle
  // (-атын), conditional (-са), and the first and second person (-мын, -сың, -сыз). The past tense (-ды) is
  // the accusative's spelling, above.
  'ады', 'еді', 'йды', 'йді',
  'ған', 'ген', 'қан', 'кен',
  'ып', 'іп',
  'мақ', 'мек', 'бақ', 'бек', 'пақ', 'пек',
  'атын', 'етін', 'йтын', 'йтін',
  'са', 'се',
  'мын', 'мін', 'бын', 'бін', 'пын', 'пін', 'сың', 'сің', 'сыз', 'сіз',
].sort((a, b) => b.length - a.length);

/**
 * The dative and locative in -н- follow only the possessive -ы/-і ("тұрғындары-на"): elsewhere the н is the
 * stem's ("өзен-де", "Астана-да"), and stripping it would part those forms from the word.
 */
const afterPossessive = new Set(['на', 'не', 'нда', 'нде']);

/** A stem keeps at least this many letters: shorter roots ("ел", "су") are matched as written. */
const minStem = 3;
const vowel = /[аәеёиоөуұүыіэюя]/;

/**
 * The stem of a lower-case Kazakh word: the longest known ending stripped while at least `minStem` letters
 * with a vowel remain, again until none can be, so every form of a word comes to the same stem
 * ("тұрғындарына" -> "тұрғ", as "тұрғын").
 * @example stemKazakh('көпірдің') // 'көпір'
 */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const ending of endings) {
      if (!stem.endsWith(ending)) continue;
      const rest = stem.slice(0, -ending.length);
      if (rest.length < minStem || !vowel.test(rest)) continue;
      if (afterPossessive.has(ending) && !/[ыі]$/.test(rest)) continue;
      stem = rest;
      stripped = true;
      break;
    }
  }
  return stem;
}
