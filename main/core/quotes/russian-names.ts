// Russian names: a surname told by its suffix, and a name put back in the nominative where the text gives
// the case it stands in ("по словам Анны Соколовой" is Анна Соколова's, "согласно Марку" Марк's).
import { endsInCyrillic } from './tokenize-body.js';

/**
 * A Russian surname, told by its suffix, in any case: "Собянин", "Пескова", "Захаровой", "Шевченко" ("Шойгу"
 * is not told). Tested in lower case, so that it serves text written all in lower case too.
 */
const SURNAME = /^[а-яё][а-яё-]{2,}(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая|енко|швили|дзе|ян|ук|юк|ич)(?:а|у|ым|ом|ой|ую|е|ого|ому)?$/u;

/** Whether `word` (in any letter case) is a Russian surname by its suffix: "Калоев", "пескова". */
export function isRussianSurname(word: string): boolean {
  return SURNAME.test(word.toLowerCase());
}

/** The grammatical case a preposition governs: "по словам" the genitive, "согласно" the dative. */
export type NameCase = 'genitive' | 'dative' | 'accusative' | 'instrumental';

/**
 * Each ending of a case with the nominative ending it replaces, longest first, per gender. A surname in
 * -ов/-ин declines like a noun for men ("Петрова", "Петрову") and like an adjective for women
 * ("Петровой"); first names decline as nouns ("Анны", "Ивана", "Сергея", "Марии").
 */
const ENDINGS: Record<NameCase, Record<'m' | 'f', [string, string][]>> = {
  genitive: {
    m: [['ского', 'ский'], ['цкого', 'цкий'], ['ого', 'ой'], ['ия', 'ий'], ['ея', 'ей'], ['ая', 'ай'], ['я', 'ь'], ['а', '']],
    f: [['ской', 'ская'], ['цкой', 'цкая'], ['ии', 'ия'], ['ьи', 'ья'], ['гой', 'га'], ['ой', 'а'], ['ы', 'а'], ['ги', 'га'], ['ки', 'ка'], ['хи', 'ха'], ['жи', 'жа'], ['ши', 'ша'], ['чи', 'ча'], ['щи', 'ща'], ['и', 'я']],
  },
  dative: {
    m: [['скому', 'ский'], ['цкому', 'цкий'], ['ому', 'ой'], ['ию', 'ий'], ['ею', 'ей'], ['аю', 'ай'], ['ю', 'ь'], ['у', '']],
    f: [['ской', 'ская'], ['цкой', 'цкая'], ['ии', 'ия'], ['ье', 'ья'], ['ой', 'а'], ['е', 'а']],
  },
  // A man's name in the accusative is as in the genitive ("цитирует Дмитрия Медведева").
  accusative: {
    m: [['ского', 'ский'], ['цкого', 'цкий'], ['ого', 'ой'], ['ия', 'ий'], ['ея', 'ей'], ['ая', 'ай'], ['я', 'ь'], ['а', '']],
    f: [['скую', 'ская'], ['цкую', 'цкая'], ['ую', 'ая'], ['ию', 'ия'], ['ью', 'ья'], ['у', 'а'], ['ю', 'я']],
  },
  instrumental: {
    m: [['ским', 'ский'], ['цким', 'цкий'], ['ием', 'ий'], ['еем', 'ей'], ['ым', ''], ['им', ''], ['ем', 'ь'], ['ом', '']],
    f: [['ской', 'ская'], ['цкой', 'цкая'], ['ией', 'ия'], ['ьей', 'ья'], ['ой', 'а'], ['ей', 'я']],
  },
};

/** Endings that only a woman's name takes in the case: the gender of the whole name. */
const FEMININE: Record<NameCase, RegExp> = { genitive: /(?:ой|ы|ии|ьи|[гкхжшчщ]и)$/u, dative: /(?:ой|ии|е)$/u, accusative: /(?:у|ю)$/u, instrumental: /(?:ой|ей)$/u };

/**
 * The nominative of `name` (words of Cyrillic letters) written in `nameCase`; words that do not end as
 * that case does are left as they are, and so is any name not all in Cyrillic letters.
 * @example nominativeName('Анны Соколовой', 'genitive') // 'Анна Соколова'
 * @example nominativeName('Дениса Суареса', 'genitive') // 'Денис Суарес'
 */
export function nominativeName(name: string, nameCase: NameCase): string {
  const words = name.split(' ');
  if (!words.every((word) => /^[\u0400-\u04FF][\u0400-\u04FF-]*$/u.test(word))) return name;
  const gender = FEMININE[nameCase].test(words[0]?.toLowerCase() ?? '') ? 'f' : 'm';
  return words.map((word) => nominativeWord(word, ENDINGS[nameCase][gender])).join(' ');
}

function nominativeWord(word: string, endings: readonly [string, string][]): string {
  const lower = word.toLowerCase();
  for (const [ending, nominative] of endings) {
    // A stem of three letters at least: "Ли", "Ян" and other short names are left alone.
    if (lower.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, word.length - ending.length) + nominative;
  }
  return word;
}

/**
 * The case a man's surname is in, told by what it adds to its nominative: "Медведева" over "Медведев" is
 * the genitive (or the accusative, alike for men), "Медведеву" the dative, "Медведевым" the instrumental.
 * Null when `declined` is not `nominative` with one of those endings.
 */
export function caseOfSurname(declined: string, nominative: string): NameCase | null {
  if (!declined.startsWith(nominative) || !endsInCyrillic(nominative)) return null;
  switch (declined.slice(nominative.length)) {
    case 'а':
    case 'я':
      return 'genitive';
    case 'у':
    case 'ю':
      return 'dative';
    case 'ым':
    case 'ом':
    case 'ем':
      return 'instrumental';
    default:
      return null;
  }
}

/** The case a name after tokens `before` (lower case, nearest last) stands in, or null when they do not say. */
export function caseAfter(before: readonly string[]): NameCase | null {
  const [previous, last] = before.slice(-2);
  if (last === 'согласно') return 'dative';
  if (last === 'цитирует' || last === 'цитируют' || last === 'процитировал' || last === 'процитировала') return 'accusative';
  if (previous === 'по' && (last === 'словам' || last === 'мнению' || last === 'данным' || last === 'оценке' || last === 'информации')) return 'genitive';
  return null;
}
