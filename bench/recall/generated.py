"""Generated recall cases: each artifact put into a clean article, split into two halves.

Every list below is cut in two by position (even: tune, odd: held), so the
rules can be grown on one half and reported on the other. The sentences and
forms were written for this file; none comes from the rules' own lists.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

HEADLINE = "Ministers agree new plan for rail services"
PARAGRAPHS = (
    "The government has agreed a new plan for rail services in the north of England, "
    "ministers said on Tuesday.",
    "The plan includes more trains at peak times and new stations in three towns.",
    "Unions said they would study the details before giving a view.",
    "The first changes are expected to take effect next spring.",
)

Case = tuple[str, str, int, int, str]

# --- mojibake ------------------------------------------------------------------------------

SENTENCES = (
    "Le président français a rencontré les élèves à l’école de Besançon.",
    "Die Bürger in München müssen für die Straßenbahn höhere Gebühren zahlen.",
    "El niño español pidió una canción a la señora del café.",
    "O governo português não aprovou a eleição na região de São Paulo.",
    "Prezydent Polski powiedział, że żołnierze wrócą do Łodzi w piątek.",
    "Předseda vlády řekl, že čeští občané zaplatí méně za elektřinu.",
    "A magyar kormány szerint a főváros új hídja jövőre készül el.",
    "Latvijas valdība paziņoja, ka skolēni saņems jaunas grāmatas.",
    "Президент России заявил, что переговоры продолжатся в понедельник.",
    "Уряд України повідомив про нові правила для студентів.",
    "Ο πρωθυπουργός της Ελλάδας μίλησε για την οικονομία της χώρας.",
    "ראש הממשלה אמר כי השיחות יימשכו בשבוע הבא.",
    "قال رئيس الوزراء إن المحادثات ستستمر الأسبوع المقبل.",
    "Türkiye'nin başkenti Ankara'da öğrenciler sınava girdi.",
    "The minister’s “final” offer – worth £3m – was rejected.",
    "Zoë and Chloë visited the café in Málaga before the naïve réunion.",
    "Norges statsminister sa at økonomien går bedre på Vestlandet.",
    "Suomen hallitus kertoi, että työttömyys on laskenut pääkaupungissa.",
    "Rumunská vláda a slovenský parlament schválili zákon o dôchodkoch.",
    "Hrvatska vlada je u četvrtak odobrila novi zakon o porezu.",
)
CODECS = ("cp1252", "latin-1", "cp1251", "cp1250", "cp437", "mac_roman", "iso-8859-2")


def _mis_decode(text: str, codec: str, layers: int) -> str | None:
    for _ in range(layers):
        try:
            text = text.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            return None
    return text


def mojibake_cases() -> Iterator[tuple[int, str, str]]:
    """(index, artifact, label): every sentence through every codec, one and two layers deep.

    Only cases ftfy can undo count: U101's fix is ftfy's, and text whose bytes a
    codec cannot hold (cp1252 has no byte 0x81) is not mojibake anyone meets.
    """
    import ftfy

    index = 0
    for sentence, codec, layers in itertools.product(SENTENCES, CODECS, (1, 2)):
        if layers == 2 and codec not in ("cp1252", "latin-1", "cp1251"):
            continue
        broken = _mis_decode(sentence, codec, layers)
        if broken is None or broken == sentence or ftfy.fix_text(broken) != sentence:
            continue
        yield index, broken, f"{codec}x{layers}: {broken[:50]}"
        index += 1


# --- misspellings and confusions ----------------------------------------------------------

# Common misspellings, each in a sentence; written for this file (not from W104's data).
MISSPELLINGS = (
    ("accomodate", "The hotel can accomodate two hundred guests."),
    ("recieve", "Families will recieve the money in March."),
    ("seperate", "Police held two seperate meetings with residents."),
    ("definately", "The minister said the plan would definately go ahead."),
    ("occured", "The crash occured shortly after midnight."),
    ("untill", "The road will stay closed untill Friday."),
    ("goverment", "The goverment denied the claims."),
    ("beleive", "Officers beleive the man acted alone."),
    ("tommorow", "The talks resume tommorow morning."),
    ("publically", "He publically criticised the decision."),
    ("existance", "The group denied the existance of the letter."),
    ("independant", "An independant review will be published."),
    ("occurence", "Such an occurence is rare, experts said."),
    ("enviroment", "The enviroment agency issued a warning."),
    ("embarass", "The leak could embarass the government."),
    ("foriegn", "The foriegn secretary flew to Cairo."),
    ("greatful", "She said she was greatful for the support."),
    ("harrass", "Protesters continued to harrass the workers."),
    ("neccessary", "The council said the cuts were neccessary."),
    ("noticable", "There was a noticable rise in prices."),
    ("persue", "The family will persue the case in court."),
    ("posession", "He was charged with posession of a weapon."),
    ("reccomend", "Doctors reccomend two doses of the vaccine."),
    ("relevent", "The relevent documents were handed over."),
    ("succesful", "The launch was succesful, the agency said."),
    ("truely", "It was a truely remarkable result."),
    ("wierd", "Residents reported a wierd noise overnight."),
    ("begining", "The begining of the season was delayed."),
    ("acheive", "The team hopes to acheive promotion."),
    ("arguement", "The arguement began outside the pub."),
    ("basicly", "The plan is basicly the same as last year."),
    ("buisness", "The buisness was sold in 2004."),
    ("commitee", "The commitee will report in June."),
    ("completly", "The building was completly destroyed."),
    ("dissapoint", "The figures will dissapoint investors."),
    ("finaly", "The bridge finaly opened on Monday."),
    ("freind", "He was visiting a freind in Leeds."),
    ("garantee", "The bank can not garantee the deposits."),
    ("immediatly", "The road was closed immediatly."),
    ("knowlege", "She denied any knowlege of the payments."),
    ("lenght", "The lenght of the trial surprised lawyers."),
    ("occassion", "It was a rare occassion for celebration."),
    ("parliment", "The bill was passed by parliment."),
    ("politican", "The politican resigned on Friday."),
    ("prefered", "Voters prefered the second option."),
    ("recomend", "Experts recomend a ban on the drug."),
    ("strenght", "The strenght of the pound helped importers."),
    ("tendancy", "There is a tendancy to blame the weather."),
    ("wether", "It is unclear wether the deal will survive."),
    ("writting", "He is writting a book about the war."),
    ("agressive", "The dog became agressive, police said."),
    ("apparantly", "The driver had apparantly fallen asleep."),
    ("appearence", "It was his first appearence in court."),
    ("beautifull", "The village is beautifull in spring."),
    ("catagory", "The storm was upgraded to catagory four."),
    ("collegue", "A collegue found him at his desk."),
    ("comming", "More details are comming soon."),
    ("decison", "The decison will be announced today."),
    ("desparate", "Residents are desparate for help."),
    ("diffrent", "The two reports gave diffrent figures."),
    ("familar", "The tune was familar to many fans."),
    ("fourty", "More than fourty people were hurt."),
    ("goverments", "Both goverments signed the treaty."),
    ("intresting", "It was an intresting match, he said."),
    ("managment", "The managment team resigned."),
    ("oportunity", "It is a great oportunity for the town."),
    ("percieve", "Many percieve the tax as unfair."),
    ("possesion", "The club kept possesion for most of the game."),
    ("sucessful", "The bid was sucessful."),
    ("suprise", "The result came as a suprise."),
    ("temprature", "The temprature fell below zero."),
    ("unfortunatly", "The flight was unfortunatly cancelled."),
    ("vehical", "The vehical was found abandoned."),
    ("wich", "The report, wich was leaked, runs to 90 pages."),
    ("yeild", "The bonds yeild more than 5%."),
    ("thier", "Residents returned to thier homes."),
    ("alot", "There was alot of anger at the meeting."),
    ("becuase", "The game was called off becuase of snow."),
    ("accross", "Storms swept accross the country."),
    ("adress", "He will adress the conference today."),
    ("agression", "The agression of the crowd alarmed police."),
    ("allready", "The money has allready been spent."),
    ("assasination", "The assasination shocked the nation."),
    ("beleived", "He is beleived to be in Spain."),
    ("calender", "The event is a highlight of the calender."),
    ("carreer", "It was the best day of his carreer."),
    ("concious", "The patient is concious and talking."),
    ("critisism", "The plan faced fierce critisism."),
    ("dilema", "The party faces a dilema over the vote."),
    ("excercise", "Doctors recommend daily excercise."),
)
# Confusions only the context decides: the confused word, and the sentence.
CONFUSIONS = (
    ("could of", "He said he could of won the race."),
    ("should of", "The council should of acted sooner."),
    ("would of", "She would of voted for the plan."),
    ("might of", "The fire might of started in the kitchen."),
    ("must of", "The thieves must of known the code."),
    ("its", "The company said its a difficult time."),
    ("its", "Officials said its not clear who was to blame."),
    ("it's", "The club and it's fans celebrated."),
    ("it's", "The bird lost it's way in the fog."),
    ("whose", "Nobody knows whose going to win."),
    ("who's", "The man who's car was stolen spoke to police."),
    ("who's", "A woman who's son was hurt called for action."),
    ("loose", "The team could loose the title on Saturday."),
    ("loose", "Voters may loose patience with the party."),
    ("lose", "A lose tile fell from the roof."),
    ("then", "The price is higher then last year."),
    ("then", "Sales were better then expected."),
    ("then", "More then 200 people attended."),
    ("than", "He paid the fine and than left the court."),
    ("then", "It is worse then the previous storm."),
)

# --- timestamps, captions, markdown, site names -----------------------------------------------

TIMESTAMPS = (
    "Updated 14:32 BST, Tuesday 11 June 2024", "Published: 03/07/2024 09:15",
    "June 11, 2024 6:28 a.m. ET", "11 June 2024, 18:04 CEST", "2024-06-11 14:05",
    "2024-06-11T14:05:00Z", "Last updated on 11 June 2024 at 14:05", "3 hours ago",
    "Posted 45 minutes ago", "Tue 11 Jun 2024 14.05 BST", "11.06.2024 | 14:05",
    "Jun 11, 2024 at 2:05 PM EDT", "Updated: 2 days ago", "First published on Tue 11 Jun 2024 09.00 BST",
    "Monday, June 10, 2024 - 10:45 PM", "10/06/2024 22:45 GMT", "Published 10 June 2024",
    "Modified: June 10, 2024", "12 mins ago", "June 10, 2024 | 10:45pm",
    "Sun 9 Jun 2024 17.30 BST", "9 Jun 2024 17:30", "Updated at 5:30 p.m. ET June 9, 2024",
    "June 9, 2024 / 5:30 PM / AP", "an hour ago", "Updated an hour ago",
    "Wed, Jun 12 2024 8:15 AM EDT", "12 June 2024 • 08:15", "Last Modified: Wed 12 Jun 2024",
    "2024/06/12 08:15", "Posted on June 12, 2024 at 8:15 am by Staff", "Jun 12, 2024, 08:15 AM IST",
)
CAPTIONS = (
    "Firefighters tackle the blaze in Bradford on Monday (Photo: PA)",
    "The minister arrives at Downing Street. (Image credit: Reuters)",
    "Protesters gather in Paris on Saturday (AFP via Getty Images)",
    "Rescue teams search the rubble in Gaziantep (Picture: Anadolu Agency)",
    "The new bridge opened to traffic on Friday. Photo: Jane Smith/The Times",
    "Fans celebrate outside the stadium. Picture: Getty Images",
    "A view of the flooded street in Valencia (EPA/Manuel Bruque)",
    "Workers at the plant in Swindon. Credit: Honda UK",
    "Voters queue outside a polling station in Delhi (Photo by Money Sharma/AFP)",
    "The damaged train near Bratislava. (AP Photo/Petr David Josek)",
    "A man walks past the closed bank in Beirut (Reuters/Mohamed Azakir)",
    "The prime minister speaks to reporters. Photograph: Stefan Rousseau/PA",
    "Smoke rises over the city on Sunday (Image: Shutterstock)",
    "The singer performs in London. (Photo credit: Samir Hussein/WireImage)",
    "Police at the scene in Glasgow (Pic: Andrew Milligan/PA Wire)",
    "Students protest outside the university (Courtesy of the university)",
    "A nurse prepares a vaccine in Lagos. Image: Unicef/Olukayode",
    "The wreck of the ship off Cornwall (Credit: RNLI)",
    "Crowds on the beach at Bournemouth on Tuesday (Source: BCP Council)",
    "Mr Biden at the White House on Monday. (Photo: Evan Vucci/AP)",
)
# A caption run into a paragraph's end: the paragraph's own sentence, then the caption.
RUN_IN = (
    "The council will vote on the plan next week. Councillors at the town hall on Monday (Photo: Local Democracy Reporting Service)",
    "Talks are expected to resume in Doha on Thursday. Negotiators leave the meeting (AFP/Getty Images)",
    "The storm is expected to reach the coast tonight. Waves hit the sea wall in Porthcawl. Picture: Huw Evans Agency",
    "He was taken to hospital as a precaution. The scene on the A1 near Newark (Image: Nottinghamshire Police)",
)
MARKDOWN = (
    "The minister said the plan was **not negotiable**, according to aides.",
    "**Officials say the vote will go ahead as planned on Thursday.**",
    "Residents were told to stay *indoors* until further notice.",
    "The report calls the decision __a serious mistake__ by the board.",
    "*The talks are expected to continue into the night.*",
    "Shares in the firm fell _sharply_ after the announcement.",
    "She described the result as ***historic*** for the party.",
    "The club confirmed the signing on **Monday** after a medical.",
    "The two sides met in Geneva] on Tuesday, officials said.",
    "Police said the man] was arrested at the scene.",
)
SITE_NAMES = (
    "© 2024 The Herald", "Reuters", "BBC News", "The Guardian", "Sky News", "Daily Mail",
    "© Associated Press", "NPR", "The Independent", "CNN",
)


def hosted(family: str, artifact: str, *, at_end: bool = False) -> Case:
    """The artifact as a line of the clean article: between its paragraphs, or at its end."""
    head = HEADLINE + "\n\n"
    if at_end:
        body = "\n\n".join(PARAGRAPHS) + "\n\n"
        start = len(head + body)
        return family, head + body + artifact + "\n", start, start + len(artifact), artifact
    before = "\n\n".join(PARAGRAPHS[:2]) + "\n\n"
    after = "\n\n" + "\n\n".join(PARAGRAPHS[2:]) + "\n"
    start = len(head + before)
    text = head + before + artifact + after
    return family, text, start, start + len(artifact), artifact


def _in_sentence(family: str, word: str, sentence: str) -> Case:
    head = HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS[:2]) + "\n\n"
    start = len(head) + sentence.index(word)
    text = head + sentence + "\n\n" + "\n\n".join(PARAGRAPHS[2:]) + "\n"
    return family, text, start, start + len(word), sentence


def generated_cases(half: str) -> Iterator[Case]:
    keep = 0 if half == "tune" else 1
    for index, broken, label in mojibake_cases():
        if index % 2 == keep:
            family, text, start, end, _ = hosted("mojibake", broken)
            yield family, text, start, end, label
    for pairs, family in ((MISSPELLINGS, "misspelling"), (CONFUSIONS, "confusion")):
        for index, (word, sentence) in enumerate(pairs):
            if index % 2 == keep:
                yield _in_sentence(family, word, sentence)
    for index, stamp in enumerate(TIMESTAMPS):
        if index % 2 == keep:
            yield hosted("timestamp", stamp)
    for index, caption in enumerate(CAPTIONS + RUN_IN):
        if index % 2 == keep:
            yield hosted("caption", caption)
    for index, snippet in enumerate(MARKDOWN):
        if index % 2 == keep:
            yield hosted("markdown", snippet)
    for index, name in enumerate(SITE_NAMES):
        if index % 2 == keep:
            yield hosted("sitename", name, at_end=True)
