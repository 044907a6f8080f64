"""What corpuslint knows about languages: their codes and names, and word lists.

The `language` setting must be one of the codes in NAMES (ISO 639-1, plus
langdetect's `zh-cn` and `zh-tw`: the languages langdetect has profiles for).

STOPWORDS holds, for a few languages, about a hundred of the most frequent
words of news text, nearly all function words (articles, prepositions,
pronouns, auxiliaries), lower-cased, with elided forms split at the
apostrophe as the tokenizer splits them ("l'État" gives "l" and "état").
Running prose has 30-55% of its tokens in its own language's list and a few
per cent in another's; a list of names or scores has few in any.

MARKERS holds four frequent words of each of those languages that are not
common words of another language langdetect knows ("to" is Polish and Czech,
"for" Danish, "die" Dutch, "des" German, "del" Italian, "com" Catalan, "het"
Afrikaans: none of them is a marker). Finding them is a substring search, the cheapest test there
is. This is data, not a model: a language is added by adding its lines here.
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese", "kn": "Kannada",
    "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ml": "Malayalam",
    "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh-cn": "Chinese (simplified)",
    "zh-tw": "Chinese (traditional)",
}


_STOPWORDS = {
    "en": """
        the of and to a in that is for it on was with he as at by said be his from
        has have an are but not this had which were will its they who been their more
        or after also would her we one two new about up than out there when she first
        i all over into last can could other some people if what no so our them him
        only most because while just like before you do may us any these such those
        then under against between during since where how did should being through
        off told now very my your me here still much many both each
        does own our made make
    """,
    "de": """
        der die und in den von zu das mit sich des auf für ist im dem nicht ein eine
        als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch
        wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man
        sein wurde sei hatte kann gegen vom können schon wenn habe seine ihre dann
        unter wir soll ich eines diese dieser wieder keine seiner worden will zwischen
        immer was sagte gibt alle diesem seit muss wurden denn ihr ihm ihn uns sehr
        jahr jahren zwei ab doch da kein ohne sollen hier damit mich neue waren
    """,
    "fr": """
        de la le et les des en un du une que est pour qui dans a par plus pas au sur
        ne se il sont ce avec son mais ont été elle aux ou comme leur lui sa nous ses
        y cette on entre aussi bien fait tout même ces dont deux être sans sous ans
        après avait très depuis peut ils était lors encore selon alors où si je leurs
        contre autres avant avoir tous d l n s c j qu m elles notre vous toute faire
        cet ans sera fois dit déjà moins avons aussi ainsi chez donc car
    """,
    "es": """
        de la que el en y a los del se las por un para con no una su al lo como más
        pero sus le ya o este sí porque esta entre cuando muy sin sobre también me
        hasta hay donde quien desde todo nos durante todos uno les ni contra otros
        ese eso ante ellos e esto antes algunos qué unos yo otro otras otra él tanto
        esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo
        ha han fue ser son está dijo años era sido tiene año dos según puede tras
        hace así parte además
    """,
    "it": """
        di e il la che a in per un del è non una le i con da si al della dei alla gli
        come più anche ha sono nel lo ma delle ci o ad se sua suo questo nella dal era
        essere tra degli stato ai quando hanno sul anni fino cui loro dopo poi così
        ancora due solo sulla questa già fatto aveva quello perché molto tutti stata
        nelle dalla senza ne mi contro secondo ed io noi l d all dell nell sull quale
        ogni sia questi suoi anno stati fa può essere dai prima oggi
    """,
    "pt": """
        de a o que e do da em um para é com não uma os no se na por mais as dos como
        mas foi ao ele das tem à seu sua ou ser quando muito há nos já está eu também
        só pelo pela até isso ela entre era depois sem mesmo aos ter seus quem nas me
        esse eles estão você tinha foram essa num nem suas meu às minha têm numa
        pelos elas havia seja qual será nós lhe deles essas esses pelas este fosse
        dele disse anos dois sobre segundo ainda ano pode são
    """,
    "nl": """
        de het een van en in is dat op te zijn met voor niet aan er om die ook als bij
        door maar uit nog dan of wordt naar heeft over worden kan was hij zich al tot
        werd ze meer wel we deze geen haar jaar hebben moet na nu dit hun zou onder
        twee alleen tegen veel zo waren hem omdat had nieuwe toen mijn ik wat andere
        wie waar hoe mensen zei u je zal hier volgens tussen wil geen daar kunnen
    """,
}

STOPWORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split()) for code, words in _STOPWORDS.items()
}

MARKERS: dict[str, tuple[str, ...]] = {
    "en": ("the", "and", "that", "with"),
    "de": ("und", "nicht", "sich", "auch"),
    "fr": ("une", "dans", "pour", "est"),
    "es": ("los", "las", "pero", "también"),
    "it": ("che", "della", "gli", "sono"),
    "pt": ("não", "uma", "também", "pelo"),
    "nl": ("niet", "zijn", "wordt", "heeft"),
}


def describe(code: str) -> str:
    """`Spanish (es)`: how a message names a language."""
    return f"{NAMES.get(code, code)} ({code})"
