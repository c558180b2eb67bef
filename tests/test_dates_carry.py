"""Which day an event takes when its own words give none, or give one that is not its own (issue 8, Dates):
whole sentences through the extractor, Arabic and English, publication date pinned."""

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def dated(res: Resources, text: str, pub: datetime, etype: str) -> list[str]:
    """The ``date_start`` of each event of type ``etype`` extracted from ``text``."""
    lang = "en" if text[:30].isascii() else "ar"
    rows = article_rows(res, text, pub, lang=lang)
    return [str(r["date_start"])[:10] for r in rows if r["type"] == etype]


SAT = datetime(2018, 3, 24, 9, 0)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "قصفت قوات النظام بلدة حرستا أمس الجمعة. أما في دوما فلا تزال المفاوضات بين «جيش الإسلام» والجانب الروسي مستمرة.",
        "قصفت قوات النظام بلدة حرستا أمس الجمعة. وما زالت المفاوضات بين «جيش الإسلام» والجانب الروسي مستمرة في دوما.",
        "Regime forces shelled Harasta on Friday. In Douma, negotiations between Jaish al-Islam and Russian officers "
        "are still under way.",
        "Regime forces shelled Harasta on Friday. Negotiations between Jaish al-Islam and Russian officers in Douma "
        "are ongoing.",
    ],
)
def test_what_is_still_going_on_is_dated_by_publication(res, text):
    """ "لا تزال المفاوضات مستمرة", "talks are still under way": going on as the story is told, so on the day of
    publication, not on the day the sentence before gave."""
    assert dated(res, text, SAT, "talks") == ["2018-03-24"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled Harasta on Friday. Negotiations between Jaish al-Islam and Russian officers in Douma "
        "were still under way.",
        "قصفت قوات النظام بلدة حرستا أمس الجمعة، في حين كانت لا تزال المفاوضات بين «جيش الإسلام» والجانب الروسي مستمرة.",
    ],
)
def test_what_was_still_going_on_keeps_the_day_told_before(res, text):
    assert dated(res, text, SAT, "talks") == ["2018-03-23"]


FRI = datetime(2016, 4, 8, 8, 15)  # a Friday


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت فصائل مسلحة حي الشيخ مقصود بعشرات القذائف مساء أمس الخميس، فيما شنّ الطيران الحربي غارات على طريق "
        "الكاستيلو وبلدة حريتان، رغم اتفاق «وقف الأعمال العدائية» الساري منذ 27 شباط.",
        "Rebels shelled the Sheikh Maqsoud district on Thursday evening, while warplanes struck the Castello road "
        "and the town of Haritan, despite a cessation of hostilities in force since February 27.",
    ],
)
def test_a_since_date_at_the_end_does_not_stop_the_day_carried_from_the_clause_before(res, text):
    """The strikes of the second clause have no day of their own: they take Thursday from the clause before.
    "منذ 27 شباط", "since February 27" tells when the truce began; it is no day of the strikes and, before
    this rule, it left them with the publication day."""
    assert dated(res, text, FRI, "offensive") == ["2016-04-07", "2016-04-07"]


SUN = datetime(2012, 5, 27, 10, 0)  # a Sunday


@pytest.mark.parametrize(
    "text",
    [
        "أبوظبي في 27 مايو / وام / أدانت الإمارات المجزرة البشعة التي شهدتها بلدة الحولة في ريف حمص يوم الجمعة الماضي، "
        "إثر قصف بالمدفعية الثقيلة.",
        "MOSCOW, May 27 (TASS) - Russia condemned the massacre in the town of Houla last Friday, where more than a "
        "hundred civilians were killed by heavy artillery shelling.",
    ],
)
def test_a_dateline_date_gives_way_to_the_day_the_sentence_names(res, text):
    """ "أبوظبي في 27 مايو / وام /", "MOSCOW, May 27 (TASS) -": the day the story was filed, not the day of the
    massacre "last Friday" that the sentence tells."""
    assert set(dated(res, text, SUN, "offensive")) == {"2012-05-25"}


@pytest.mark.parametrize(
    "text",
    [
        "دمشق في 26 مايو / سانا / قصفت قوات النظام بلدة الحولة في ريف حمص.",
        "DAMASCUS, May 26 (Reuters) - Government forces shelled the town of Houla in Homs province.",
    ],
)
def test_a_dateline_date_alone_still_dates_the_story(res, text):
    assert dated(res, text, SUN, "offensive") == ["2012-05-26"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("أبوظبي في 27 مايو / وام / أدانت الإمارات المجزرة", True),
        ("MOSCOW, May 27 (TASS) - Russia condemned the massacre", True),
        ("BEIRUT, March 5 – Syrian jets struck", True),
        ("On May 27 - the day after the massacre - observers arrived", False),
        ("The army shelled Houla on May 27 (local time) and", False),
        ("في 27 مايو / أيار قصفت قوات النظام", False),
    ],
)
def test_what_a_dateline_date_is(text, dateline):
    from timeline.dates import find_dates
    from timeline.extract.dating import dateline_date
    from timeline.normalize import fold

    folded = fold(text)
    first = find_dates(folded, SUN.date())[0]
    assert dateline_date(folded, first) is dateline


TUE = datetime(2019, 7, 23, 9, 0)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "Opposition factions captured the village of Hamamiyat, also written al-Hamameyat, and the hill overlooking "
        "it in the northern Hama countryside on Sunday night, Enab Baladi reported.",
        "سيطرت فصائل المعارضة على قرية الحماميات، الواقعة في ريف حماة الشمالي، والتلة المطلة عليها مساء الأحد، "
        "بحسب عنب بلدي.",
    ],
)
def test_a_day_later_in_the_sentence_dates_a_happening_with_none_of_its_own(res, text):
    """The capture's clause names no day; the clauses after it, which name no other happening, do ("on Sunday
    night", "مساء الأحد"): that day is the capture's, not the publication day."""
    assert dated(res, text, TUE, "offensive") == ["2019-07-21"]


@pytest.mark.parametrize(
    "text",
    [
        "Opposition factions captured the village of Hamamiyat, while government jets bombed Kafr Zita on Sunday.",
        "سيطرت فصائل المعارضة على قرية الحماميات، فيما قصفت طائرات النظام بلدة كفرزيتا الأحد.",
    ],
)
def test_a_day_after_another_happening_is_that_happenings_alone(res, text):
    """Sunday dates the bombing of Kafr Zita, named between: the capture keeps the publication day."""
    assert sorted(dated(res, text, TUE, "offensive")) == ["2019-07-21", "2019-07-23"]


WED = datetime(2021, 9, 1, 9, 0)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "The deal was reached late on Tuesday after a meeting between the Daraa Central Committee, Syrian security "
        "officials and Russian officers at the governorate building in Daraa al-Mahatta.",
        "تم التوصل إلى الاتفاق مساء الثلاثاء بعد اجتماع بين اللجنة المركزية في درعا وضباط روس ومسؤولين أمنيين سوريين "
        "في مبنى المحافظة في درعا المحطة.",
    ],
)
def test_talks_told_in_the_sentence_of_a_dated_deal_take_its_day(res, text):
    """The meeting has no day of its own; the deal it made, in the same sentence, was reached on Tuesday: the
    talks that made it are that day's, not the publication day."""
    assert dated(res, text, WED, "talks") == ["2021-08-31"]


@pytest.mark.parametrize(
    "text",
    [
        "A Syrian air strike on February 27 killed 33 Turkish soldiers near Balyun, prompting Ankara to launch "
        "Operation Spring Shield on March 1. Over the following four days, Turkish drones and artillery destroyed "
        "dozens of Syrian tanks.",
        "قتلت غارة جوية سورية في 27 شباط 33 جندياً تركياً قرب بليون، ما دفع أنقرة إلى إطلاق عملية درع الربيع في الأول "
        "من آذار. وخلال الأيام الأربعة التالية، دمرت المسيرات والمدفعية التركية عشرات الدبابات السورية.",
    ],
)
def test_strikes_over_the_following_days_start_the_day_after_the_last_date(res, text):
    """Published on 17 March: the drone strikes are 2–5 March, after the launch on 1 March, not the
    publication day."""
    assert dated(res, text, datetime(2020, 3, 17, 9, 0), "offensive")[-1] == "2020-03-02"


WED_DEC = datetime(2019, 12, 25, 9, 0)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "قصفت قوات النظام بلدة معرشمارين أمس الأول.\n\nوفي واشنطن، دعت وزارة الخارجية الأميركية روسيا والنظام السوري إلى "
        '"وقف فوري" للهجمات على المدنيين في إدلب، محذرة من أن "العالم يراقب".',
        "Regime forces shelled the town of Maarshamarin on Monday.\n\nIn Washington, the State Department called on "
        'Russia and the Syrian regime to "immediately halt" attacks on civilians in Idlib.',
    ],
)
def test_a_statement_opening_on_another_capital_is_not_the_day_of_the_fighting(res, text):
    """The shelling was on Monday (23 Dec); the demand made "in Washington", a scene of its own with no day,
    is the publication day's, not Monday's."""
    assert dated(res, text, WED_DEC, "offensive") == ["2019-12-23"]
    assert dated(res, text, WED_DEC, "ultimatum") == ["2019-12-25"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled the town of Maarshamarin on Monday.\n\nIn a statement, the State Department called "
        'on Russia and the Syrian regime to "immediately halt" attacks on civilians in Idlib.',
    ],
)
def test_a_statement_opening_on_no_place_keeps_the_story_day(res, text):
    assert dated(res, text, WED_DEC, "ultimatum") == ["2019-12-23"]


# The story's day: which day of a sentence the undated sentences after it go on with (third pass).

TUE_MAY = datetime(2020, 5, 5, 9, 0)  # a Tuesday


@pytest.mark.parametrize(
    "text",
    [
        "ANKARA, May 5 (Reuters) - Turkish and Russian officials met in Ankara on Monday to discuss the situation "
        "in Idlib. Turkey demanded that Syrian government forces withdraw behind its observation posts.",
        "أنقرة في 5 أيار / الأناضول / - التقى مسؤولون أتراك وروس في أنقرة يوم الاثنين لبحث الوضع في إدلب. وطالبت "
        "تركيا قوات النظام السوري بالانسحاب إلى ما وراء نقاط المراقبة التركية.",
    ],
)
def test_a_dateline_is_not_the_day_the_story_goes_on_with(res, text):
    """The dateline's 5 May is the day of filing; the story is on Monday (4 May), and the demand told next, with no
    day of its own, goes on with Monday, not with the dateline."""
    assert dated(res, text, TUE_MAY, "talks") == ["2020-05-04"]
    assert dated(res, text, TUE_MAY, "ultimatum") == ["2020-05-04"]


@pytest.mark.parametrize(
    "text",
    [
        "May 5 (UPI) -- Artillery fire by Syrian government forces struck a hospital in the town of Atareb on "
        "Monday, killing at least six people.",
        "5 أيار (سانا) - قصفت مدفعية قوات النظام مشفى في بلدة الأتارب يوم الاثنين، ما أدى إلى مقتل ستة أشخاص.",
    ],
)
def test_a_dateline_opening_on_its_date_gives_way_to_the_day_the_sentence_names(res, text):
    """A dateline with no town before its date ("May 5 (UPI) --") is a dateline too: the shelling is Monday's."""
    assert dated(res, text, TUE_MAY, "offensive") == ["2020-05-04"]


def test_a_dateline_alone_still_dates_the_story(res):
    text = (
        "ANKARA, May 5 (Reuters) - Turkish and Russian officials met in Ankara to discuss the situation in Idlib. "
        "Turkey demanded that Syrian government forces withdraw behind its observation posts."
    )
    assert dated(res, text, TUE_MAY, "ultimatum") == ["2020-05-05"]


MON_MAR = datetime(2020, 3, 2, 9, 0)  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled the town of Saraqib on Sunday. The two sides will run joint patrols on the M4 highway "
        "from March 15. Erdogan warned that Turkey would respond to any attack on its soldiers.",
        "قصفت قوات النظام مدينة سراقب أمس الأحد. وسيسيّر الجانبان دوريات مشتركة على الطريق الدولي M4 اعتباراً من 15 "
        "آذار. في حين حذر أردوغان من أن بلاده سترد على أي هجوم يستهدف جنودها.",
    ],
)
def test_a_day_still_to_come_does_not_end_the_story_day(res, text):
    """The patrols from 15 March are a plan; the warning after them, with no day of its own, goes on with Sunday
    (1 March), the day the story was telling, not the publication day."""
    assert dated(res, text, MON_MAR, "ultimatum") == ["2020-03-01"]


SUN_MAR = datetime(2018, 3, 18, 17, 0)  # a Sunday


@pytest.mark.parametrize(
    "text",
    [
        "Turkish troops and allied rebels entered the centre of Afrin on Sunday morning. The city had been heavily "
        "shelled on Friday. Erdogan threatened to extend the offensive to Manbij.",
        "دخلت القوات التركية وفصائل الجيش الحر مركز مدينة عفرين صباح الأحد. وكانت المدينة قد تعرضت يوم الجمعة لقصف "
        "عنيف. وهدد أردوغان بتوسيع العملية العسكرية لتشمل منبج.",
    ],
)
def test_a_day_told_in_the_past_perfect_does_not_move_the_story_back(res, text):
    """Friday's shelling is told in the past perfect, before the story's Sunday: background. The threat told after
    it is Sunday's (18 March), not Friday's."""
    assert dated(res, text, SUN_MAR, "ultimatum") == ["2018-03-18"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces had captured the town of Khan Tuman on Saturday. Turkey demanded that they withdraw.",
        "وكانت قوات النظام قد سيطرت أمس السبت على بلدة خان طومان. وطالبت تركيا قوات النظام بالانسحاب منها.",
    ],
)
def test_a_past_perfect_day_with_no_story_day_before_it_is_the_story_day(res, text):
    """With no later day told before it, the past perfect's day is the one the story is on."""
    assert dated(res, text, datetime(2020, 2, 9, 14, 0), "ultimatum") == ["2020-02-08"]


def dated_by(res: Resources, text: str, pub: datetime, etype: str, words: str) -> list[str]:
    """The ``date_start`` of each event of type ``etype`` whose evidence holds ``words``."""
    lang = "en" if text[:30].isascii() else "ar"
    rows = article_rows(res, text, pub, lang=lang)
    return [str(r["date_start"])[:10] for r in rows if r["type"] == etype and words in r["evidence"]]


TUE_MAR = datetime(2020, 3, 3, 10, 0)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "Rebels launched a counterattack on government positions south of Saraqib early on Tuesday. Government "
            "forces had captured Saraqib on Monday, and Russian military police deployed in the town the same day. "
            "In Jabal al-Zawiya, Russian warplanes struck the villages of Kansafra and al-Bara.",
            "Kansafra",
        ),
        (
            "شنت الفصائل فجر اليوم الثلاثاء هجوماً معاكساً على مواقع قوات النظام جنوبي سراقب. وكانت قوات النظام قد سيطرت "
            "أمس الإثنين على سراقب، وانتشرت الشرطة العسكرية الروسية في المدينة في اليوم نفسه. وفي جبل الزاوية، شنت "
            "الطائرات الحربية الروسية غارات على بلدتي كنصفرة والبارة.",
            "كنصفرة",
        ),
    ],
)
def test_the_same_day_as_a_past_perfect_day_is_background_too(res, text, words):
    """Monday, told in the past perfect, and "the same day" that names it again are background to the story's
    Tuesday: the air strikes told after them, with no day of their own, are Tuesday's."""
    assert dated_by(res, text, TUE_MAR, "offensive", words) == ["2020-03-03"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry called on Monday on all parties to respect the ceasefire agreement for south-west Syria and "
        "the Quneitra front, which was announced in Amman on 7 July last year.",
        "دعت وزارة الخارجية أمس جميع الأطراف إلى احترام اتفاق منطقة خفض التصعيد في جنوب غرب سوريا، الذي أُعلن في عمّان "
        "في السابع من تموز من العام الماضي بين الأردن والولايات المتحدة وروسيا.",
    ],
)
def test_a_deal_with_a_long_name_is_dated_by_its_relative_clause(res, text):
    """The deal's name runs on ("... for south-west Syria and the Quneitra front", "... في جنوب غرب سوريا") up to the
    comma of the relative clause that tells when it was made: the truce is 7 July 2017's, not the day of the call."""
    assert dated(res, text, datetime(2018, 6, 20, 9, 0), "ceasefire") == ["2017-07-07"]


@pytest.mark.parametrize(
    "text",
    [
        "Turkish warplanes bombed the town of Jinderes on Thursday. Pro-government fighters who entered the canton "
        "last week were shelled near Afrin city.",
        "قصفت الطائرات التركية بلدة جنديرس يوم الخميس. وتعرضت مواقع المقاتلين الذين دخلوا عفرين الأسبوع الماضي لقصف "
        "مدفعي تركي.",
    ],
)
def test_a_day_in_a_relative_clause_about_a_side_dates_no_happening(res, text):
    """ "who entered the canton last week", "الذين دخلوا عفرين الأسبوع الماضي" tells when the fighters came, not
    when they were shelled: the shelling goes on with the story's Thursday (1 March)."""
    assert dated(res, text, datetime(2018, 3, 2, 9, 0), "offensive") == ["2018-03-01", "2018-03-01"]


@pytest.mark.parametrize(
    "text",
    [
        "The deal follows the evacuation of the last rebel fighters from eastern Aleppo, which allowed the "
        "government to declare on December 22 that it had retaken the city.",
        "Regime forces, which launched an offensive on December 22, retook the city.",
    ],
)
def test_a_relative_clause_that_tells_a_happening_keeps_its_day(res, text):
    """The relative clause tells the happening itself (the declaration that the city was retaken, an offensive
    launched): its day is that happening's."""
    assert "2016-12-22" in dated(res, text, datetime(2016, 12, 30, 9, 0), "offensive")


@pytest.mark.parametrize(
    "text",
    [
        "Russia and the opposition signed a ceasefire deal for Eastern Ghouta in Cairo on Saturday. The deal comes two "
        "weeks after the announcement of a similar agreement for south-west Syria, reached by Presidents Donald Trump "
        "and Vladimir Putin during their meeting on the sidelines of the G20 summit in Hamburg.",
        "وقعت روسيا والمعارضة في القاهرة أمس السبت اتفاقاً لوقف إطلاق النار في الغوطة الشرقية. ويأتي الاتفاق بعد أسبوعين من "
        "إعلان اتفاق مماثل في جنوب غربي سوريا، توصل إليه الرئيسان الأمريكي دونالد ترامب والروسي فلاديمير بوتين خلال لقائهما "
        "على هامش قمة العشرين في هامبورغ.",
    ],
)
def test_talks_that_made_an_anchor_deal_take_the_anchor_day(res, text):
    """The Hamburg meeting made the deal two weeks before Saturday's (22 July): 8 July, not Saturday."""
    assert dated(res, text, datetime(2017, 7, 23, 9, 0), "talks") == ["2017-07-08"]


FRI_DEC = datetime(2016, 12, 30, 9, 20)  # a Friday


@pytest.mark.parametrize(
    "text",
    [
        "The truce, announced by President Vladimir Putin on Thursday, came into force at midnight. The Syrian "
        "Observatory said clashes broke out after midnight in the Wadi Barada valley. It also reported a few rounds "
        "of shelling in the north of Hama province.",
        "وكان الرئيس الروسي فلاديمير بوتين قد أعلن الهدنة يوم الخميس. وقال المرصد السوري إن اشتباكات اندلعت بعد منتصف "
        "الليل في وادي بردى. كما أفاد بسقوط عدة قذائف على ريف حماة الشمالي.",
    ],
)
def test_after_midnight_is_the_day_after_the_last_day_told(res, text):
    """The truce was announced on Thursday (29 Dec): the clashes "after midnight" are Friday's, and so is the shelling
    told after them."""
    assert dated(res, text, FRI_DEC, "offensive") == ["2016-12-30", "2016-12-30"]


@pytest.mark.parametrize(
    "text",
    [
        "A nationwide ceasefire took hold across Syria early on Friday. The Syrian Observatory said clashes broke out "
        "after midnight in the Wadi Barada valley.",
        "دخلت الهدنة حيز التنفيذ في أنحاء سوريا فجر اليوم الجمعة. وقال المرصد السوري إن اشتباكات اندلعت بعد منتصف الليل "
        "في وادي بردى.",
    ],
)
def test_after_midnight_is_never_after_publication(res, text):
    assert dated(res, text, FRI_DEC, "offensive") == ["2016-12-30"]


THU_NOV = datetime(2017, 11, 2, 9, 0)  # a Thursday


@pytest.mark.parametrize(
    "text",
    [
        "Last updated at Nov 01 2017 At least four schoolchildren were killed in regime shelling in Eastern Ghouta on "
        "Tuesday. The bombardment came as a fresh round of peace talks entered a second day in Astana.",
        "آخر تحديث: 1 تشرين الثاني 2017 قتل أربعة تلاميذ على الأقل بقصف لقوات النظام على الغوطة الشرقية يوم الثلاثاء. "
        "وجاء القصف مع دخول جولة جديدة من محادثات أستانا يومها الثاني.",
    ],
)
def test_a_page_stamp_is_not_the_day_the_story_goes_on_with(res, text):
    """ "Last updated at Nov 01 2017", "آخر تحديث: ..." is the page's stamp, like a dateline: the story is on Tuesday
    (31 Oct), and the talks told next go on with Tuesday."""
    assert dated(res, text, THU_NOV, "offensive") == ["2017-10-31"]
    assert dated(res, text, THU_NOV, "talks") == ["2017-10-31"]


SAT_FEB = datetime(2020, 2, 29, 9, 0)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council held an emergency session on Idlib in New York on Friday. Mark Lowcock said air strikes "
        "had hit ten schools in Idlib last Tuesday. During the session, Russia's "
        "envoy demanded that Turkey stop supporting terrorist groups in Idlib, while Turkey's envoy warned that his "
        'country "will respond to every attack" on its forces.',
        "عقد مجلس الأمن الدولي مساء أمس الجمعة في نيويورك جلسة طارئة بشأن التصعيد في إدلب. وأشار مارك لوكوك إلى أن غارات "
        "جوية أصابت يوم الثلاثاء الماضي عشر مدارس في إدلب. وخلال الجلسة، طالب المندوب "
        'الروسي تركيا بالكف عن دعم المجموعات الإرهابية في إدلب، فيما أكد المندوب التركي أن بلاده "سترد على كل هجوم" '
        "يستهدف قواتها.",
    ],
)
def test_a_fronted_during_the_session_frames_every_clause(res, text):
    """ "During the session," / "وخلال الجلسة،" opens the sentence: both the demand and the warning after "while" /
    "فيما" were made in the session on Friday (28 Feb), not on the publication day (last Tuesday, told in between,
    ended the story's day)."""
    assert dated(res, text, SAT_FEB, "ultimatum") == ["2020-02-28", "2020-02-28"]


@pytest.mark.parametrize(
    "text",
    [
        "Regime forces shelled villages in Jabal al-Zawiya on Wednesday evening. The Russian side informed the Turkish "
        "side, within the framework of ongoing consultations between the militaries, of the need to stop provocations "
        "under the additional protocol signed in Moscow on 5 March 2020.",
        "قصفت قوات النظام قرى في جبل الزاوية مساء الأربعاء. وأضاف أن الجانب الروسي أبلغ الجانب التركي، في إطار المشاورات "
        "الجارية بين العسكريين، بضرورة وقف الاستفزازات ووقف إطلاق النار في المنطقة وفق البروتوكول الإضافي الموقع في موسكو "
        "في الخامس من آذار 2020.",
    ],
)
def test_the_day_a_deal_was_signed_dates_no_talks_beside_it(res, text):
    """ "the protocol signed in Moscow on 5 March 2020", "البروتوكول ... الموقع في موسكو في الخامس من آذار 2020" is the
    deal's day; the consultations told beside it go on with the story's Wednesday (9 June 2021)."""
    assert dated(res, text, datetime(2021, 6, 10, 9, 0), "talks") == ["2021-06-09"]
