"""Find events in an article: triggers, dates, actors, places and figures, sentence by sentence.

The rules, in order (each is general; the words live in ``data/lexicons/``):

1. A trigger word (``triggers.csv``) or construction (``trigger_patterns.csv``: "gave the regime until",
   "reserves the right to respond") proposes an event of its type. A *weak* trigger needs an actor or a
   place in the sentence. A trigger that is named but not reported is no event (:mod:`timeline.scope`):
   inside a name ("de-escalation zone"), negated ("no clashes or shelling", لم تشهد أي اشتباكات), denied
   ("denied that its aircraft had carried out any strikes"), a condition or polarity item ("any attack"),
   an aim ("a campaign to capture", للسيطرة على), the topic of talks or a statement ("discussed the
   escalation in Idlib"), a term of an agreement ("provides for a ceasefire"), a truce named as known
   ("under the Sochi deal", "committed to the Sochi agreement"), a forecast ("ISW forecasts", "يتوقع
   مراقبون"), "whether", "the absence of"/غياب, the happening a record is
   measured from ("for the first time since rebels seized it in 2015"), a deal that is "struck", or what
   a threat or demand speaks of ("threatened an offensive", "called for a ceasefire"), a trigger word
   inside an institution's name ("communications director", مركز المصالحة, هيئة التفاوض). A negation, an
   "any" or a term of a deal does not reach past its clause or into a temporal clause ("No air strikes
   were reported after a ceasefire took effect"), nor does a word inside a name ("Doctors Without
   Borders"); a fight or truce that talks are "on" is their subject ("consultations on the offensive"),
   up to the next comma; a truce that "collapsed"/انهارت was a truce. A side's own future
   offensive said by its leader ("would launch a new offensive", "سننفذ عملية") is a threat; the Security
   Council's demand for a truce is the truce (IGO participant). A truce or deal named with the day it was
   made ("the memorandum signed in Sochi on Oct. 22") is a background event of its own, with that date,
   sides and places, which the sentence's other events do not take.
2. The event's date is the date expression of its own clause (nearest to the trigger). A "since" date
   dates only the event it follows; a deadline ("until the end of February") never dates a threat. A
   clause without a date takes the previous clause's date, unless it starts a new time reference
   (كما سبق أن, "previously"); a news sentence without one goes on with the recent day the story
   tells (the first day of the last earlier sentence that gave one, at most PARAGRAPH_DAYS before
   publication, across paragraph breaks); with none at all, the publication date stands. A truce announced on a day is that day's
   ("أعلنت السبت هدنة"), not a statement's date. "X on Wednesday, a week
   after Y" dates Y a week before X's own date, with Y's own sides and status; "the same day" counts
   from the last date before it in its sentence, else in the text; "The capture came a day after ...",
   "وتأتي السيطرة بعد يوم من ..." count from the last day that kind of happening was dated, and that
   subject is the happening already told. The day a campaign began ("which began in December", "launched
   late last year") dates that campaign alone; a deal's year ("the 2018 Sochi agreement") dates the deal
   alone; a day to come in a threat or demand is when the threatened thing is to happen.
3. Status from cues in the clause: failed > planned > ongoing > occurred; a date after publication
   means planned, except for a truce already agreed ("agreed on a ceasefire starting Friday"); an
   agreement negated ("have not yet reached an agreement") fails the talks. Threats are made when said:
   neither planned nor ongoing. A capture is never ongoing. Talks with a long subject still end in
   failure ("talks ... have ended without agreement"); a day ahead ("will resume next week") is planned.
4. Actors are participants only (:mod:`timeline.participants`): sources ("according to the UN"),
   adjectives of a place ("the Turkish border") and speakers heading a breaking-news line are dropped;
   monitors never initiate; "a Russian strike" and "regime artillery" name their attacker; actors joined
   by "and" share a role, and a backer ("بدعم روسي", "backed by Turkey") the role of the side it backs;
   a country that talks are about ("talks ... on Idlib and Libya") takes no part.
   Talks need two sides: one side's meetings (a security council, two ministers) are not talks.
   A threat without a named speaker takes the last actor named before it ("he told reporters").
   In an accusation ("Turkey blamed Damascus", اتهمت تركيا النظام) the accused is the attacker and the
   accuser no party; the killed and wounded ("33 Turkish soldiers were killed") are targets; a
   dateline's capital and country are no party.
5. Places from the clause, else the sentence; "the province"/"المنطقة" points back to the last place of
   that kind; capitals that stand for their governments ("Ankara said") and places that are blamed or
   speak ("blamed Damascus", "ونفت دمشق") are no places. Talks are at their
   venue ("in Moscow", "بأنقرة", "in the Black Sea resort of Sochi", "on the sidelines of the Munich
   conference", "Moscow hosted", "لقاء طهران"); the places they discuss go in ``about``. A truce keeps
   where it was made ("agreed in Moscow", "اتفاق سوتشي") beside its area. A country is dropped when a
   finer place in it is named.
6. Mentions of one type with the same date in one sentence are one event, unless a coordinated clause
   with its own verb states another happening ("shelled X, and on Tuesday captured Y"; "captured X,
   while Russian jets bombed Y"; a strike and the retaliation for it; attackers of no shared country; an
   English clause that opens with a subject and a verb of its own: "captured X on Tuesday, Russian jets struck
   Y and rebels shelled Z", :func:`timeline.text.subject_clauses`). Across the
   article, one happening mentioned several times is one event (:func:`timeline.mentions.corefer`):
   same type and kind, agreeing dates (an undated mention joins a dated one of the last week, an ongoing
   campaign, or the deal it names), statuses, actors (a strike and the retaliation for it stay two) and
   sites; every evidence sentence is kept. A definite reference with no day or site of its own ("welcomed
   the agreement") joins the nearest earlier event of its kind.

The steps live in one module each: :mod:`.resources` (lexicons and gazetteer, loaded once),
:mod:`.article` (sentences of an article, merge within it), :mod:`.sentence` (the events of one sentence,
clause by clause), :mod:`.facts` (what a sentence gives each of its triggers), :mod:`.event` (one trigger
through rule 1 to its mention), :mod:`.siting` (rules 4-5: its places), :mod:`.when` (rule 2: its date),
:mod:`.reported` (rule 1: named but not reported), :mod:`.dating` (rule 2),
:mod:`.status` (rule 3), :mod:`.placing` (rule 5: names that are no places), :mod:`.story` (what earlier
sentences told) and :mod:`.context` (the context patterns read around a trigger).
"""

from timeline.extract.article import extract_article
from timeline.extract.reported import talked_about
from timeline.extract.resources import Resources
from timeline.extract.story import LAST_DAY_DAYS, PARAGRAPH_DAYS

__all__ = ["LAST_DAY_DAYS", "PARAGRAPH_DAYS", "Resources", "extract_article", "talked_about"]
