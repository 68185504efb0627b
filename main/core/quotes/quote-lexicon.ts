// Word lists for quote attribution: reporting verbs, titles, role nouns and words that are not names.

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

/**
 * Verbs that introduce someone's words, in the forms news copy uses. Matched only in lower case, so
 * that "United States" is not read as a verb. Base forms that are mostly nouns in news copy ("state",
 * "claim", "comment", "promise") are left out; their other forms are in.
 */
export const REPORTING_VERBS = words(`
  say says said saying tell tells told telling add adds added adding states stated stating write
  writes wrote writing ask asks asked asking warn warns warned warning notes noted noting explain
  explains explained explaining comments commented commenting continue continues continued continuing
  reply replies replied replying respond responds responded responding insist insists insisted
  insisting argue argues argued arguing claims claimed claiming declare declares declared declaring
  announce announces announced announcing remarks remarked remarking observe observes observed
  observing acknowledge acknowledges acknowledged acknowledging admit admits admitted admitting
  concede concedes conceded conceding suggest suggests suggested suggesting recalls recalled
  recalling conclude concludes concluded concluding stresses stressed stressing emphasise emphasises
  emphasised emphasising emphasize emphasizes emphasized emphasizing shouts shouted shouting yells
  yelled yelling tweets tweeted tweeting promises promised promising predict predicts predicted
  predicting confirm confirms confirmed confirming urge urges urged urging cautions cautioned
  cautioning assert asserts asserted asserting maintain maintains maintained maintaining contend
  contends contended contending testify testifies testified testifying quips quipped quipping jokes
  joked joking exclaim exclaims exclaimed exclaiming whispers whispered whispering agrees agreed
  disagree disagrees disagreed complain complains complained complaining recounts recounted
  recounting counters countered countering retorts retorted retorting boasts boasted boasting vows
  vowed vowing assure assures assured assuring reveal reveals revealed revealing reiterate reiterates
  reiterated reiterating began deny denies denied denying mock mocks mocked mocking quip blurted
  blurts scoffed scoffs sighed laughed lamented lamenting lament laments pleaded pleads demanded
  demanding demands wondered wonders mused muses screamed cried proclaimed proclaims reminded
  reminds snapped snaps griped grumbled intoned marveled marvelled chanted chanting answered answers
  answering posted described describes describing accused accuses accusing criticized criticised
  blasted blasts reported reports mentioned mentions offered boomed demurred echoed echoes scolded
  scolds chided chides fumed fumes pointed points cautions sniped snipes bristled countered
  сказал сказала сказали говорит говорят говорил говорила заявил заявила заявили заявляет заявляют
  отметил отметила отметили отмечает добавил добавила добавили подчеркнул подчеркнула подчеркнули
  подчеркивает сообщил сообщила сообщили сообщает пояснил пояснила пояснили рассказал рассказала
  рассказали ответил ответила ответили признал признала признался призналась заметил заметила
  заметили указал указала указали уточнил уточнила уточнили констатировал констатировала
  предупредил предупредила предупредили заверил заверила заверили напомнил напомнила напомнили
  написал написала написали пишет считает считают уверен уверена полагает добавляет
  прокомментировал прокомментировала опроверг опровергла отверг отвергла возразил возразила
  продолжил продолжила продолжает утверждает утверждают утверждал утверждала утверждали объяснил объяснила
  объяснили объясняет признался призналась признаются рассказывает рассказывают отмечают подчеркивают
  подчёркивает уверяет уверяют заверяет поделился поделилась призвал призвала призвали призывает заключил
  заключила резюмировал резюмировала вспоминает вспоминал вспоминала вспомнил вспомнила говорил говорили
  заметил заметила заметили замечает сообщают пояснил поясняет уточняет добавляют цитирует процитировал
  процитировала воскликнул воскликнула спросил спросила спрашивает ответил ответила отвечает настаивает
  настаивал настаивала пообещал пообещала обещает предположил предположила полагают посетовал посетовала
  сетует подытожил подытожила констатирует рассуждает заявлял заявляла намекнул намекнула намекает
  цитирует цитируют
`);

/**
 * The plainest verbs of speech. Only these make a lone surname a person ("Bush told reporters"):
 * "Trump had promised" says too little to make "Trump" a source that "he said" could mean.
 */
export const SPEECH_VERBS = words(`
  say says said tell tells told add adds added ask asks asked write writes wrote states stated explain
  explains explained reply replies replied сказал сказала заявил заявила отметил отметила добавил
  добавила сообщил сообщила рассказал рассказала сказали заявили говорит пояснил пояснила подчеркнул
  подчеркнула уточнил уточнила признал признала
`);

/** Participles of reporting verbs: `X, ..., disagreed, saying "..."` takes the clause's subject. */
export function isParticiple(verb: string): boolean {
  return verb.endsWith('ing');
}

/**
 * Titles and honorifics that go before a name. In "Rep. Charles Rangel" the title goes to the
 * description and the name is "Charles Rangel"; hyphenated titles ("Secretary-General") match by part.
 */
export const TITLES = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rep Rep. Sen Sen.
  Senator Representative Congressman Congresswoman President Premier Chancellor Minister Secretary
  Governor Gov Gov. Mayor Ambassador Judge Justice General Gen Gen. Lt Lt. Col Col. Colonel Maj.
  Captain Capt Capt. Commander Admiral Adm. Brigadier Sergeant Sgt Sgt. Lieutenant Corporal Detective
  Superintendent Inspector Constable Chief Director Chairman Chairwoman Chairperson Coach Administrator
  Commissioner King Queen Prince Princess Pope Bishop Archbishop Cardinal Rev Rev. Reverend Rabbi Imam
  Sheikh Speaker Spokesman Spokeswoman Spokesperson Officer Attorney Counsel Deputy
  Councillor Councilman Councilwoman Sheriff Prosecutor Leader CEO Executive Emir Sultan Archduke
  MP MPs MPP MLA MEP MSP
`);

/** Titles written as acronyms: never a surname, even last in a run ("Yellowhead MP"). */
export const ACRONYM_TITLES = words('MP MPs MPP MLA MEP MSP CEO CFO COO');

/** Titles that tell the speaker's gender, for choosing between candidates for "he" and "she". */
export const MALE_TITLES = words('Mr Mr. Sir Lord King Prince Congressman Chairman Spokesman Councilman');
export const FEMALE_TITLES = words('Mrs Mrs. Ms Ms. Miss Dame Lady Queen Princess Congresswoman Chairwoman Spokeswoman Councilwoman');

/**
 * Lower-case nouns that describe a person's role: they mark "political analyst Kazbek Maigeldinov" as a
 * person introduced with a description, and let "the analyst" point back to that person.
 */
export const ROLE_NOUNS = words(`
  analyst analysts expert experts spokesman spokeswoman spokesperson minister secretary president
  chairman chairwoman chair director professor lawyer attorney official officials officer member leader
  coach player manager executive chief head founder researcher researchers scientist scientists
  economist author writer editor correspondent reporter journalist campaigner activist barrister
  solicitor judge prosecutor curator teacher student doctor nurse veteran resident owner mother father
  son daughter wife husband brother sister colleague friend commentator historian lecturer candidate
  senator governor mayor ambassador diplomat general commander captain pilot driver worker employee
  trader investor banker consultant adviser advisor aide strategist pollster engineer designer
  developer producer actor actress singer musician artist star striker midfielder defender goalkeeper
  boss representative negotiator envoy inspector detective superintendent sergeant constable
  commissioner trustee partner principal dean chancellor bishop priest imam rabbi pastor cardinal
  archbishop premier administrator spokespeople witness victim survivor organiser organizer
  co-founder ceo chairperson physician surgeon psychologist professor coordinator secretary-general
  administrator architect photographer critic novelist poet composer director-general film-maker
  filmmaker strategist police authorities sources protester witness prosecutor voter fan crowd
  economist keeper referee midfielder forward chairwoman governor-general athlete sprinter runner
  swimmer cyclist boxer golfer jockey batsman bowler winger skipper champion rider full-back fly-half
  scrum-half centre-half flanker hooker
  аналитик эксперт политолог экономист министр президент премьер-министр пресс-секретарь
  представитель глава директор председатель губернатор мэр депутат сенатор посол спикер журналист
  корреспондент профессор руководитель заместитель советник адвокат прокурор судья историк
  писатель скульптор художник режиссер режиссёр актер актёр актриса певец певица врач учитель ученый учёный
  протоиерей священник митрополит патриарх лидер активист правозащитник следователь генерал командир
  чиновник премьер канцлер вице-премьер вице-президент замминистра гендиректор основатель владелец автор
  редактор обозреватель комментатор социолог психолог юрист бизнесмен предприниматель сотрудник специалист
  участник очевидец свидетель тренер игрок нападающий защитник вратарь капитан мать отец сын дочь жена муж
  брат сестра житель жительница
`);

/**
 * Role nouns that news uses for one another when referring back to a commentator: "political analyst
 * Kazbek Maigeldinov ... the expert noted", «политолог ... эксперт считает».
 */
export const COMMENTATOR_NOUNS = words('analyst expert specialist commentator observer political аналитик эксперт политолог специалист обозреватель');

/** Plural nouns for groups that report speech as a group: "Some voters say ...", "critics argue ...". */
export const GROUP_NOUNS = words('critics observers supporters opponents residents people others voters experts officials analysts economists lawmakers scientists researchers sources authorities police');

/**
 * Nouns for organisations, which speak as one ("the council said", «министерство сообщило»): speakers,
 * kept apart from people.
 */
export const ORGANISATION_NOUNS = words(`
  council ministry government company department agency committee commission court union party office board
  bank university institute association federation firm group organisation organization administration
  campaign authority embassy army military regulator watchdog club league network airline manufacturer
  министерство ведомство правительство компания администрация мэрия комитет комиссия суд партия служба
  пресс-служба посольство агентство
`);

/** Nouns for documents and channels: in `the statement added`, the speaker is whoever issued it. */
export const DOCUMENT_NOUNS = words('statement report letter post blog website tweet release document study paper announcement message analysis');

/**
 * Documents a person issues in their own name: "the statement added" after Ruiz's quote is Ruiz's, while
 * "the report said" after it is the report's authors', not hers.
 */
export const PERSONAL_DOCUMENT_NOUNS = words('statement letter post blog tweet message');

/** Honorifics say nothing about a role: stripped from names and left out of descriptions. */
export const HONORIFICS = words('Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Sir Dame Dr Dr.');

/** Words before a participle that make its subject the clause's: `He summed up by saying "..."`. */
export const PARTICIPLE_LINKS = words('by while whilst when after before in without and');

/** Pronouns that can attribute a quote; "he"/"she" resolve to a person, the rest to the last speaker. */
export const PRONOUNS = words('he she they it we i он она они мы я');

/** The pronouns that point back to a person, with the gender they tell. */
export const PERSONAL_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['he', 'm'],
  ['she', 'f'],
  ['он', 'm'],
  ['она', 'f'],
]);

/** Words between a subject and its reporting verb: "Smith also said", "Smith had earlier told". */
export const SUBJECT_VERB_FILLERS = words(`
  quoted as also later then further meanwhile previously earlier recently reportedly again has have had was is
  were will would could can may might should shall once subsequently additionally simply
  just not never only first finally today yesterday tonight
  continued went on wanted tried decided began used to by
`);

/** Nouns ending in "-ly" that are not adverbs: "the family said" has a subject, "initially said" has not. */
export const LY_NOUNS = words('family ally assembly rally supply anomaly monopoly daily weekly fly belly bully');

/** Function words that end a description reading backwards ("shared by political analyst ..."). */
export const FUNCTION_WORDS = words(`
  the a an this that these those his her their its our my your of for from at in on with by to about
  against into over under than like via within without between among through during after before near
  per and but or nor while as since because when though although that which who whom whose if so yet
  then where whereas once is was are were be been being has have had do does did will would can could
  may might shall should must not no also said says told whilst only just even both all one alongside
  including despite amid
`);

/** Russian prepositions: a phrase opening with one ("в беседе с корреспондентом") names no speaker. */
export const RUSSIAN_PREPOSITIONS = words('в во на с со к ко по о об обо у от до из за для при про без над под перед между через');

/** Determiners that may open a noun phrase naming a speaker ("the CBO", "a spokesman"). */
export const DETERMINERS = words('the a an this that these those his her their its our my your one another some each every');

/** Determiners that point back to something already named: "the statement" is the one just quoted. */
export const DEFINITE_DETERMINERS = words('the this that its their his her');

/** Prepositions after which a name is an object, not a speaker ("for The Roofie Foundation"). */
export const PREPOSITIONS = words(`
  of for from at in on with by to about against into over under than like via within without between
  among amongst through during near per toward towards behind beside besides across around upon onto
  alongside including inside outside despite amid versus
`);

/** Words that may come just before a sentence's subject ("while Smith said", "and he added"). */
export const SUBJECT_LEADERS = words(`
  and but while as since because when though although that after before so yet or if then where
  whereas once
`);

/** Capitalised words that start sentences but never names: stripped from the front of a name. */
export const LEADING_NON_NAMES = words(`
  The A An In On At For From By With After Before During However But And Or If When While As Since
  Although Though Yet So Then This That These Those It He She They We I His Her Their Our Its My Your
  Also Meanwhile Earlier Later Yesterday Today Tonight Tomorrow Last Next According Speaking Writing
  Asked Still Now Even Both Some Many Most All Several Other Others Every Each Such Instead Moreover
  Furthermore Indeed Thus Unbeknownst Despite Under Over Of To Among Through Regarding Citing First
  Second Third Finally Allegedly There Here What Who Why How Where Which Whose Not No Nor Only Just
  Unlike Like Following Asked Addressing Responding Commenting Overall Elsewhere Currently Already Again
  One Two Three Four Five Six Seven Eight Nine Ten Another Any Whether Added Continued Says Said Noted
  Explained Wrote Told Replied Insisted Warned
  Как По В Во На С Со И А Но Он Она Они Это Так При Для После Также Кроме Однако Ранее Позже Сегодня
  Вчера Об О Из За К У От До Мы Я Вы Его Ее Её Их Он Если Когда Хотя Между Среди Теперь Поэтому
  Сам Сама Сами Само Тем Согласно Впрочем Правда Кстати Напомним Причем Причём Зато Лишь Даже Уже Все Всё
  Этот Эта Эти Того Там Тут Здесь Затем Потом Пока Чтобы Или Ни Не Бывший Бывшая Одна Один Одно Одни
  Далее Ещё Еще Итак Наконец Сейчас Ныне Вот
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July September
  October November December
`);

/**
 * Words that make a capitalised run an organisation, place, event or date rather than a person
 * ("Kazinform News Agency", "New York", "White House"). Such runs never become pronoun antecedents.
 */
export const NON_PERSON_WORDS = words(`
  News Agency Office House Union States Kingdom Nations Republic Federation Emirates East West North
  South Middle University College School Institute Academy Department Ministry Council Committee
  Commission Party Government Court Police Army Navy Force Forces Bank Company Corporation Corp Inc
  Ltd Group Association Foundation Organization Organisation Center Centre Museum Program Programme
  Service Services Times Post Journal Herald Gazette Telegraph Guardian Tribune Radio Television TV
  Airlines Airways Observatory Station Prison Hospital Church Street Road Avenue Square Park Bridge
  Airport City County Province Region Island Islands River Lake Mountain Mountains Valley Sea Ocean
  Bay Club Team League Cup Games Festival Award Prize Day Week Act Bill Law Conference Summit
  Assembly Parliament Senate Congress Coast Guard Energy Media Network Systems Technologies Motors
  Press Review Magazine Channel Online Internet Website Project Campaign Movement Alliance Coalition
  Council Board Authority Administration Bureau Fund Trust Society Institution Laboratory Lab Labs
  Studio Studios Records Entertainment Holdings Industries International Global National Federal
  Royal Central Secretariat Mission Embassy Consulate Cabinet Treasury Reserve Exchange Market Markets
  Stock Index Zone Strip Bank Gulf Peninsula Desert Canal Port Harbour Harbor Tower Towers Hall Palace
  Castle Cathedral Temple Mosque Stadium Arena Theatre Theater Gallery Library Hotel Mall Centre
  Christmas Easter Ramadan Eve Olympics Olympic Championship Championships Tournament Series Show
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December America Europe Asia Africa Australia Russia China India
  Britain England Scotland Wales Ireland France Germany Japan Korea Iraq Iran Israel Ukraine Alaska
  Moscow Washington London Paris Beijing Kyiv Kiev Brussels Berlin Tokyo Work Pensions Commons Lords
  Images Image Photo Photos Photograph Photography Pictures Getty Reuters AFP Caption Advertisement State
  Article Below Embed Subscribe
`);

/** Place-name openers: "New Orleans", "Los Angeles", "St Petersburg" are not people. */
export const NON_PERSON_FIRST_WORDS = words('New Los Las San Santa Sao St St. Saint Fort Port Mount Lake Cape Upper Lower Greater');

/** Nationalities, parties and ranks before a name go to the description: "American Cindy Sheehan". */
export const NAME_MODIFIERS = words(`
  American British Russian Chinese French German Canadian Australian Lebanese Afghan Iraqi Iranian
  Israeli Palestinian Indian Pakistani Japanese Korean Sudanese Italian Spanish Mexican Brazilian
  Ukrainian Kazakh Kazakhstani Scottish Irish English Welsh Dutch Greek Turkish Egyptian Syrian Saudi
  Nigerian Kenyan African European Swiss Swedish Norwegian Danish Polish Belgian Indonesian Malaysian
  Thai Vietnamese Filipino Cuban Venezuelan Argentine Chilean Colombian Peruvian Tunisian Panamanian
  Republican Democrat Democratic Conservative Labour Liberal Tory Former Senior Junior Acting Veteran
  Retired Late Outgoing Incoming Interim Deputy Assistant Associate Shadow Vice Prime
`);

/** Lower-case particles inside names: "Peter de Haan van der Weg", "Osama bin Laden". */
export const NAME_PARTICLES = words('de van der von den da di du la le del della dos das bin ibn al el');

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = words(`
  Mr Mrs Ms Dr Prof Rep Sen Gov Gen Lt Col Capt Sgt Maj Adm Rev St Jr Sr Co Corp Inc Ltd No vs Mt Ft
  Ave Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec Cmdr Gen Bros approx Hon Pres Supt Insp Det Const
`);

/**
 * Common first names that tell a gender, in lower case, so that "she said" does not pick "Mark Duffy"
 * (the GGT development set had five such errors). Names given to both sexes (Jordan, Morgan, Alex,
 * Chris, Sam, Kim, Lee, Jean, Andrea) are left out.
 */
export const MALE_FIRST_NAMES = words(`
  aaron adam adrian ahmed alan albert alexander alexei alexey ali andre andrew andrei andrey anthony
  antonio arnold arthur barack ben benjamin bernard bernie bill billy bob boris brad bradley brandon
  brendan brett brian bruce bryan carl carlos charles charlie christian christopher colin craig dale
  damian daniel danny darren dave david dean denis dennis derek dmitry dmitri doug douglas donald
  duncan dwayne eddie edward elon emmanuel eric erik evan frank fred frederick gary gavin george
  gerald glen glenn gordon graham grant greg gregory harold harry henry howard hugh ian igor isaac
  ivan jack jacob jake james jared jason jeff jeffrey jeremy jerry jim jimmy joe joel john johnny
  jon jonathan joseph josh joshua juan justin keith ken kenneth kevin kyle larry lawrence
  luke marco marcus mark martin matt matthew maxim michael mike mikhail mitch mitt mohammed muhammad
  murray nathan neil nicholas nick nikolai nikolay noah norman oleg oliver omar oscar patrick
  paul pedro peter phil philip pierre rafael ralph randy raymond ricardo richard rick rob robert
  rodrigo roger roland ron ronald roy russell ryan samuel scott sean sergei sergey seth shane simon
  stanley stephen steve steven stuart ted terrence thomas tim timothy todd tom tony travis trevor
  tyler victor viktor vincent vladimir walter wayne william xavier yuri yury zachary
  александр алексей андрей борис василий виктор владимир геннадий дмитрий евгений иван игорь
  константин максим михаил николай олег павел петр пётр сергей юрий
`);

export const FEMALE_FIRST_NAMES = words(`
  abigail adriana alexandra alice alicia alison allison amanda amber amy ana angela angelina anita
  ann anna anne annie barbara betsy betty beverly brenda caitlin carla carol caroline catherine
  cathy charlotte chelsea cheryl chloe christina christine cindy claire claudia courtney
  cynthia daria deborah debra denise diana diane donna doris dorothy elena elizabeth ella ellen emily
  emma erin eva evelyn fiona florence françoise gillian gloria grace hannah heather helen hillary
  holly ilhan irina isabel isabella jacqueline jane janet janice jennifer jessica jill joan joanna
  jodie joyce judith judy julia julie karen katherine kathleen kathryn kathy katie katy kate kayla
  kelly kimberly kristen laura lauren linda lisa liz lois lori louise lucy lynn madeleine margaret
  maria marie marina marilyn martha mary megan melania melanie melissa michelle monica nancy natalia
  natalya natasha nicole nina olga pamela patricia paula rachel rebecca rita rose ruth samantha sandra
  sarah shannon sharon shirley sophia sophie stephanie susan suzanne svetlana tamara tanya tatiana
  tatyana teresa theresa tiffany tina valentina valerie vanessa victoria virginia wendy yulia yvonne
  zoe анна валентина галина дарья екатерина елена ирина людмила мария марина наталья нина ольга
  светлана татьяна юлия
`);
