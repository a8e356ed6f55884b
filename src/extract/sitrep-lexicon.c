/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-lexicon.c: the extractor's words in English, Ukrainian and Russian, and a byte trie
 * that finds them all in one pass over a folded sentence.
 *
 * Phrases are folded (lower case) and separated by single spaces; a '*' at the end of a
 * word matches any ending of that word, which is how Ukrainian and Russian inflection is
 * covered ("обстріл*" = обстріл, обстрілу, обстріляли). */
#define G_LOG_DOMAIN "sitrep-extract"

#include "config.h"

#include <string.h>

#include "sitrep-lexicon.h"
#include "sitrep-text.h"
#include "sitrep-trie.h"

#define TRIG(p, k)      { p, SITREP_LEX_TRIGGER, SITREP_KIND_##k, NULL }
#define WEAP(p, c, k)   { p, SITREP_LEX_WEAPON, SITREP_KIND_##k, c }
#define HEDGE(p)        { p, SITREP_LEX_HEDGE, 0, NULL }
#define DISP(p)         { p, SITREP_LEX_DISPUTE, 0, NULL }
#define SPEC(p)         { p, SITREP_LEX_SPECULATION, 0, NULL }
#define BACK(p)         { p, SITREP_LEX_BACKGROUND, 0, NULL }
#define VERB(p)         { p, SITREP_LEX_ATTR_VERB, 0, NULL }
#define VERBP(p)        { p, SITREP_LEX_ATTR_VERB, 1, NULL }
#define PREP(p)         { p, SITREP_LEX_ATTR_PREP, 0, NULL }
#define PREPBACK(p)     { p, SITREP_LEX_ATTR_PREP, 1, NULL }
#define SRC(p, k)       { p, SITREP_LEX_SOURCE, SITREP_SOURCE_##k, NULL }
#define FIG(p, k)       { p, SITREP_LEX_FIGURE, SITREP_FIGURE_##k, NULL }
#define PEOPLE(p)       { p, SITREP_LEX_FIGURE, -1, NULL }
#define QUAL(p, c)      { p, SITREP_LEX_QUALIFIER, 0, c }
#define NUM(p, v)       { p, SITREP_LEX_NUMBER, v, NULL }
#define ANA(p)          { p, SITREP_LEX_ANAPHORA, 0, NULL }
#define RU(p)           { p, SITREP_LEX_ACTOR, 1, "Russian forces" }
#define UA(p)           { p, SITREP_LEX_ACTOR, 2, "Ukrainian forces" }
#define FAC(p)          { p, SITREP_LEX_FACILITY, 0, NULL }
#define NEAR(p)         { p, SITREP_LEX_NEAR, 0, NULL }
#define REG(p, v)       { p, SITREP_LEX_REGION, v, NULL }
#define LOSS(p)         { p, SITREP_LEX_LOSS, 0, NULL }
#define DATE(p)         { p, SITREP_LEX_DATE, 0, NULL }

static const SitrepLexEntry entries[] = {
  /* ---- Triggers: English ---- */
  TRIG ("shelled", SHELLING), TRIG ("shelling", SHELLING), TRIG ("shells", SHELLING),
  TRIG ("shell", SHELLING), TRIG ("artillery fire", SHELLING), TRIG ("artillery strike*", SHELLING),
  TRIG ("artillery attack*", SHELLING), TRIG ("mortar fire", SHELLING), TRIG ("mortar attack*", SHELLING),
  TRIG ("rocket attack*", SHELLING), TRIG ("rocket strike*", SHELLING), TRIG ("rocket fire", SHELLING),
  TRIG ("bombardment*", SHELLING), TRIG ("bombarded", SHELLING), TRIG ("pounded", SHELLING),
  TRIG ("came under fire", SHELLING), TRIG ("under artillery fire", SHELLING), TRIG ("barrage*", SHELLING),
  TRIG ("air strike*", AIR_STRIKE), TRIG ("airstrike*", AIR_STRIKE), TRIG ("air raid*", AIR_STRIKE),
  TRIG ("glide bomb*", AIR_STRIKE), TRIG ("guided bomb*", AIR_STRIKE), TRIG ("aerial bomb*", AIR_STRIKE),
  TRIG ("bombed", AIR_STRIKE), TRIG ("bombing", AIR_STRIKE), TRIG ("bombings", AIR_STRIKE),
  TRIG ("drone strike*", DRONE_STRIKE), TRIG ("drone attack*", DRONE_STRIKE), TRIG ("drone", DRONE_STRIKE),
  TRIG ("drones", DRONE_STRIKE), TRIG ("uav", DRONE_STRIKE), TRIG ("uavs", DRONE_STRIKE),
  TRIG ("kamikaze drone*", DRONE_STRIKE), TRIG ("loitering munition*", DRONE_STRIKE),
  TRIG ("missile strike*", MISSILE_STRIKE), TRIG ("missile attack*", MISSILE_STRIKE),
  TRIG ("missile", MISSILE_STRIKE), TRIG ("missiles", MISSILE_STRIKE),
  TRIG ("ballistic missile*", MISSILE_STRIKE), TRIG ("cruise missile*", MISSILE_STRIKE),
  TRIG ("struck", STRIKE), TRIG ("strike", STRIKE), TRIG ("strikes", STRIKE), TRIG ("striking", STRIKE),
  TRIG ("hit", STRIKE), TRIG ("hits", STRIKE), TRIG ("targeted", STRIKE), TRIG ("targeting", STRIKE),
  TRIG ("attack", STRIKE), TRIG ("attacked", STRIKE), TRIG ("attacks", STRIKE), TRIG ("attacking", STRIKE),
  TRIG ("destroyed", STRIKE), TRIG ("explosion*", STRIKE), TRIG ("blast", STRIKE),
  TRIG ("clash", CLASH), TRIG ("clashes", CLASH), TRIG ("clashed", CLASH), TRIG ("fighting", CLASH),
  TRIG ("fought", CLASH), TRIG ("firefight*", CLASH), TRIG ("battle", CLASH), TRIG ("battles", CLASH),
  TRIG ("skirmish*", CLASH), TRIG ("repelled", CLASH), TRIG ("repulsed", CLASH), TRIG ("assault", CLASH),
  TRIG ("assaults", CLASH), TRIG ("assaulted", CLASH), TRIG ("stormed", CLASH),
  TRIG ("counterattack*", CLASH), TRIG ("counter-attack*", CLASH), TRIG ("ground attack*", CLASH),
  TRIG ("offensive", OFFENSIVE), TRIG ("offensives", OFFENSIVE), TRIG ("counteroffensive", OFFENSIVE),
  TRIG ("advanced", ADVANCE), TRIG ("advancing", ADVANCE), TRIG ("advance", ADVANCE),
  TRIG ("advances", ADVANCE), TRIG ("pushed forward", ADVANCE), TRIG ("gained ground", ADVANCE),
  TRIG ("made gains", ADVANCE), TRIG ("moved forward", ADVANCE),
  TRIG ("captured", CAPTURE), TRIG ("capture", CAPTURE), TRIG ("seized", CAPTURE),
  TRIG ("took control", CAPTURE), TRIG ("taken control", CAPTURE), TRIG ("liberated", CAPTURE),
  TRIG ("liberation", CAPTURE), TRIG ("recaptured", CAPTURE), TRIG ("retook", CAPTURE),
  TRIG ("fell to", CAPTURE), TRIG ("full control", CAPTURE),
  /* ---- Triggers: Ukrainian ---- */
  TRIG ("обстріл*", SHELLING), TRIG ("обстріля*", SHELLING), TRIG ("артобстріл*", SHELLING),
  TRIG ("артилерійськ* обстріл*", SHELLING), TRIG ("мінометн* обстріл*", SHELLING),
  TRIG ("авіаудар*", AIR_STRIKE), TRIG ("авіаційн* удар*", AIR_STRIKE), TRIG ("авіабомб*", AIR_STRIKE),
  TRIG ("дрон*", DRONE_STRIKE), TRIG ("безпілотник*", DRONE_STRIKE), TRIG ("бпла", DRONE_STRIKE),
  TRIG ("ударн* бпла", DRONE_STRIKE), TRIG ("атак* дрон*", DRONE_STRIKE),
  TRIG ("ракетн* удар*", MISSILE_STRIKE), TRIG ("ракетн* атак*", MISSILE_STRIKE), TRIG ("ракет*", MISSILE_STRIKE),
  TRIG ("вдарил*", STRIKE), TRIG ("вдарив", STRIKE), TRIG ("ударил*", STRIKE), TRIG ("удар", STRIKE), TRIG ("удару", STRIKE), TRIG ("ударом", STRIKE), TRIG ("удари", STRIKE),
  TRIG ("ударів", STRIKE), TRIG ("ударили", STRIKE), TRIG ("ударив", STRIKE), TRIG ("уразил*", STRIKE),
  TRIG ("уразив", STRIKE), TRIG ("уражен*", STRIKE), TRIG ("влучан*", STRIKE), TRIG ("влучил*", STRIKE),
  TRIG ("поцілил*", STRIKE), TRIG ("атакува*", STRIKE), TRIG ("атакув*", STRIKE), TRIG ("атак*", STRIKE),
  TRIG ("знищил*", STRIKE), TRIG ("знищено", STRIKE), TRIG ("вибух*", STRIKE),
  TRIG ("бої", CLASH), TRIG ("боїв", CLASH), TRIG ("бій", CLASH), TRIG ("боях", CLASH),
  TRIG ("боєзіткнен*", CLASH), TRIG ("зіткнен*", CLASH), TRIG ("штурм*", CLASH), TRIG ("відбил*", CLASH),
  TRIG ("відбито", CLASH), TRIG ("відбили", CLASH),
  TRIG ("наступ", OFFENSIVE), TRIG ("наступу", OFFENSIVE), TRIG ("наступі", OFFENSIVE),
  TRIG ("наступальн*", OFFENSIVE), TRIG ("контрнаступ*", OFFENSIVE),
  TRIG ("просунул*", ADVANCE), TRIG ("просунувся", ADVANCE), TRIG ("просуван*", ADVANCE),
  TRIG ("звільнил*", CAPTURE), TRIG ("звільнен*", CAPTURE), TRIG ("звільнив*", CAPTURE),
  TRIG ("захопил*", CAPTURE), TRIG ("захопив*", CAPTURE), TRIG ("захоплен*", CAPTURE),
  TRIG ("взяли під контроль", CAPTURE), TRIG ("взяв під контроль", CAPTURE),
  /* ---- Triggers: Russian ---- */
  TRIG ("обстрел*", SHELLING), TRIG ("обстреля*", SHELLING), TRIG ("артобстрел*", SHELLING),
  TRIG ("артиллерийск* удар*", SHELLING), TRIG ("минометн* обстрел*", SHELLING),
  TRIG ("авиаудар*", AIR_STRIKE), TRIG ("авиационн* удар*", AIR_STRIKE), TRIG ("авиабомб*", AIR_STRIKE),
  TRIG ("беспилотник*", DRONE_STRIKE), TRIG ("ударн* бпла", DRONE_STRIKE), TRIG ("атак* дрон*", DRONE_STRIKE),
  TRIG ("ракетн* удар*", MISSILE_STRIKE), TRIG ("ракетн* атак*", MISSILE_STRIKE),
  TRIG ("удара", STRIKE), TRIG ("удары", STRIKE), TRIG ("ударов", STRIKE), TRIG ("нанесли удар*", STRIKE),
  TRIG ("нанес* удар*", STRIKE), TRIG ("нанесен* удар*", STRIKE), TRIG ("поразил*", STRIKE),
  TRIG ("поражен*", STRIKE), TRIG ("атакова*", STRIKE), TRIG ("уничтожил*", STRIKE),
  TRIG ("уничтожен*", STRIKE), TRIG ("взрыв*", STRIKE), TRIG ("прилет*", STRIKE), TRIG ("приліт*", STRIKE),
  TRIG ("бои", CLASH), TRIG ("боев", CLASH), TRIG ("боях", CLASH), TRIG ("боестолкновен*", CLASH),
  TRIG ("столкновен*", CLASH), TRIG ("отразил*", CLASH), TRIG ("отбил*", CLASH), TRIG ("отражен*", CLASH),
  TRIG ("наступлени*", OFFENSIVE), TRIG ("наступают", OFFENSIVE), TRIG ("контрнаступлени*", OFFENSIVE),
  TRIG ("продвинул*", ADVANCE), TRIG ("продвижени*", ADVANCE), TRIG ("продвигают*", ADVANCE),
  TRIG ("освободил*", CAPTURE), TRIG ("освобожден*", CAPTURE), TRIG ("заняли", CAPTURE),
  TRIG ("захватил*", CAPTURE), TRIG ("захвачен*", CAPTURE), TRIG ("взяли под контроль", CAPTURE),
  TRIG ("установили контроль", CAPTURE), TRIG ("установили полный контроль", CAPTURE),

  /* ---- Weapons ---- */
  WEAP ("grad", "BM-21 Grad", SHELLING), WEAP ("grads", "BM-21 Grad", SHELLING),
  WEAP ("bm-21", "BM-21 Grad", SHELLING), WEAP ("бм-21", "BM-21 Grad", SHELLING),
  WEAP ("град", "BM-21 Grad", SHELLING), WEAP ("града", "BM-21 Grad", SHELLING),
  WEAP ("градом", "BM-21 Grad", SHELLING), WEAP ("градов", "BM-21 Grad", SHELLING),
  WEAP ("градів", "BM-21 Grad", SHELLING), WEAP ("градами", "BM-21 Grad", SHELLING),
  WEAP ("uragan", "BM-27 Uragan", SHELLING), WEAP ("ураган*", "BM-27 Uragan", SHELLING),
  WEAP ("smerch", "BM-30 Smerch", SHELLING), WEAP ("смерч*", "BM-30 Smerch", SHELLING),
  WEAP ("tornado-s", "Tornado-S", SHELLING), WEAP ("торнадо-с", "Tornado-S", SHELLING),
  WEAP ("himars", "HIMARS", SHELLING), WEAP ("хаймарс*", "HIMARS", SHELLING),
  WEAP ("хімарс*", "HIMARS", SHELLING),
  WEAP ("mlrs", "MLRS", SHELLING), WEAP ("rszo", "MLRS", SHELLING), WEAP ("rszos", "MLRS", SHELLING),
  WEAP ("рсзо", "MLRS", SHELLING), WEAP ("рсзв", "MLRS", SHELLING),
  WEAP ("multiple rocket launcher*", "MLRS", SHELLING), WEAP ("rocket launcher*", "MLRS", SHELLING),
  WEAP ("howitzer*", "howitzer", SHELLING), WEAP ("гаубиц*", "howitzer", SHELLING),
  WEAP ("гаубиц*", "howitzer", SHELLING),
  WEAP ("artillery", "artillery", SHELLING), WEAP ("артиллери*", "artillery", SHELLING),
  WEAP ("артилері*", "artillery", SHELLING), WEAP ("артилерійськ*", "artillery", SHELLING),
  WEAP ("mortar", "mortar", SHELLING), WEAP ("mortars", "mortar", SHELLING),
  WEAP ("миномет*", "mortar", SHELLING), WEAP ("міномет*", "mortar", SHELLING),
  WEAP ("iskander*", "Iskander", MISSILE_STRIKE), WEAP ("искандер*", "Iskander", MISSILE_STRIKE),
  WEAP ("іскандер*", "Iskander", MISSILE_STRIKE), WEAP ("kalibr", "Kalibr", MISSILE_STRIKE),
  WEAP ("калибр*", "Kalibr", MISSILE_STRIKE), WEAP ("калібр*", "Kalibr", MISSILE_STRIKE),
  WEAP ("kh-101", "Kh-101", MISSILE_STRIKE), WEAP ("х-101", "Kh-101", MISSILE_STRIKE),
  WEAP ("kh-22", "Kh-22", MISSILE_STRIKE), WEAP ("х-22", "Kh-22", MISSILE_STRIKE),
  WEAP ("kinzhal", "Kinzhal", MISSILE_STRIKE), WEAP ("кинжал*", "Kinzhal", MISSILE_STRIKE),
  WEAP ("кинджал*", "Kinzhal", MISSILE_STRIKE), WEAP ("s-300", "S-300", MISSILE_STRIKE),
  WEAP ("с-300", "S-300", MISSILE_STRIKE), WEAP ("atacms", "ATACMS", MISSILE_STRIKE),
  WEAP ("storm shadow*", "Storm Shadow", MISSILE_STRIKE), WEAP ("scalp", "Storm Shadow", MISSILE_STRIKE),
  WEAP ("tochka-u", "Tochka-U", MISSILE_STRIKE), WEAP ("точка-у", "Tochka-U", MISSILE_STRIKE),
  WEAP ("neptune", "Neptune", MISSILE_STRIKE), WEAP ("нептун*", "Neptune", MISSILE_STRIKE),
  WEAP ("shahed*", "Shahed", DRONE_STRIKE), WEAP ("шахед*", "Shahed", DRONE_STRIKE),
  WEAP ("geran*", "Shahed", DRONE_STRIKE), WEAP ("герань*", "Shahed", DRONE_STRIKE),
  WEAP ("lancet*", "Lancet", DRONE_STRIKE), WEAP ("ланцет*", "Lancet", DRONE_STRIKE),
  WEAP ("fpv drone*", "FPV drone", DRONE_STRIKE), WEAP ("fpv", "FPV drone", DRONE_STRIKE),
  WEAP ("fpv-дрон*", "FPV drone", DRONE_STRIKE), WEAP ("bayraktar*", "Bayraktar TB2", DRONE_STRIKE),
  WEAP ("glide bomb*", "glide bomb", AIR_STRIKE), WEAP ("guided aerial bomb*", "glide bomb", AIR_STRIKE),
  WEAP ("guided bomb*", "glide bomb", AIR_STRIKE), WEAP ("каб", "glide bomb", AIR_STRIKE),
  WEAP ("кабами", "glide bomb", AIR_STRIKE), WEAP ("кабів", "glide bomb", AIR_STRIKE),
  WEAP ("каби", "glide bomb", AIR_STRIKE), WEAP ("кабы", "glide bomb", AIR_STRIKE),
  WEAP ("керован* авіабомб*", "glide bomb", AIR_STRIKE),
  WEAP ("управляем* авиабомб*", "glide bomb", AIR_STRIKE),
  WEAP ("fab-*", "FAB bomb", AIR_STRIKE), WEAP ("фаб-*", "FAB bomb", AIR_STRIKE),

  /* ---- Hedging cues ---- */
  HEDGE ("reportedly"), HEDGE ("allegedly"), HEDGE ("alleged"), HEDGE ("unconfirmed"),
  HEDGE ("according to unconfirmed reports"), HEDGE ("unconfirmed reports"), HEDGE ("unverified"),
  HEDGE ("is said to"), HEDGE ("are said to"), HEDGE ("was said to"), HEDGE ("were said to"),
  HEDGE ("if accurate"), HEDGE ("if confirmed"), HEDGE ("if true"), HEDGE ("could not be verified"),
  HEDGE ("could not be independently verified"), HEDGE ("could not independently verify"),
  HEDGE ("cannot be independently verified"), HEDGE ("cannot be verified"),
  HEDGE ("not independently verified"), HEDGE ("has not been verified"), HEDGE ("have not been verified"),
  HEDGE ("have not yet confirmed"), HEDGE ("has not yet confirmed"), HEDGE ("have not confirmed"),
  HEDGE ("has not confirmed"), HEDGE ("did not confirm"), HEDGE ("not yet confirmed"),
  HEDGE ("suggest"), HEDGE ("suggests"), HEDGE ("appears"), HEDGE ("appeared to"), HEDGE ("apparently"),
  HEDGE ("purportedly"), HEDGE ("claimed"), HEDGE ("it is believed"), HEDGE ("believed to"),
  HEDGE ("presumably"), HEDGE ("possibly"), HEDGE ("remains unclear"), HEDGE ("remained unclear"),
  HEDGE ("no independent confirmation"), HEDGE ("may have"), HEDGE ("might have"), HEDGE ("could have"),
  HEDGE ("have not publicly acknowledged"), HEDGE ("has not publicly acknowledged"),
  HEDGE ("нібито"), HEDGE ("імовірно"), HEDGE ("ймовірно"), HEDGE ("за неперевіреними даними"),
  HEDGE ("неперевірен*"), HEDGE ("начебто"), HEDGE ("не підтверджен*"), HEDGE ("не підтвердил*"),
  HEDGE ("за попередніми даними"), HEDGE ("попередньо"), HEDGE ("як стверджується"),
  HEDGE ("не вдалося перевірити"), HEDGE ("не вдалося незалежно перевірити"),
  HEDGE ("якобы"), HEDGE ("предположительно"), HEDGE ("вероятно"), HEDGE ("по неподтвержденным данным"),
  HEDGE ("неподтвержденн*"), HEDGE ("по предварительным данным"), HEDGE ("не подтвержден*"),
  HEDGE ("не подтвердил*"), HEDGE ("по имеющимся данным"), HEDGE ("как утверждается"),
  HEDGE ("не удалось проверить"), HEDGE ("не удалось независимо проверить"),
  HEDGE ("независимо проверить не удалось"), HEDGE ("проверить не удалось"),
  HEDGE ("перевірити не вдалося"), HEDGE ("незалежно перевірити не вдалося"),
  HEDGE ("could not be independently confirmed"), HEDGE ("could not be confirmed"),
  HEDGE ("could not immediately be verified"), HEDGE ("could not immediately verify"),
  HEDGE ("could not immediately confirm"), HEDGE ("could not independently confirm"),

  /* ---- Dispute cues ---- */
  DISP ("denied"), DISP ("denies"), DISP ("deny"), DISP ("rejected the claim*"),
  DISP ("dismissed the claim*"), DISP ("disputed"), DISP ("disputes"), DISP ("refuted"),
  DISP ("met with skepticism"), DISP ("met with scepticism"), DISP ("skeptical"), DISP ("sceptical"),
  DISP ("called the report* false"), DISP ("false"), DISP ("fake"), DISP ("contradicted"),
  DISP ("conflicting"), DISP ("not true"), DISP ("untrue"), DISP ("неправда"),
  DISP ("не відповіда* дійсності"), DISP ("не соответству* действительности"), DISP ("disinformation"), DISP ("contradict*"),
  DISP ("спростува*"), DISP ("заперечу*"), DISP ("заперечив*"), DISP ("фейк*"), DISP ("неправдив*"),
  DISP ("дезінформац*"), DISP ("опроверг*"), DISP ("отрица*"), DISP ("дезинформац*"), DISP ("ложн*"),

  /* ---- Speculation: not a past event ---- */
  SPEC ("could"), SPEC ("would"), SPEC ("might"), SPEC ("may"), SPEC ("will"),
  SPEC ("in the coming weeks"), SPEC ("in the coming days"), SPEC ("in the coming months"),
  SPEC ("coming weeks"), SPEC ("is expected to"), SPEC ("are expected to"), SPEC ("plans to"),
  SPEC ("planning to"), SPEC ("preparing for"), SPEC ("potential"), SPEC ("threatens to"),
  SPEC ("threatened to"), SPEC ("likely to"), SPEC ("poised to"), SPEC ("if"),
  SPEC ("может"), SPEC ("могут"), SPEC ("мог бы"), SPEC ("могли бы"), SPEC ("будет"), SPEC ("будут"),
  SPEC ("в ближайшие"), SPEC ("в ближайшее время"), SPEC ("планиру*"),
  SPEC ("може"), SPEC ("можуть"), SPEC ("міг би"), SPEC ("буде"), SPEC ("будуть"),
  SPEC ("найближчим часом"), SPEC ("найближчими"), SPEC ("в найближчі"), SPEC ("планує*"),
  SPEC ("плануют*"),

  /* ---- Background and analysis: not an event ---- */
  BACK ("has been a recurring"), BACK ("recurring tactic"), BACK ("known for"),
  BACK ("analysts argue"), BACK ("analysts say"), BACK ("analysts believe"), BACK ("analysts"),
  BACK ("experts caution"), BACK ("experts believe"), BACK ("analysis"), BACK ("underscores"),
  BACK ("underscored"), BACK ("highlights"), BACK ("raised concerns"), BACK ("reignited"),
  BACK ("part of a broader"), BACK ("broader strategy"), BACK ("subject of debate"),
  BACK ("enters its"), BACK ("since the start of the war"), BACK ("since the start of the full-scale"),
  BACK ("in previous"), BACK ("historically"), BACK ("typically"), BACK ("usually"), BACK ("often"),
  BACK ("the situation remains"), BACK ("litmus test"), BACK ("outlook"), BACK ("in general"),
  BACK ("generally"), BACK ("the war has"), BACK ("throughout the war"), BACK ("almost daily"),
  BACK ("daily"), BACK ("regularly"), BACK ("every day"), BACK ("frequently"), BACK ("has gone on"),
  BACK ("have gone on"), BACK ("for months"), BACK ("for weeks"), BACK ("has repeatedly"),
  BACK ("have repeatedly"), BACK ("щодня"), BACK ("регулярно"), BACK ("ежедневно"), BACK ("постоянно"),
  BACK ("постійно"), BACK ("ранее"), BACK ("раніше"), BACK ("нагадаємо"), BACK ("напомним"),
  BACK ("ранее сообщалось"), BACK ("як повідомлялося"),
  BACK ("аналітики вважають"), BACK ("експерти вважають"), BACK ("як правило"), BACK ("зазвичай"),
  BACK ("аналитики считают"), BACK ("эксперты считают"), BACK ("как правило"), BACK ("обычно"),
  BACK ("по мнению аналитиков"), BACK ("на думку аналітиків"),

  /* ---- Attribution ---- */
  VERB ("said"), VERB ("says"), VERB ("stated"), VERB ("states"), VERB ("claimed"),
  VERB ("told"), VERB ("reported"), VERB ("reports"), VERB ("noted"), VERB ("added"), VERB ("wrote"),
  VERB ("announced"), VERB ("denies"), VERB ("deny"), VERB ("put the death toll"),
  VERB ("put the toll"), VERB ("put the number"), VERB ("confirmed"), VERB ("denied"), VERB ("described"), VERB ("suggest"),
  VERB ("suggests"), VERB ("showed"), VERB ("show"), VERB ("shows"), VERB ("indicated"),
  VERB ("indicate"), VERB ("posted"), VERB ("estimated"), VERB ("assessed"),
  VERBP ("stating"), VERBP ("saying"), VERBP ("claiming"), VERBP ("adding"), VERBP ("noting"),
  VERB ("заявив"), VERB ("заявила"), VERB ("заявили"), VERB ("повідомив"), VERB ("повідомила"),
  VERB ("повідомили"), VERB ("повідомляє"), VERB ("повідомляють"), VERB ("зазначив"),
  VERB ("зазначила"), VERB ("сказав"), VERB ("сказала"), VERB ("написав"), VERB ("розповів"),
  VERB ("розповіла"), VERB ("підтвердив*"), VERB ("поінформував*"), VERB ("стверджу*"),
  VERB ("уточнив"), VERB ("уточнила"), VERB ("уточнил"), VERB ("уточнила"), VERB ("додав"),
  VERB ("додала"), VERB ("добавил"), VERB ("добавила"), VERB ("наголосив"), VERB ("подчеркнул"),
  VERB ("заявил"), VERB ("заявила"), VERB ("заявили"), VERB ("сообщил"), VERB ("сообщила"),
  VERB ("сообщили"), VERB ("сообщает"), VERB ("сообщают"), VERB ("отметил"), VERB ("отметила"),
  VERB ("сказал"), VERB ("сказала"), VERB ("написал"), VERB ("рассказал"), VERB ("подтвердил*"),
  VERB ("передает"), VERB ("пишет"), VERB ("утвержда*"), VERB ("доложил*"),
  PREPBACK ("according to him"), PREPBACK ("according to her"), PREPBACK ("according to them"),
  PREPBACK ("за його словами"), PREPBACK ("за її словами"), PREPBACK ("за їхніми словами"),
  PREPBACK ("по его словам"), PREPBACK ("по ее словам"), PREPBACK ("по её словам"),
  PREPBACK ("по их словам"), PREP ("according to"), PREP ("citing"), PREP ("cited"), PREP ("за словами"), PREP ("за даними"),
  PREP ("за інформацією"), PREP ("як повідомляє"), PREP ("як повідомили"), PREP ("як повідомив"),
  PREP ("як заявив"), PREP ("як заявили"), PREP ("по словам"), PREP ("по данным"),
  PREP ("по информации"), PREP ("как заявил"), PREP ("как заявили"), PREP ("как сообщил"),
  PREP ("как сообщили"), PREP ("как сообщает"), PREP ("со ссылкой на"), PREP ("з посиланням на"),

  /* ---- Sources by role ---- */
  SRC ("military administration", OFFICIAL), SRC ("oblast military administration", OFFICIAL),
  SRC ("regional military administration", OFFICIAL), SRC ("city military administration", OFFICIAL),
  SRC ("regional state administration", OFFICIAL), SRC ("state administration", OFFICIAL),
  SRC ("prosecutor's office", OFFICIAL), SRC ("russia", OFFICIAL), SRC ("ukraine", OFFICIAL),
  SRC ("moscow", OFFICIAL), SRC ("kyiv", OFFICIAL), SRC ("kiev", OFFICIAL), SRC ("киев", OFFICIAL),
  SRC ("київ", OFFICIAL), SRC ("city council", OFFICIAL), SRC ("обласна військова адміністрація", OFFICIAL),
  SRC ("обласн* військов* адміністраці*", OFFICIAL), SRC ("військов* адміністраці*", OFFICIAL),
  SRC ("gov", OFFICIAL), SRC ("head of the", OFFICIAL), SRC ("spokesperson", OFFICIAL), SRC ("spokesman", OFFICIAL), SRC ("spokeswoman", OFFICIAL),
  SRC ("ministry", OFFICIAL), SRC ("ministry of defence", OFFICIAL), SRC ("defence ministry", OFFICIAL),
  SRC ("defense ministry", OFFICIAL), SRC ("governor", OFFICIAL), SRC ("mayor", OFFICIAL),
  SRC ("official", OFFICIAL), SRC ("officials", OFFICIAL), SRC ("administration", OFFICIAL),
  SRC ("government", OFFICIAL), SRC ("kremlin", OFFICIAL), SRC ("president", OFFICIAL),
  SRC ("minister", OFFICIAL), SRC ("prosecutor*", OFFICIAL), SRC ("police", OFFICIAL),
  SRC ("emergency service*", OFFICIAL), SRC ("authorities", OFFICIAL), SRC ("council", OFFICIAL),
  SRC ("міністерств*", OFFICIAL), SRC ("міноборони", OFFICIAL), SRC ("губернатор*", OFFICIAL),
  SRC ("очільник*", OFFICIAL), SRC ("ова", OFFICIAL), SRC ("мер", OFFICIAL), SRC ("міський голова", OFFICIAL),
  SRC ("міського голови", OFFICIAL), SRC ("речник*", OFFICIAL), SRC ("прокуратур*", OFFICIAL),
  SRC ("поліці*", OFFICIAL), SRC ("дснс", OFFICIAL), SRC ("влад*", OFFICIAL), SRC ("адміністраці*", OFFICIAL),
  SRC ("посадовц*", OFFICIAL), SRC ("президент*", OFFICIAL), SRC ("голова", OFFICIAL),
  SRC ("начальник*", OFFICIAL),
  SRC ("министерств*", OFFICIAL), SRC ("минобороны", OFFICIAL), SRC ("глава", OFFICIAL),
  SRC ("мэр*", OFFICIAL), SRC ("пресс-секретар*", OFFICIAL), SRC ("официальн* представител*", OFFICIAL),
  SRC ("власт*", OFFICIAL), SRC ("администраци*", OFFICIAL), SRC ("мчс", OFFICIAL),
  SRC ("полици*", OFFICIAL), SRC ("представител*", OFFICIAL), SRC ("ведомств*", OFFICIAL),
  SRC ("відомств*", OFFICIAL),
  SRC ("general staff", MILITARY), SRC ("commander", MILITARY), SRC ("commander-in-chief", MILITARY),
  SRC ("brigade", MILITARY), SRC ("battalion", MILITARY), SRC ("regiment", MILITARY),
  SRC ("army", MILITARY), SRC ("armed forces", MILITARY), SRC ("military", MILITARY),
  SRC ("military officials", MILITARY), SRC ("air force", MILITARY), SRC ("navy", MILITARY),
  SRC ("operational command", MILITARY), SRC ("group of forces", MILITARY),
  SRC ("military spokesperson", MILITARY), SRC ("military spokesman", MILITARY),
  SRC ("soldier", MILITARY), SRC ("soldiers", MILITARY), SRC ("serviceman", MILITARY),
  SRC ("генштаб*", MILITARY), SRC ("генеральн* штаб*", MILITARY), SRC ("командувач*", MILITARY),
  SRC ("командир*", MILITARY), SRC ("бригад*", MILITARY), SRC ("батальйон*", MILITARY),
  SRC ("зсу", MILITARY), SRC ("повітрян* сил*", MILITARY), SRC ("угруповання", MILITARY),
  SRC ("сили оборони", MILITARY), SRC ("оперативн* командуванн*", MILITARY), SRC ("військові", MILITARY),
  SRC ("військовий", MILITARY), SRC ("військова", MILITARY),
  SRC ("командующ*", MILITARY), SRC ("батальон*", MILITARY), SRC ("группировк*", MILITARY),
  SRC ("группы войск", MILITARY), SRC ("военные", MILITARY), SRC ("военный", MILITARY), SRC ("всу", MILITARY),
  SRC ("expert", EXPERT), SRC ("experts", EXPERT), SRC ("analyst", EXPERT), SRC ("analysts", EXPERT),
  SRC ("military expert", EXPERT), SRC ("military analyst", EXPERT), SRC ("observer", EXPERT),
  SRC ("military observer", EXPERT), SRC ("researcher", EXPERT), SRC ("think tank", EXPERT),
  SRC ("institute for the study of war", EXPERT), SRC ("isw", EXPERT),
  SRC ("експерт*", EXPERT), SRC ("аналітик*", EXPERT), SRC ("оглядач*", EXPERT),
  SRC ("військов* експерт*", EXPERT), SRC ("эксперт*", EXPERT), SRC ("аналитик*", EXPERT),
  SRC ("военн* эксперт*", EXPERT), SRC ("военн* обозревател*", EXPERT), SRC ("обозревател*", EXPERT),
  SRC ("witness", WITNESS), SRC ("witnesses", WITNESS), SRC ("eyewitness*", WITNESS),
  SRC ("resident", WITNESS), SRC ("residents", WITNESS), SRC ("locals", WITNESS),
  SRC ("local residents", WITNESS), SRC ("people on the ground", WITNESS),
  SRC ("очевид*", WITNESS), SRC ("мешкан*", WITNESS), SRC ("жител*", WITNESS),
  SRC ("місцев* жител*", WITNESS), SRC ("местн* жител*", WITNESS),
  SRC ("satellite imagery", SATELLITE), SRC ("satellite images", SATELLITE),
  SRC ("satellite image", SATELLITE), SRC ("satellite photos", SATELLITE), SRC ("satellite", SATELLITE),
  SRC ("спутников* снимк*", SATELLITE), SRC ("супутников* знімк*", SATELLITE),
  SRC ("супутников*", SATELLITE), SRC ("спутников*", SATELLITE),
  SRC ("unconfirmed reports", UNCONFIRMED), SRC ("reports", UNCONFIRMED), SRC ("unverified reports", UNCONFIRMED),
  SRC ("local reports", UNCONFIRMED), SRC ("social media", UNCONFIRMED), SRC ("telegram channel*", UNCONFIRMED),
  SRC ("неподтвержденн* данн*", UNCONFIRMED), SRC ("неперевірен* дан*", UNCONFIRMED),
  SRC ("соцсет*", UNCONFIRMED), SRC ("соцмереж*", UNCONFIRMED), SRC ("телеграм*", UNCONFIRMED),
  SRC ("a source", ANONYMOUS), SRC ("sources", ANONYMOUS), SRC ("source close to", ANONYMOUS),
  SRC ("on condition of anonymity", ANONYMOUS), SRC ("anonymous", ANONYMOUS),
  SRC ("источник*", ANONYMOUS), SRC ("джерел*", ANONYMOUS), SRC ("джерело", ANONYMOUS),
  SRC ("анонимн*", ANONYMOUS), SRC ("анонімн*", ANONYMOUS),
  SRC ("reuters", MEDIA), SRC ("associated press", MEDIA), SRC ("tass", MEDIA),
  SRC ("ria novosti", MEDIA), SRC ("interfax", MEDIA), SRC ("ukrinform", MEDIA),
  SRC ("kyiv independent", MEDIA), SRC ("bbc", MEDIA), SRC ("cnn", MEDIA), SRC ("media", MEDIA),
  SRC ("outlets", MEDIA), SRC ("тасс", MEDIA), SRC ("риа новости", MEDIA), SRC ("интерфакс", MEDIA),
  SRC ("укрінформ", MEDIA), SRC ("сми", MEDIA), SRC ("змі", MEDIA), SRC ("военкор*", MEDIA),

  /* ---- Figures ---- */
  FIG ("soldiers", TROOPS), FIG ("troops", TROOPS), FIG ("servicemen", TROOPS), FIG ("personnel", TROOPS),
  FIG ("fighters", TROOPS), FIG ("service members", TROOPS), FIG ("military personnel", TROOPS),
  FIG ("військовослужбовц*", TROOPS), FIG ("військових", TROOPS), FIG ("бійц*", TROOPS),
  FIG ("солдат*", TROOPS), FIG ("военнослужащ*", TROOPS), FIG ("военных", TROOPS), FIG ("бойцов", TROOPS),
  FIG ("killed", KILLED), FIG ("dead", KILLED), FIG ("died", KILLED), FIG ("deaths", KILLED),
  FIG ("killing", KILLED), FIG ("death toll at", KILLED), FIG ("death toll to", KILLED),
  FIG ("death toll rose to", KILLED), FIG ("toll rose to", KILLED), FIG ("fatalities", KILLED),
  FIG ("загинул*", KILLED), FIG ("загибл*", KILLED), FIG ("загинув", KILLED), FIG ("вбит*", KILLED),
  FIG ("вбито", KILLED), FIG ("убит*", KILLED), FIG ("погиб*", KILLED), FIG ("погибш*", KILLED),
  FIG ("wounded", WOUNDED), FIG ("injured", WOUNDED), FIG ("hurt", WOUNDED), FIG ("wounding", WOUNDED),
  FIG ("injuring", WOUNDED), FIG ("поранен*", WOUNDED), FIG ("поранені", WOUNDED),
  FIG ("ранен*", WOUNDED), FIG ("травмован*", WOUNDED), FIG ("пострадал*", WOUNDED),
  FIG ("постраждал*", WOUNDED), FIG ("постраждали", WOUNDED),
  FIG ("casualties", CASUALTIES), FIG ("casualty", CASUALTIES), FIG ("losses", CASUALTIES),
  FIG ("втрат*", CASUALTIES), FIG ("потер*", CASUALTIES),
  FIG ("prisoners", CAPTURED), FIG ("prisoners of war", CAPTURED), FIG ("pows", CAPTURED),
  FIG ("taken prisoner", CAPTURED), FIG ("полонен*", CAPTURED), FIG ("пленн*", CAPTURED),
  FIG ("missiles", MISSILES), FIG ("rockets", MISSILES), FIG ("missile", MISSILES),
  FIG ("ракет*", MISSILES), FIG ("cruise missiles", MISSILES), FIG ("ballistic missiles", MISSILES),
  FIG ("drones", DRONES), FIG ("uavs", DRONES), FIG ("drone", DRONES), FIG ("дрон*", DRONES),
  FIG ("безпілотник*", DRONES), FIG ("беспилотник*", DRONES), FIG ("бпла", DRONES),
  FIG ("shahed drones", DRONES), FIG ("attack drones", DRONES), FIG ("shaheds", DRONES),
  FIG ("tanks", OTHER), FIG ("armored vehicles", OTHER), FIG ("armoured vehicles", OTHER),
  FIG ("танк*", OTHER), FIG ("бронемашин*", OTHER), FIG ("buildings", OTHER), FIG ("houses", OTHER),
  PEOPLE ("people"), PEOPLE ("civilians"), PEOPLE ("persons"), PEOPLE ("children"), PEOPLE ("residents"),
  PEOPLE ("человек"), PEOPLE ("людей"), PEOPLE ("люди"), PEOPLE ("осіб"), PEOPLE ("особи"),
  PEOPLE ("людини"), PEOPLE ("мирн* жител*"), PEOPLE ("мирних жителів"), PEOPLE ("цивільн*"),
  PEOPLE ("дітей"), PEOPLE ("детей"),

  /* ---- Qualifiers ---- */
  QUAL ("approximately", "approximately"), QUAL ("about", "approximately"),
  QUAL ("around", "approximately"), QUAL ("some", "approximately"), QUAL ("nearly", "approximately"),
  QUAL ("almost", "approximately"), QUAL ("roughly", "approximately"),
  QUAL ("an estimated", "approximately"), QUAL ("estimated", "approximately"),
  QUAL ("at least", "at least"), QUAL ("up to", "up to"), QUAL ("as many as", "up to"),
  QUAL ("more than", "more than"), QUAL ("over", "more than"), QUAL ("less than", "less than"),
  QUAL ("fewer than", "less than"),
  QUAL ("близько", "approximately"), QUAL ("приблизно", "approximately"), QUAL ("майже", "approximately"),
  QUAL ("щонайменше", "at least"), QUAL ("не менше", "at least"), QUAL ("до", "up to"),
  QUAL ("понад", "more than"), QUAL ("більше", "more than"), QUAL ("понад", "more than"),
  QUAL ("около", "approximately"), QUAL ("примерно", "approximately"), QUAL ("почти", "approximately"),
  QUAL ("порядка", "approximately"), QUAL ("не менее", "at least"), QUAL ("как минимум", "at least"),
  QUAL ("более", "more than"), QUAL ("свыше", "more than"), QUAL ("больше", "more than"),

  /* ---- Number words ---- */
  NUM ("one", 1), NUM ("two", 2), NUM ("three", 3), NUM ("four", 4), NUM ("five", 5), NUM ("six", 6),
  NUM ("seven", 7), NUM ("eight", 8), NUM ("nine", 9), NUM ("ten", 10), NUM ("eleven", 11),
  NUM ("twelve", 12), NUM ("fifteen", 15), NUM ("twenty", 20), NUM ("thirty", 30), NUM ("forty", 40),
  NUM ("fifty", 50), NUM ("a hundred", 100), NUM ("a dozen", 12), NUM ("dozens", -2),
  NUM ("hundreds", -3), NUM ("thousands", -4),
  NUM ("один", 1), NUM ("одна", 1), NUM ("два", 2), NUM ("дві", 2), NUM ("две", 2), NUM ("двоє", 2),
  NUM ("двое", 2), NUM ("три", 3), NUM ("троє", 3), NUM ("трое", 3), NUM ("чотири", 4),
  NUM ("четыре", 4), NUM ("п'ять", 5), NUM ("пять", 5), NUM ("шість", 6), NUM ("шесть", 6),
  NUM ("сім", 7), NUM ("семь", 7), NUM ("вісім", 8), NUM ("восемь", 8), NUM ("дев'ять", 9),
  NUM ("девять", 9), NUM ("десять", 10), NUM ("десятки", -2), NUM ("десятков", -2),
  NUM ("сотні", -3), NUM ("сотни", -3), NUM ("четверо", 4), NUM ("п'ятеро", 5),
  NUM ("пятеро", 5), NUM ("шестеро", 6), NUM ("семеро", 7), NUM ("двох", 2), NUM ("трьох", 3),
  NUM ("двух", 2), NUM ("трех", 3), NUM ("трёх", 3), NUM ("одного", 1), NUM ("одна", 1),

  /* ---- Anaphora: a sentence that goes on about the event before ---- */
  ANA ("the strike"), ANA ("the strikes"), ANA ("the attack"), ANA ("the attacks"), ANA ("the assault"),
  ANA ("the shelling"), ANA ("the explosion*"), ANA ("the blast*"), ANA ("the factory"), ANA ("the plant"),
  ANA ("the facility"), ANA ("the depot"), ANA ("the site"), ANA ("the area"), ANA ("the town"),
  ANA ("the city"), ANA ("the village"), ANA ("the settlement"), ANA ("the raid"), ANA ("this figure"),
  ANA ("the figure"), ANA ("these figures"), ANA ("the numbers"), ANA ("these numbers"),
  ANA ("the claim"), ANA ("this claim"), ANA ("the expert"), ANA ("the incident"), ANA ("the damage"),
  ANA ("the bombardment"), ANA ("the barrage"), ANA ("the drone"), ANA ("the drones"),
  ANA ("the missile"), ANA ("the missiles"), ANA ("this attack"), ANA ("the building"),
  ANA ("the fighting"), ANA ("the battle"), ANA ("the clashes"), ANA ("the operation"),
  ANA ("the losses"), ANA ("these losses"), ANA ("the toll"), ANA ("the death toll"),
  ANA ("the victims"), ANA ("the injured"), ANA ("the dead"), ANA ("the spokesperson"),
  ANA ("the governor"), ANA ("the ministry"), ANA ("the scene"),
  ANA ("внаслідок"), ANA ("в результате"), ANA ("цей удар"), ANA ("цього удару"), ANA ("цієї атаки"),
  ANA ("этот удар"), ANA ("этого удара"), ANA ("этой атаки"), ANA ("ці дані"), ANA ("эти данные"),
  ANA ("на місці"), ANA ("на месте"), ANA ("там"), ANA ("при этом"), ANA ("також"), ANA ("также"),
  ANA ("його"), ANA ("его"),
  /* the aftermath of the event before */
  ANA ("damaged"), ANA ("destroyed"), ANA ("hospitalized"), ANA ("hospitalised"), ANA ("rescuers"),
  ANA ("rubble"), ANA ("fire broke out"), ANA ("пошкоджен*"), ANA ("зруйнован*"), ANA ("госпіталізован*"),
  ANA ("рятувальник*"), ANA ("поранених"), ANA ("загиблих"), ANA ("постраждал*"), ANA ("поврежден*"),
  ANA ("разрушен*"), ANA ("госпитализирован*"), ANA ("спасател*"), ANA ("пострадавш*"), ANA ("погибших"),
  ANA ("раненых"), ANA ("rescue work"), ANA ("rescue operation"), ANA ("was killed"),
  ANA ("were killed"), ANA ("was wounded"), ANA ("were wounded"), ANA ("was injured"),
  ANA ("were injured"), ANA ("загинув"), ANA ("загинула"), ANA ("погиб"), ANA ("погибла"),

  /* ---- Actors ---- */
  RU ("russian forces"), RU ("russian troops"), RU ("russian army"), RU ("russian military"),
  RU ("russian armed forces"), RU ("russian units"), RU ("russian soldiers"), RU ("moscow's forces"),
  RU ("вс рф"), RU ("российск* войск*"), RU ("российск* военн*"), RU ("российск* армия"),
  RU ("армия россии"), RU ("вооруженные силы россии"), RU ("российск* подразделени*"),
  RU ("ворог"), RU ("ворога"), RU ("ворожі"), RU ("окупант*"), RU ("рашист*"), RU ("російськ* військ*"),
  RU ("російськ* окупант*"), RU ("російськ* армі*"), RU ("росіян*"), RU ("росія"), RU ("рф"),
  RU ("группировк* войск*"), RU ("российск* группировк*"),
  UA ("ukrainian forces"), UA ("ukrainian troops"), UA ("ukrainian armed forces"), UA ("ukrainian army"),
  UA ("ukrainian military"), UA ("ukrainian units"), UA ("ukrainian soldiers"), UA ("ukraine's forces"),
  UA ("ukraine's armed forces"), UA ("kyiv's forces"), UA ("ukrainian defenders"), UA ("afu"),
  UA ("зсу"), UA ("збройні сили україни"), UA ("сили оборони"), UA ("українськ* військ*"),
  UA ("українськ* захисник*"), UA ("всу"), UA ("украинск* войск*"), UA ("украинск* военн*"),
  UA ("вооруженные силы украины"), UA ("вооруженных сил украины"), UA ("украинск* подразделени*"),
  UA ("киевск* режим*"), UA ("боевик* всу"),

  /* ---- Facilities ---- */
  FAC ("factory"), FAC ("plant"), FAC ("depot"), FAC ("warehouse"), FAC ("facility"), FAC ("refinery"),
  FAC ("power plant"), FAC ("substation"), FAC ("airfield"), FAC ("air base"), FAC ("airbase"),
  FAC ("port"), FAC ("bridge"), FAC ("railway station"), FAC ("oil depot"), FAC ("ammunition depot"),
  FAC ("headquarters"), FAC ("command post"), FAC ("enterprise"), FAC ("works"), FAC ("terminal"),
  FAC ("hospital"), FAC ("school"), FAC ("market"), FAC ("shopping centre"), FAC ("shopping center"),
  FAC ("завод*"), FAC ("підприємств*"), FAC ("склад*"), FAC ("нафтобаз*"), FAC ("підстанці*"),
  FAC ("аеродром*"), FAC ("вокзал*"), FAC ("електростанці*"), FAC ("лікарн*"), FAC ("школ*"),
  FAC ("предприяти*"), FAC ("нефтебаз*"), FAC ("подстанци*"), FAC ("аэродром*"),
  FAC ("электростанци*"), FAC ("нпз"), FAC ("тэц"), FAC ("тец"), FAC ("больниц*"), FAC ("комбинат*"),
  FAC ("комбінат*"),

  /* ---- Nearness ---- */
  NEAR ("northern part of"), NEAR ("southern part of"), NEAR ("eastern part of"),
  NEAR ("western part of"), NEAR ("part of"), NEAR ("near"), NEAR ("outside"), NEAR ("outskirts of"), NEAR ("on the outskirts of"),
  NEAR ("close to"), NEAR ("in the vicinity of"), NEAR ("north of"), NEAR ("south of"),
  NEAR ("east of"), NEAR ("west of"), NEAR ("northeast of"), NEAR ("northwest of"),
  NEAR ("southeast of"), NEAR ("southwest of"), NEAR ("km from"), NEAR ("kilometres from"),
  NEAR ("kilometers from"), NEAR ("поблизу"), NEAR ("біля"), NEAR ("неподалік"), NEAR ("на околиці"),
  NEAR ("околиц*"), NEAR ("під"), NEAR ("возле"), NEAR ("вблизи"), NEAR ("под"), NEAR ("недалеко от"),
  NEAR ("в районе"), NEAR ("в районі"), NEAR ("на окраине"), NEAR ("окраин*"), NEAR ("в окрестностях"),
  NEAR ("севернее"), NEAR ("южнее"), NEAR ("западнее"), NEAR ("восточнее"), NEAR ("північніше"),
  NEAR ("південніше"), NEAR ("західніше"), NEAR ("східніше"), NEAR ("около"),

  /* ---- Regions and front sectors ---- */
  REG ("region", 1), REG ("oblast", 1), REG ("province", 1), REG ("область", 1), REG ("области", 1),
  REG ("області", 1), REG ("областю", 1), REG ("обл", 1), REG ("регион*", 1), REG ("регіон*", 1),
  REG ("direction", 2), REG ("sector", 2), REG ("axis", 2), REG ("front", 2),
  REG ("направлени*", 2), REG ("напрямк*", 2), REG ("напрямок", 2), REG ("напрямку", 2),

  /* ---- Losses: what makes a figure a casualty claim ---- */
  LOSS ("suffered"), LOSS ("lost"), LOSS ("losses"), LOSS ("casualties"), LOSS ("eliminated"),
  LOSS ("втрат*"), LOSS ("втратив*"), LOSS ("втратили"), LOSS ("потерял*"), LOSS ("потер*"),
  LOSS ("ліквідован*"), LOSS ("ликвидирован*"), LOSS ("уничтожено"), LOSS ("знищено"),
  LOSS ("killed"), LOSS ("wounded"), LOSS ("загинул*"), LOSS ("погиб*"), LOSS ("ранен*"), LOSS ("поранен*"),

  /* ---- Date words: a sentence without a digit or one of these has no date ---- */
  DATE ("january"), DATE ("february"), DATE ("march"), DATE ("april"), DATE ("may"), DATE ("june"),
  DATE ("july"), DATE ("august"), DATE ("september"), DATE ("october"), DATE ("november"),
  DATE ("december"), DATE ("jan"), DATE ("feb"), DATE ("mar"), DATE ("apr"), DATE ("jun"),
  DATE ("jul"), DATE ("aug"), DATE ("sep"), DATE ("sept"), DATE ("oct"), DATE ("nov"), DATE ("dec"),
  DATE ("monday"), DATE ("tuesday"), DATE ("wednesday"), DATE ("thursday"), DATE ("friday"),
  DATE ("saturday"), DATE ("sunday"), DATE ("yesterday"), DATE ("today"), DATE ("tonight"),
  DATE ("overnight"), DATE ("night"), DATE ("morning"), DATE ("evening"), DATE ("afternoon"),
  DATE ("week"), DATE ("month"), DATE ("day"),
  DATE ("январ*"), DATE ("феврал*"), DATE ("март*"), DATE ("апрел*"), DATE ("мая"), DATE ("май"),
  DATE ("мае"), DATE ("июн*"), DATE ("июл*"), DATE ("август*"), DATE ("сентябр*"), DATE ("октябр*"),
  DATE ("ноябр*"), DATE ("декабр*"), DATE ("січ*"), DATE ("лют*"), DATE ("берез*"), DATE ("квіт*"),
  DATE ("травн*"), DATE ("травен*"), DATE ("черв*"), DATE ("лип*"), DATE ("серп*"), DATE ("верес*"),
  DATE ("жовт*"), DATE ("листопад*"), DATE ("груд*"), DATE ("понедел*"), DATE ("вторник*"),
  DATE ("сред*"), DATE ("четверг*"), DATE ("пятниц*"), DATE ("суббот*"), DATE ("воскресен*"),
  DATE ("понеділ*"), DATE ("вівтор*"), DATE ("серед*"), DATE ("четвер*"), DATE ("п'ятниц*"),
  DATE ("субот*"), DATE ("неділ*"), DATE ("вчера"), DATE ("вчора"), DATE ("позавчера"),
  DATE ("позавчора"), DATE ("сегодня"), DATE ("сьогодні"), DATE ("ночью"), DATE ("ночь"), DATE ("ніч"),
  DATE ("вночі"), DATE ("уночі"), DATE ("ночі"), DATE ("утром"), DATE ("утро"), DATE ("вранці"),
  DATE ("зранку"), DATE ("ранку"), DATE ("вечером"), DATE ("ввечері"), DATE ("увечері"),
  DATE ("вечора"), DATE ("днем"), DATE ("днём"), DATE ("вдень"), DATE ("удень"), DATE ("сутки"),
  DATE ("добу"), DATE ("доби"), DATE ("недел*"), DATE ("тижн*"), DATE ("тиждень"), DATE ("месяц*"),
  DATE ("місяц*"),
};

/* ---- The trie ---- */

typedef struct
{
  guint32 first_child;
  guint32 next_sibling;
  gint32 first_term;     /* index into terms, -1 when none */
  guint32 star;          /* child for '*', 0 when none */
  guchar byte;
} Node;

typedef struct
{
  guint32 entry;
  gint32 next;
} Term;

/* The trie as walked: laid out breadth first, so that a node's children are consecutive
 * in byte order; bit s of mask is set when there is a child for the byte of symbol s
 * (sym[byte], the bytes of the phrases in byte order, at most 128), so a step is a mask
 * test and a popcount, over 32 bytes a node instead of a chain or a 1 KiB table. */
#define NO_SYM 0xff

typedef struct
{
  guint64 mask[2];
  guint32 first_child;
  gint32 first_term;     /* index into terms, -1 when none */
  guint32 star;          /* child for '*', 0 when none */
  guint32 unused;
} Flat;

struct _SitrepLexicon
{
  GArray *nodes;          /* of Node while building; 0 is the root */
  GArray *terms;          /* of Term */
  guint32 root_table[256];
  Flat *flat;             /* the walked trie; 0 is the root */
  guint32 n_flat;
  guint8 sym[256];
  const Term *term;       /* terms->data once built */
};

static inline guint32
child_fast (const SitrepLexicon *self,
            guint32              node,
            guchar               b)
{
  const Flat *n = &self->flat[node];
  guint s = self->sym[b];
  guint64 bit;

  if (s == NO_SYM)
    return 0;
  if (s < 64)
    {
      bit = G_GUINT64_CONSTANT (1) << s;
      if (!(n->mask[0] & bit))
        return 0;
      return n->first_child + sitrep_popcount64 (n->mask[0] & (bit - 1));
    }
  bit = G_GUINT64_CONSTANT (1) << (s - 64);
  if (!(n->mask[1] & bit))
    return 0;
  return n->first_child + sitrep_popcount64 (n->mask[0]) +
         sitrep_popcount64 (n->mask[1] & (bit - 1));
}

static int
compare_bytes (gconstpointer a,
               gconstpointer b,
               gpointer      nodes)
{
  guchar x = g_array_index ((GArray *) nodes, Node, *(const guint32 *) a).byte;
  guchar y = g_array_index ((GArray *) nodes, Node, *(const guint32 *) b).byte;
  return (int) x - (int) y;
}

/* Lays the built trie out breadth first into self->flat. */
static void
flatten (SitrepLexicon *self)
{
  guint n = self->nodes->len;
  g_autofree guint32 *order = g_new (guint32, n);   /* flat id -> built node */
  gboolean used[256] = { FALSE };
  guint n_syms = 0;
  guint32 head = 0, tail = 1;

  for (guint32 i = 1; i < n; i++)
    if (g_array_index (self->nodes, Node, i).byte != '*')
      used[g_array_index (self->nodes, Node, i).byte] = TRUE;
  for (guint c = 0; c < 256; c++)
    self->sym[c] = (used[c] && n_syms < 128) ? (guint8) n_syms++ : NO_SYM;
  g_assert (n_syms <= 128);

  self->flat = g_new0 (Flat, n);
  order[0] = 0;
  while (head < tail)
    {
      const Node *b = &g_array_index (self->nodes, Node, order[head]);
      Flat *f = &self->flat[head];
      guint32 kids[256];
      guint n_kids = 0;

      /* the root's children are in root_table, the others in a chain */
      if (order[head] == 0)
        {
          for (guint c = 0; c < 256; c++)
            if (self->root_table[c] != 0)
              kids[n_kids++] = self->root_table[c];
        }
      else
        for (guint32 c = b->first_child; c != 0 && n_kids < 256;
             c = g_array_index (self->nodes, Node, c).next_sibling)
          kids[n_kids++] = c;
      g_qsort_with_data (kids, n_kids, sizeof (guint32), compare_bytes, self->nodes);

      f->first_term = b->first_term;
      f->first_child = tail;
      for (guint k = 0; k < n_kids; k++)
        {
          guint s = self->sym[g_array_index (self->nodes, Node, kids[k]).byte];
          f->mask[s / 64] |= G_GUINT64_CONSTANT (1) << (s % 64);
          order[tail++] = kids[k];
        }
      if (b->star != 0)
        {
          f->star = tail;
          order[tail++] = b->star;
        }
      head++;
    }
  self->n_flat = tail;
}

static guint32
child (SitrepLexicon *self,
       guint32        node,
       guchar         b)
{
  if (node == 0)
    return self->root_table[b];
  for (guint32 c = g_array_index (self->nodes, Node, node).first_child; c != 0;
       c = g_array_index (self->nodes, Node, c).next_sibling)
    if (g_array_index (self->nodes, Node, c).byte == b)
      return c;
  return 0;
}

static guint32
add_child (SitrepLexicon *self,
           guint32        node,
           guchar         b)
{
  Node n = { 0, 0, -1, 0, b };
  guint32 id;

  if (b == '*')
    {
      if (g_array_index (self->nodes, Node, node).star != 0)
        return g_array_index (self->nodes, Node, node).star;
      id = self->nodes->len;
      g_array_append_val (self->nodes, n);
      g_array_index (self->nodes, Node, node).star = id;
      return id;
    }
  id = child (self, node, b);
  if (id != 0)
    return id;
  id = self->nodes->len;
  n.next_sibling = node == 0 ? 0 : g_array_index (self->nodes, Node, node).first_child;
  g_array_append_val (self->nodes, n);
  if (node == 0)
    self->root_table[b] = id;
  else
    g_array_index (self->nodes, Node, node).first_child = id;
  return id;
}

static SitrepLexicon *
lexicon_new (void)
{
  SitrepLexicon *self = g_new0 (SitrepLexicon, 1);
  Node root = { 0, 0, -1, 0, 0 };

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_append_val (self->nodes, root);

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      const char *p = entries[e].phrase;
      guint32 node = 0;
      Term t;
      for (; *p != '\0'; p++)
        node = add_child (self, node, (guchar) *p);
      t.entry = e;
      t.next = g_array_index (self->nodes, Node, node).first_term;
      g_array_index (self->nodes, Node, node).first_term = self->terms->len;
      g_array_append_val (self->terms, t);
    }

  flatten (self);
  self->term = (const Term *) self->terms->data;
  return self;
}

SitrepLexicon *
sitrep_lexicon_get_default (void)
{
  static gsize once = 0;
  static SitrepLexicon *lexicon = NULL;

  if (g_once_init_enter (&once))
    {
      lexicon = lexicon_new ();
      g_once_init_leave (&once, 1);
    }
  return lexicon;
}

typedef struct
{
  SitrepLexicon *self;
  const char *text;
  gsize len;
  gsize start;
  guint32 found;           /* bit c set: best[c] holds a match */
  SitrepLexMatch best[SITREP_N_LEX];
} Walk;

G_STATIC_ASSERT (SITREP_N_LEX <= 32);

static inline gboolean
boundary (Walk  *w,
          gsize  pos)
{
  return pos >= w->len || !sitrep_text_is_word_char (w->text + pos, w->text + w->len);
}

/* Depth first: the terms of a node, then its '*' branch, then its child for the next
 * byte.  The child is the last thing visited, so that step is a loop, and only '*'
 * branches recurse. */
static void
walk (Walk    *w,
      guint32  node,
      gsize    pos,
      int      depth)
{
  const SitrepLexicon *self = w->self;
  const char *text = w->text;
  gsize len = w->len;

  for (;;)
    {
      const Flat *n = &self->flat[node];
      guchar c;
      guint32 next;

      if (n->first_term >= 0 && boundary (w, pos))
        for (gint32 t = n->first_term; t >= 0; t = self->term[t].next)
          {
            const SitrepLexEntry *e = &entries[self->term[t].entry];
            guint cat = e->category;
            SitrepLexMatch *b = &w->best[cat];
            if (!(w->found & (1u << cat)) || pos > b->end)
              {
                w->found |= 1u << cat;
                b->entry = e;
                b->start = w->start;
                b->end = pos;
              }
          }
      if (depth > 64)
        return;
      if (n->star != 0)
        {
          gsize p = pos;
          while (p < len && sitrep_text_is_word_char (text + p, text + len))
            p += sitrep_text_char_len (text + p);
          if (p > len)
            p = len;
          walk (w, n->star, p, depth + 1);
        }
      if (pos >= len)
        return;
      c = (guchar) text[pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          next = child_fast (self, node, ' ');
          if (next == 0)
            return;
          pos++;
          while (pos < len && (text[pos] == ' ' || text[pos] == '\t'))
            pos++;
        }
      else
        {
          next = child_fast (self, node, c);
          if (next == 0)
            return;
          pos++;
        }
      node = next;
      depth++;
    }
}

void
sitrep_lexicon_scan (SitrepLexicon *self,
                     const char    *folded,
                     gsize          len,
                     GArray        *out)
{
  Walk w;
  gboolean prev_word = FALSE;
  guint32 last_end[SITREP_N_LEX] = { 0 };
  gsize pos = 0;

  w.self = self;
  w.text = folded;
  w.len = len;

  while (pos < len)
    {
      gsize cl = sitrep_text_char_len (folded + pos);
      gboolean is_word = sitrep_text_is_word_char (folded + pos, folded + len);

      if (is_word && !prev_word && child_fast (self, 0, (guchar) folded[pos]) != 0)
        {
          w.found = 0;
          w.start = pos;
          walk (&w, 0, pos, 0);
          /* in category order, as before */
          for (guint32 f = w.found; f != 0; f &= f - 1)
            {
              int c = __builtin_ctz (f);
              if (w.best[c].end > last_end[c])
                {
                  g_array_append_val (out, w.best[c]);
                  last_end[c] = w.best[c].end;
                }
            }
        }
      prev_word = is_word;
      pos += cl;
    }
}
