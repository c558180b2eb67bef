"""Context patterns around a trigger: what the extractor reads in the folded text around a word.

Each pattern is grammar (word order, clitics, a few function words: "also", كما، "since", "this", "should
... ,"), written here with its examples. Where a pattern holds vocabulary, the words live in ``cues.csv`` as
word-list cues (:data:`timeline.lexicon.WORD_LIST_CUES`) and are spliced in with
:func:`timeline.lexicon.cue_alternation`: ``road_noun`` in :data:`_ROAD`, ``frame_word`` in :data:`_FRAME`,
``flee_verb`` in :data:`_FLED_FROM`, ``speech_noun`` in :data:`_SAID_AT`. Patterns run over folded text
(:func:`timeline.normalize.fold`: lower case, أ/إ/آ -> ا, ة -> ه, no diacritics), so they are written folded.
"""

from __future__ import annotations

import re

from timeline.lexicon import cue_alternation

#: A road named by the cities it links: "the M5 highway linking Damascus and Aleppo", "the Aleppo-Damascus
#: highway", "طريق حلب - دمشق الدولي", "الطريق الدولي الواصل بين حلب ودمشق", "الطريق الذي يربط حلب باللاذقية":
#: its ends are no places of the event.
_ROAD = re.compile(
    r"\b"
    + cue_alternation("road_noun", "en")
    + r",?\s+(?:(?:which|that)\s+(?:links|connects|joins|runs\s+from)|linking|connecting|joining|between|from)"
    r"\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?"
    r"\s+(?:and|to|with)\s+(?:the\s+)?[\w'-]+"
    r"|\b[\w'-]+\s*[-–]\s*[\w'-]+\s+" + cue_alternation("road_noun", "en") + r"\b"
    r"|(?<!\w)(?:ال)?(?:طريق|اوتوستراد|اوتستراد)\s+(?:(?:الدولي|السريع|(?:الواصل|الرابط)(?:\s+بين)?)\s+){0,2}"
    r"(?:[^\s]+\s+){0,2}?[^\s]+(?:\s*[-–]\s*|\s+و)[^\s]+"
    r"|(?<!\w)(?:ال)?(?:طريق|اوتوستراد|اوتستراد)\s+(?:(?:الدولي|السريع)\s+)?(?:الذي|التي)\s+(?:يربط|يصل)\s+[^\s]+(?:\s+[^\s]+)?\s+ب[^\s]+"
)


#: A sentence that places what was just told in time: "ويأتي ذلك بعد ...", "وتأتي السيطرة ...", "The attack
#: came a day after ...", "This comes days after ...".
#: (``comes_verb`` rows of ``cues.csv``.)
_COMES = re.compile(
    r"\W*(?:[وف]?"
    + cue_alternation("comes_verb", "ar")
    + r"(?!\w)|(?:[\w'-]+\s+){0,4}?"
    + cue_alternation("comes_verb", "en")
    + r"\b)"
)


#: The word that links a "comes" sentence's subject to what it is set against: "رغم", "قبل", "despite" ...
_LINK = re.compile(
    r"(?<!\w)(?:[وف]?(?:رغم|برغم|قبل|بعد|وسط|عقب|اثر|باعقاب|تزامنا|بالتزامن)|علي\s+اثر|في\s+(?:ظل|اعقاب)|despite|before"
    r"|after|amid|following|as|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of)(?!\w)"
)


#: "since", منذ as a word: a superlative's measure ("the deadliest attack since March 2011", "الأعنف منذ
#: 2011") dates nothing, so a date after it is not the event's.
_SINCE = re.compile(r"(?<!\w)(?:since|منذ)(?!\w)")


#: "also struck", "كما استهدفت", "وكذلك قصفت": one more happening of the kind told before.
_ADDITIVE = re.compile(r"(?<!\w)(?:also|[وف]?كما|[وف]?كذلك)\s+(?:[^\s]+\s+)?$")


#: "shelling also hit near a school", "القصف طال أيضا": "also" just after the trigger.
_ALSO_AFTER = re.compile(r"(?:\s+[\w'-]+){0,2}?\s+(?:also|ايضا|أيضا)\b")


#: Talks named as the time frame of a statement: "في ختام الاجتماع", "عقب المباحثات", "after the talks", "at the end of
#: the meeting": the talks already told, whoever the statement names.
_FRAME = re.compile(
    r"(?<!\w)" + cue_alternation("frame_word", "ar") + r"\s+(?:ال)?$"
    r"|\b" + cue_alternation("frame_word", "en") + r"\s+the\s+$"
)


#: "this ceasefire", "these truces", "هذه الهدنة", "هذا الاتفاق": a happening already told ("that" is mostly a
#: conjunction, "ذلك" mostly "that" as in "after that").
_DEMONSTRATIVE = re.compile(
    r"(?<!\w)(?:(?:this|these|those)\s+(?:[\w-]+\s+)?|(?:هذه|هذا|تلك|هذين|هاتين)\s+(?:ال)?)$"
)


#: The verb of a relative clause on a definite noun tells a happening already told: "الطائرة التي أسقطت",
#: "the plane that was shot down", "the convoy which had been hit" (a reference back, like "the strike").
_RELATIVE_BACK = re.compile(
    r"(?<!\w)ال\w+\s+(?:التي|الذي|اللتين|اللذين|الذين)\s+(?:(?:كانت|كان|قد)\s+)*$"
    r"|\bthe\s+(?:[\w-]+\s+){1,2}(?:that|which|who)\s+(?:(?:was|were|had|has|have|been)\s+)*$"
)


#: A clause that tells what happened meanwhile elsewhere ("فيما قصفت طائرات روسية", ", while rebels shelled",
#: ", as government forces pushed north").
#: (``concurrent_word`` rows of ``cues.csv``.)
_CONCURRENT = re.compile(
    r"[\s,،]*(?:[وف]?"
    + cue_alternation("concurrent_word", "ar")
    + "|"
    + cue_alternation("concurrent_word", "en")
    + r")\b"
)


#: Talks not (yet) set: "a summit of the three presidents has not yet been scheduled", "no date has been set for
#: the meeting" is read by its negation; this is the form where the negation follows the talks word.
_NOT_SET_AFTER = re.compile(
    r"(?:\s+[\w'-]+){0,8}?\s+(?:has|have|had|was|were|is|are)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:scheduled|set|fixed|confirmed|agreed|arranged|planned)\b"
    r"|(?:\s+[^\s]+){0,6}?\s+(?:لم|لا)\s+(?:يحدد|تحدد|يتحدد|يتم\s+تحديد)\s+(?:له|لها)?\s*موعد"
)


#: A condition told by inversion at the start of a sentence: "Should Ankara act on its threat, ...", "Were the
#: truce to collapse, ...", "Had the talks failed, ..." (up to the first comma).
_INVERTED_IF = re.compile(
    r"\W*(?:should|were|had)\s+(?:the\s+|a\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+(?:to\s+)?[a-z]+"
)


#: What people fled from: "have fled the fighting since December", "displaced by the government's offensive",
#: "فروا من القصف", "هربا من المعارك", "نزحوا جراء الحملة".
_FLED_FROM = re.compile(
    r"\b" + cue_alternation("flee_verb", "en") + r"\s+(?:the\s+|an?\s+)?(?:[\w'-]+\s+){0,3}$"
    r"|(?<!\w)(?:"
    + cue_alternation("flee_verb", "ar")
    + r"|نزوح\s+[^\s]+)\s+(?:من|جراء|بسبب)\s+(?:[^\s]+\s+)?$"
)


#: Where a statement was made: "in a speech in Canakkale", "speaking in Ankara", "told reporters in Moscow",
#: "في كلمة ألقاها في إسطنبول", "خلال مؤتمر صحفي في أنقرة".
_SAID_AT = re.compile(
    r"\b(?:(?:a|his|her|their|the)\s+(?:[\w-]+\s+)?"
    + cue_alternation("speech_noun", "en")
    + r"|speaking|told\s+[\w-]+"
    r"(?:\s+[\w-]+)?)\s+(?:(?!that\b)[\w-]+\s+){0,3}?in\s+$"
    r"|(?<!\w)[وف]?" + cue_alternation("speech_noun", "ar") + r"\s+(?:[^\s]+\s+){0,2}?(?:في|ب)\s*$"
)


#: Where the speakers of a statement are: officials, diplomats or sources "in" a place, then their verb of saying
#: ("Defence officials in Canberra said", "diplomats in Geneva told reporters", "قال مسؤولون في أنقرة إن",
#: "أفادت مصادر دبلوماسية في موسكو"): the place locates who speaks, not what they tell. Whoever may be at the
#: site (activists, residents, a monitor's sources on the ground) is not among these nouns.
_SPEAKERS_IN = re.compile(
    r"\b(?:(?:defen[cs]e|military|government|western|senior|security|us|turkish|russian|israeli|iraqi)\s+)?"
    r"(?:officials?|diplomats?|spokes(?:man|woman|person)|ministry|authorities)\s+in\s+$"
    r"|(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|افاد|افادت|اكد|اكدت|ذكر|ذكرت|صرح|صرحت)\w*\s+(?:ال)?"
    r"(?:مسوول|مسوولون|مسوولين|دبلوماسي|دبلوماسيون|دبلوماسيين|مصادر\s+(?:ال)?(?:رسميه|دبلوماسيه|حكوميه))"
    r"(?:\s+[^\s]+)?\s+في\s*$"
)
_SPEAKERS_VERB_AFTER = re.compile(
    r"\s*,?\s*(?:[\w-]+\s+){0,2}?(?:said|say|says|told|announced|confirmed|stated)\b"
)
_SPEAKERS_REACH = 60


def speakers_place(folded: str, start: int, end: int) -> bool:
    """Is the place mention at [start, end) of ``folded`` where the speakers of a statement are
    (:data:`_SPEAKERS_IN`; in English their verb of saying follows the place)?"""
    m = _SPEAKERS_IN.search(folded, max(0, start - _SPEAKERS_REACH), start)
    if m is None:
        return False
    return not m.group(0).isascii() or _SPEAKERS_VERB_AFTER.match(folded, end) is not None


#: A strike back: "retaliated", "responded by striking", "in response", "in retaliation", "ردت", "ردا على".
#: (``retaliation_word`` rows of ``cues.csv``, and any form of "retaliate".)
_RETALIATION = re.compile(
    r"\b(?:retaliat\w*|"
    + cue_alternation("retaliation_word", "en")
    + r")\b|(?<!\w)[وف]?"
    + cue_alternation("retaliation_word", "ar")
    + r"(?!\w)"
)


#: A call addressed to international bodies or allies, not to the other side: "دعت الإدارة الذاتية مجلس الأمن
#: والتحالف الدولي إلى تحمل مسؤولياتهما", "called on the US-led coalition to impose a no-fly zone", "urged the
#: international community to act": an appeal, no ultimatum.
#: (The bodies are ``appeal_body`` rows of ``cues.csv``.)
_APPEAL = re.compile(
    r"\s*(?:[^\s.,،]+\s+){0,6}?(?:(?:ال)?"
    + cue_alternation("appeal_body", "ar")
    + r"|(?:the\s+)?"
    + cue_alternation("appeal_body", "en")
    + r")(?!\w)"
)


#: A call on both sides for restraint, calm or dialogue ("داعياً الجانبين إلى ضبط النفس", "urged all parties to
#: exercise restraint"): a third party's appeal, no demand on an adversary.
#: The addressees are ``calm_addressee`` rows of ``cues.csv``, what is asked of them ``calm_word`` rows (and any
#: form of "de-escalate").
_CALM_APPEAL = re.compile(
    r"\s*(?:[^\s.,،]+\s+){0,3}?"
    + cue_alternation("calm_addressee")
    + r"(?!\w)[^.]{0,60}?(?:"
    + cue_alternation("calm_word")
    + r"|de-?escalat\w*)"
)


#: A gathering right before a call for it ("خلال تظاهرة دعا إليها حزب الله", "a protest that Hezbollah had called for",
#: "a sit-in called for by the unions"): who organised a protest, no demand on an adversary.
_GATHERING_CALLED = re.compile(
    r"(?:\b(?:protests?|rall(?:y|ies)|demonstrations?|sit-ins?|marches|march|strikes?|vigils?|gatherings?)"
    r"\s+(?:(?:that|which)\s+)?(?:[\w-]+\s+){0,3}?(?:had\s+|has\s+)?"
    r"|(?<!\w)[وفبل]?(?:ال)?(?:تظاهره|مظاهره|تظاهرات|مظاهرات|اعتصام|اضراب|مسيره|وقفه|احتجاج|احتجاجات|تجمع)"
    r"\s+(?:(?:التي|الذي)\s+)?(?:[^\s.,،]+\s+){0,2}?)$"
)


#: A call for a political way out, right after the call ("called for a political solution", "urged a negotiated
#: settlement", "calls for dialogue", "دعت مصر إلى حل سياسي", "طالب بالحل السياسي", "دعا إلى الحوار"), or for a body of
#: that way to meet ("called for a constitutional committee to convene", "دعت إلى تشكيل لجنة دستورية", "دعا إلى عقد
#: مؤتمر"): an appeal on the conflict, no demand on an adversary, whoever the call names.
_SOLUTION_APPEAL = re.compile(
    r"\s*(?:[\w'-]+\s+){0,6}?(?:(?:for|to\s+(?:find|reach|seek|pursue|work\s+(?:for|towards?)))\s+)?"
    r"(?:an?\s+|the\s+)?(?:(?:immediate|peaceful|political|negotiated|diplomatic|comprehensive|lasting|just)\s+){0,2}"
    r"(?:solution|settlement|dialogue|transition)\b"
    r"|\s*(?:(?:for|to\s+(?:convene|form|hold))\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:committee|conference|elections)\b"
    r"|\s*(?:[^\s.,،]+\s+){0,3}?(?:الي|ب)\s*(?:(?:ال)?(?:تشكيل|عقد|اجراء)\s+)?(?:ال)?(?:لجنه|موتمر|انتخابات)(?!\w)"
    r"|\s*(?:[^\s.,،]+\s+){0,3}?(?:(?:الي|ب|بال|لل)\s*)?(?:ال)?(?:حل|تسويه|حوار)"
    r"(?:\s+(?:ال)?(?:سياسي|سلمي|شامل|سياسيه|سلميه|شامله|تفاوضي))?(?!\w)"
)


#: What a call asks of the other side, even through an international body ("طالبت سورية مجلس الأمن ... بإلزامه
#: بسحب قواته", "urged the Security Council to make Turkey withdraw"): then it is a demand all the same.
_ASKS_OF_SIDE = re.compile(
    r"\b(?:withdraw\w*|pull\w*\s+(?:back|out)|stop\w*|halt\w*|cease\w*|end\s+(?:its|the|their))\b"
    r"|(?<!\w)[وفبل]*(?:سحب|انسحاب|وقف|ايقاف|وضع\s+حد|الزام\w*|ردع)(?!\w)"
)


#: A statement made in talks the article told before: "طالب خلال الاجتماع بانسحاب ...", "said during the meeting",
#: "at the talks", "في ختام اللقاء": the talks' day is the statement's.
#: (``talks_frame`` and ``meeting_noun`` rows of ``cues.csv``.)
_DURING_TALKS = re.compile(
    r"(?<!\w)[وف]?"
    + cue_alternation("talks_frame", "ar")
    + r"\s+(?:ال)?"
    + cue_alternation("meeting_noun", "ar")
    + r"(?:\s+(?:الهاتفي|ذاته|نفسه))?(?!\w)|\b"
    + cue_alternation("talks_frame", "en")
    + r"\s+the\s+"
    + cue_alternation("meeting_noun", "en")
    + r"\b"
)


#: A clause that tells what happened before and led to the main one ("Turkey retaliated ..., after Syrian
#: artillery fire killed seven Turkish soldiers", "ردت تركيا ...، بعد أن قصفت قوات النظام ..."): a happening of
#: its own when it names its own side, place or date.
_CAUSE = re.compile(r"[\s,،]*(?:after|following|بعد\s+ان|عقب)\b")


#: A Markdown heading ("### Three-day ceasefire ..."), not a hashtag ("#أردوغان يهدد").
_HEADING = re.compile(r"\s*#{1,6}\s")


#: Six or more capitalised words in a row with no function word: a tag or keyword list.
_KEYWORD_RUN = re.compile(r"(?:\b[A-Z][a-z]+\b[ ,]+){5,}\b[A-Z][a-z]+\b")


#: A position or a place right after a threat verb ("threatening the Turkish observation post", "threatens the
#: town of Saraqib", "باتت تهدد مدينة سراقب", "threatening to encircle"): an advance endangers it, nobody issues a
#: threat. The nouns are ``endangered_noun`` rows of ``cues.csv``; a place name right after the verb is read by
#: :func:`timeline.extract.not_event._endangers` with the gazetteer.
_ENDANGERS = re.compile(
    r"\s+(?:to\s+)?(?:(?:the|a|an|its|their|nearby|key|strategic|main|last|turkish|syrian|russian|rebel|opposition"
    r"|regime|[\w]+-held)\s+){0,3}(?:ال)?" + cue_alternation("endangered_noun") + r"(?!\w)"
)
