"""Demo content of the stories app (called by load_demo_content, after the network's).

Seven stories in English, German and Hungarian drawn from the project's source documents (care
work, resilience, the Ukraine emergency help discussed at the Bridges meeting of 22 March 2022, a
new centre in the Danube region), some translated. The people are illustrative; the centres,
places and dates are MINE's. Every picture, the video and the recording are made on this machine.
Stories that exist are left as they are (an editor may have changed them).
"""

import io
import logging
import subprocess
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtailmedia.models import get_media_model

from cms.core.demo import demo_image, demo_recording, translate_once
from cms.core.factories import DocumentFactory, VideoFactory, make_picture
from network.demo import country_section
from network.models import CentrePage, NetworkPage

from .factories import StoryPageFactory
from .models import StoryIndexPage, StoryPage

logger = logging.getLogger(__name__)

CAPTIONS_VTT = """WEBVTT

00:00.000 --> 00:02.000
Our playroom in Žilina, spring 2022.

00:02.000 --> 00:04.000
Children from Žilina and Kharkiv play together.
"""


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


# --- The stories -------------------------------------------------------------------------------

KITCHEN = {
    "slug": "a-cup-of-coffee-and-someone-who-listens",
    "title": "A cup of coffee and someone who listens",
    "summary": "How the open café of Family Center Mala Ulica in Ljubljana became a second "
    "living room for young mothers.",
    "storyteller": "Maja, mother of two",
    "original_language": "sl",
    "date": "2022-02-22",
    "themes": ["care", "community"],
    "featured": True,
}
KITCHEN_BODY = [
    (
        "paragraph",
        p(
            "When my daughter was born I knew nobody in Ljubljana. My husband worked long days, "
            "and I talked more with the baby than with grown-ups.",
            "A neighbour told me about the open café at Mala Ulica. The first morning I only "
            "stayed for twenty minutes. Nobody asked me what I do or where I come from; someone "
            "made me a coffee and held the baby so I could drink it while it was hot.",
        ),
    ),
    ("heading", {"text": "Care is work, and it is shared", "level": "h2"}),
    (
        "paragraph",
        p(
            "Now I come three times a week. We swap clothes and recipes, we talk about sleepless "
            "nights and about going back to work. Last winter I started to welcome new mothers "
            "myself.",
        ),
    ),
    (
        "quote",
        {
            "quote": "A mother centre is a place where you can come for a cup of coffee and talk "
            "with other mothers. That sounds small. For me it changed everything.",
            "attribution": "Maja, Ljubljana",
        },
    ),
]

REFUGE = {
    "slug": "our-doors-stayed-open",
    "title": "Our doors stayed open",
    "summary": "In March 2022 mothers fleeing the war in Ukraine arrived in Žilina. MC Nezábudka "
    "made room for them, and the Bridges network shared what helps.",
    "storyteller": "Zuzana, volunteer at MC Nezábudka",
    "original_language": "sk",
    "date": "2022-03-22",
    "themes": ["migration", "resilience", "community"],
    "featured": True,
}
REFUGE_BODY = [
    (
        "paragraph",
        p(
            "At the end of February 2022 the first families from Ukraine arrived at Žilina's "
            "railway station: mothers, grandmothers and children, with one bag each.",
            "Our centre is small. We had a playroom, a kitchen and a lot of volunteers who did not "
            "know what to do first. So we did what mother centres do: we opened the door and put "
            "the kettle on.",
        ),
    ),
    ("heading", {"text": "What helped", "level": "h2"}),
    (
        "paragraph",
        p(
            "On 22 March 2022 the Bridges partners met online. The topic was how to create and "
            "hold a space for mothers, and the urgent question was the emergency in Ukraine: how "
            "can we help? Centres from Slovakia, Hungary and Germany shared what worked: a quiet "
            "corner, a translator on the phone, children playing while their mothers talk.",
        ),
    ),
    (
        "quote",
        {
            "quote": "The children did not need a common language. By the second week they "
            "were teaching each other songs.",
            "attribution": "Zuzana, Žilina",
        },
    ),
]

DANUBE = {
    "slug": "uj-anyakozpont-a-duna-menten",
    "title": "Új anyaközpont a Duna mentén",
    "summary": "Hogyan lett egy üres helyiségből találkozóhely: a MotherNature-Anyatermészet "
    "egyesület története.",
    "storyteller": "Réka",
    "original_language": "hu",
    "date": "2022-09-21",
    "themes": ["community", "childhood"],
}
DANUBE_BODY = [
    (
        "paragraph",
        p(
            "Öt anya ült egy konyhaasztal körül, és arról beszélgettünk, hogy nincs hová mennünk "
            "a gyerekekkel, ha esik az eső. Így kezdődött.",
            "Egy év múlva már volt egy helyiségünk, egy játszósarkunk és egy heti programunk: "
            "baba-mama kör, ruhacsere és közös főzés.",
        ),
    ),
    ("heading", {"text": "Amit a hálózattól tanultunk", "level": "h2"}),
    (
        "paragraph",
        p(
            "2022 szeptemberében Budapesten találkoztunk a MINE Akadémián más országok "
            "anyaközpontjaival. Megtanultuk, hogy nem kell mindent egyedül kitalálnunk.",
        ),
    ),
    (
        "quote",
        {
            "quote": "Egy anyaközpont nem épület, hanem az emberek, akik összejönnek benne.",
            "attribution": "Réka",
        },
    ),
]
DANUBE_ENGLISH = {
    "Új anyaközpont a Duna mentén": "A new mother centre on the Danube",
    DANUBE["summary"]: "How an empty room became a meeting place: the story of the "
    "MotherNature-Anyatermészet association.",
    "Öt anya ült egy konyhaasztal körül, és arról beszélgettünk, hogy nincs hová mennünk a "
    "gyerekekkel, ha esik az eső. Így kezdődött.": "Five mothers sat around a kitchen table, "
    "talking about how there was nowhere to go with the children when it rained. That is how it "
    "began.",
    "Egy év múlva már volt egy helyiségünk, egy játszósarkunk és egy heti programunk: baba-mama "
    "kör, ruhacsere és közös főzés.": "A year later we had a room, a play corner and a weekly "
    "programme: a baby-and-mother circle, a clothes swap and cooking together.",
    "Amit a hálózattól tanultunk": "What we learned from the network",
    "2022 szeptemberében Budapesten találkoztunk a MINE Akadémián más országok anyaközpontjaival. "
    "Megtanultuk, hogy nem kell mindent egyedül kitalálnunk.": "In September 2022 we met mother "
    "centres from other countries at the MINE Academy in Budapest. We learned that we do not have "
    "to work everything out alone.",
    "Egy anyaközpont nem épület, hanem az emberek, akik összejönnek benne.": "A mother centre is "
    "not a building: it is the people who come together in it.",
}

NEUHAUSEN = {
    "slug": "sorgearbeit-sichtbar-machen",
    "title": "Sorgearbeit sichtbar machen",
    "summary": "Im Mütter-Väter-Zentrum Neuhausen in München schreiben Eltern auf, was sie an "
    "einem ganz normalen Tag leisten.",
    "storyteller": "Sabine",
    "original_language": "de",
    "date": "2022-10-10",
    "themes": ["care", "work-and-family"],
}
NEUHAUSEN_BODY = [
    (
        "paragraph",
        p(
            "Zum Internationalen Tag der Mütterzentren am 10. Oktober 2022 haben wir Eltern "
            "gebeten, einen Tag lang aufzuschreiben, was sie tun: Frühstück, Arzttermin, "
            "Hausaufgaben, die Oma anrufen, Wäsche, Trösten.",
            "Die Listen hängen jetzt an einer langen Wäscheleine quer durch unser Café. Wer "
            "hereinkommt, bleibt stehen und liest.",
        ),
    ),
    (
        "quote",
        {
            "quote": "Ich dachte, ich hätte heute nichts geschafft. Dann habe ich meine Liste "
            "gelesen.",
            "attribution": "Eine Mutter aus Neuhausen",
        },
    ),
]
NEUHAUSEN_ENGLISH = {
    "Sorgearbeit sichtbar machen": "Making care work visible",
    NEUHAUSEN["summary"]: "At Mütter-Väter-Zentrum Neuhausen in Munich, parents write down what "
    "they do on a perfectly ordinary day.",
    "Zum Internationalen Tag der Mütterzentren am 10. Oktober 2022 haben wir Eltern gebeten, "
    "einen Tag lang aufzuschreiben, was sie tun: Frühstück, Arzttermin, Hausaufgaben, die Oma "
    "anrufen, Wäsche, Trösten.": "For International Mother Centers' Day on 10 October 2022 we "
    "asked parents to write down, for one day, everything they do: breakfast, a doctor's "
    "appointment, homework, calling grandma, laundry, comforting.",
    "Die Listen hängen jetzt an einer langen Wäscheleine quer durch unser Café. Wer hereinkommt, "
    "bleibt stehen und liest.": "The lists now hang on a long washing line across our café. "
    "Whoever comes in stops and reads.",
    "Ich dachte, ich hätte heute nichts geschafft. Dann habe ich meine Liste gelesen.": "I thought "
    "I had got nothing done today. Then I read my list.",
    "Eine Mutter aus Neuhausen": "A mother from Neuhausen",
}

EICHENAU = {
    "slug": "ankommen-in-eichenau",
    "title": "Ankommen in Eichenau",
    "summary": "Olena kam im März 2022 mit ihren zwei Kindern aus Charkiw. Heute leitet sie "
    "im Familien- und Mütterzentrum Eichenau eine Spielgruppe.",
    "storyteller": "Olena",
    "original_language": "de",
    "date": "2022-11-22",
    "themes": ["migration", "childhood"],
}
EICHENAU_BODY = [
    (
        "paragraph",
        p(
            "Als wir ankamen, sprach ich kein Wort Deutsch. Im Mütterzentrum hat mir niemand "
            "Fragebögen gegeben. Man hat mir einen Platz am Tisch gegeben.",
            "Meine Kinder haben in der Spielgruppe Deutsch gelernt, ich beim Kochen. Seit dem "
            "Sommer leite ich selbst eine Spielgruppe, auf Deutsch und auf Ukrainisch.",
        ),
    ),
]

UTRECHT = {
    "slug": "three-generations-under-one-roof",
    "title": "Three generations under one roof",
    "summary": "At the 3 Generatiecentrum in Utrecht, grandparents, parents and children look "
    "after each other. Resilience, they say, is something you build together.",
    "storyteller": "Anouk",
    "original_language": "nl",
    "date": "2022-10-10",
    "themes": ["resilience", "community"],
}
UTRECHT_BODY = [
    (
        "paragraph",
        p(
            "On Wednesdays the youngest children come with their parents, and the oldest visitors "
            "of the centre read to them. Nobody planned it; it simply started, and now everyone "
            "waits for Wednesday.",
            "When the theme of International Mother Centers' Day 2022 was announced, “Resilience "
            "through Care”, we did not have to look far for an example.",
        ),
    ),
]

WISDOM = {
    "slug": "finding-our-wisdom-keepers",
    "title": "Finding our wisdom keepers",
    "summary": "At the first Bridges meeting of 2022 we were asked to find the “wisdom keepers” "
    "of our organisation. We found them in the kitchen.",
    "storyteller": "",
    "original_language": "en",
    "date": "2022-01-17",
    "themes": ["care", "resilience"],
}
WISDOM_BODY = [
    (
        "paragraph",
        p(
            "On 17 January 2022 the Bridges partners met on Zoom. The task sounded simple: find "
            "the wisdom keepers in your organisation, the people who know how things are done.",
            "We expected to name our board. Instead we named the women who have run the Tuesday "
            "lunch for fifteen years. They know every family, and every family knows them.",
        ),
    ),
]

REFUGE_TRANSLATIONS = {
    "de": {
        "Our doors stayed open": "Unsere Türen blieben offen",
        REFUGE["summary"]: "Im März 2022 kamen Mütter, die vor dem Krieg in der Ukraine flohen, "
        "nach Žilina. Das MC Nezábudka machte Platz für sie, und das Bridges-Netzwerk teilte, "
        "was hilft.",
        "Zuzana, volunteer at MC Nezábudka": "Zuzana, Ehrenamtliche im MC Nezábudka",
        "At the end of February 2022 the first families from Ukraine arrived at Žilina's railway "
        "station: mothers, grandmothers and children, with one bag each.": "Ende Februar 2022 "
        "kamen die ersten Familien aus der Ukraine am Bahnhof von Žilina an: Mütter, Großmütter "
        "und Kinder, mit je einer Tasche.",
        "Our centre is small. We had a playroom, a kitchen and a lot of volunteers who did not "
        "know what to do first. So we did what mother centres do: we opened the door and put the "
        "kettle on.": "Unser Zentrum ist klein. Wir hatten ein Spielzimmer, eine Küche und viele "
        "Ehrenamtliche, die nicht wussten, was zuerst zu tun war. Also taten wir, was "
        "Mütterzentren tun: Wir öffneten die Tür und setzten Wasser auf.",
        "What helped": "Was geholfen hat",
        "On 22 March 2022 the Bridges partners met online. The topic was how to create and hold a "
        "space for mothers, and the urgent question was the emergency in Ukraine: how can we "
        "help? Centres from Slovakia, Hungary and Germany shared what worked: a quiet corner, a "
        "translator on the phone, children playing while their mothers talk.": "Am 22. März 2022 "
        "trafen sich die Bridges-Partner online. Thema war, wie man einen Raum für Mütter schafft "
        "und hält, und die dringende Frage war der Notfall in der Ukraine: Wie können wir helfen? "
        "Zentren aus der Slowakei, Ungarn und Deutschland teilten, was funktioniert: eine ruhige "
        "Ecke, eine Übersetzerin am Telefon, Kinder, die spielen, während ihre Mütter reden.",
        "The children did not need a common language. By the second week they were teaching each "
        "other songs.": "Die Kinder brauchten keine gemeinsame Sprache. In der zweiten Woche "
        "brachten sie sich schon gegenseitig Lieder bei.",
        "Our playroom in Žilina, spring 2022": "Unser Spielzimmer in Žilina, Frühjahr 2022",
    },
    "hu": {
        "Our doors stayed open": "Nyitva maradt az ajtónk",
        REFUGE["summary"]: "2022 márciusában az ukrajnai háború elől menekülő anyák érkeztek "
        "Zsolnára. Az MC Nezábudka helyet csinált nekik, a Bridges-hálózat pedig megosztotta, "
        "mi segít.",
        "Zuzana, volunteer at MC Nezábudka": "Zuzana, az MC Nezábudka önkéntese",
        "At the end of February 2022 the first families from Ukraine arrived at Žilina's railway "
        "station: mothers, grandmothers and children, with one bag each.": "2022 február végén "
        "érkeztek az első ukrajnai családok a zsolnai pályaudvarra: anyák, nagymamák és "
        "gyerekek, mindegyikük egy táskával.",
        "Our centre is small. We had a playroom, a kitchen and a lot of volunteers who did not "
        "know what to do first. So we did what mother centres do: we opened the door and put the "
        "kettle on.": "A központunk kicsi. Volt egy játszószobánk, egy konyhánk és sok önkéntesünk, "
        "akik nem tudták, mivel kezdjék. Így azt tettük, amit az anyaközpontok: kinyitottuk az "
        "ajtót, és feltettük a teavizet.",
        "What helped": "Ami segített",
        "On 22 March 2022 the Bridges partners met online. The topic was how to create and hold a "
        "space for mothers, and the urgent question was the emergency in Ukraine: how can we "
        "help? Centres from Slovakia, Hungary and Germany shared what worked: a quiet corner, a "
        "translator on the phone, children playing while their mothers talk.": "2022. március "
        "22-én a Bridges partnerei online találkoztak. A téma az volt, hogyan teremtsünk és "
        "tartsunk fenn teret az anyáknak, a sürgető kérdés pedig az ukrajnai vészhelyzet: hogyan "
        "segíthetünk? Szlovákiai, magyarországi és németországi központok osztották meg, mi vált "
        "be: egy csendes sarok, egy tolmács a telefonban, játszó gyerekek, amíg az anyjuk beszélget.",
        "The children did not need a common language. By the second week they were teaching each "
        "other songs.": "A gyerekeknek nem kellett közös nyelv. A második héten már dalokat "
        "tanítottak egymásnak.",
        "Our playroom in Žilina, spring 2022": "Játszószobánk Zsolnán, 2022 tavaszán",
    },
}


# --- Files made here ---------------------------------------------------------------------------


def make_video(seconds: int = 4, fps: int = 6, size=(480, 300)) -> bytes | None:
    """A tiny H.264 MP4 (a few kB) of demo pictures, encoded by the ffmpeg that imageio-ffmpeg
    ships in its wheel. None if that encoder is unavailable: the demo then goes without video."""
    try:
        import imageio_ffmpeg
        from PIL import Image

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        logger.warning("imageio-ffmpeg is not installed: the demo story has no video.")
        return None
    frames = b"".join(
        Image.open(io.BytesIO(make_picture(seed, size=size))).convert("RGB").tobytes()
        for seed in range(seconds * fps)
    )
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "video.mp4"
        command = [
            ffmpeg, "-loglevel", "error", "-f", "rawvideo", "-pix_fmt", "rgb24",
            "-s", f"{size[0]}x{size[1]}", "-r", str(fps), "-i", "-",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "32", "-movflags", "+faststart",
            str(target),
        ]  # fmt: skip
        result = subprocess.run(command, input=frames, capture_output=True, check=False)
        if result.returncode != 0:
            logger.warning("ffmpeg could not make the demo video: %s", result.stderr[-300:])
            return None
        return target.read_bytes()


def demo_video(title: str, **fields):
    """The demo video with this title, encoded the first time (None without an encoder)."""
    existing = get_media_model().objects.filter(title=title).first()
    if existing is not None:
        return existing
    content = make_video()
    if content is None:
        return None
    return VideoFactory(title=title, file=ContentFile(content, name="demo.mp4"), **fields)


def demo_captions():
    title = "Subtitles: Our playroom in Žilina (English)"
    return get_document_model().objects.filter(title=title).first() or DocumentFactory(
        title=title, file=ContentFile(CAPTIONS_VTT.encode(), name="zilina-playroom.en.vtt")
    )


# --- Building the tree -------------------------------------------------------------------------


def centre(slug: str):
    return CentrePage.objects.filter(slug=slug, locale=Locale.get_default()).first()


def add_story(parent, fields: dict, body: list, image=None, centre_page=None) -> StoryPage:
    """The story with the seed's slug under `parent`, made when missing (an edited one is kept)."""
    return StoryPageFactory(parent=parent, body=body, image=image, centre=centre_page, **fields)


def load(home, **options):
    network = NetworkPage.objects.child_of(home).first()
    index = StoryIndexPage.objects.child_of(home).first()
    if network is None or index is None:
        return "skipped: the home app's index pages are missing"

    recording = demo_recording(
        "Welcome to Mala Ulica (recording)",
        "Maja: Welcome to our open café. Come in, the coffee is ready.",
        seconds=3,
        frequency=392,
    )
    video = demo_video(
        "Our playroom in Žilina (video)",
        duration=4,
        width=480,
        height=300,
        transcript="Children from Žilina and Kharkiv play together in the playroom of MC "
        "Nezábudka, spring 2022. No words are spoken.",
    )
    pictures = {
        "kitchen": demo_image("Open café at Mala Ulica", "Mothers with coffee cups and babies", 10),
        "refuge": demo_image("Playroom in Žilina", "Children playing on a carpet", 11),
        "refuge2": demo_image("Kitchen in Žilina", "Volunteers cooking for many families", 12),
        "danube": demo_image("A new room by the Danube", "Mothers painting a bright room", 13),
        "neuhausen": demo_image("The washing line of lists", "Paper lists on a line", 14),
        "eichenau": demo_image("Play group in Eichenau", "A woman reading to small children", 15),
        "utrecht": demo_image("Three generations reading", "An old man reading to a child", 16),
        "wisdom": demo_image("The Tuesday lunch", "Older women serving soup at a long table", 17),
    }

    kitchen_body = [*KITCHEN_BODY]
    if recording is not None:
        kitchen_body.append(
            ("audio", {"audio": recording, "caption": "Maja welcomes you", "transcript": ""})
        )
    refuge_body = [*REFUGE_BODY]
    refuge_body.insert(
        2,
        (
            "gallery",
            {
                "title": "",
                "images": [
                    {"image": pictures[key], "alt_text": "", "caption": "", "credit": ""}
                    for key in ("refuge", "refuge2")
                ],
            },
        ),
    )
    if video is not None:
        refuge_body.append(
            (
                "video",
                {
                    "video": video,
                    "poster": pictures["refuge"],
                    "caption": "Our playroom in Žilina, spring 2022",
                    "caption_tracks": [
                        {"file": demo_captions(), "language": "en", "label": "English"}
                    ],
                    "transcript": "",
                },
            )
        )

    stories = [
        add_story(
            country_section(network, "slovenia"),
            KITCHEN,
            kitchen_body,
            pictures["kitchen"],
            centre("family-center-mala-ulica"),
        ),
        add_story(
            country_section(network, "slovakia"),
            REFUGE,
            refuge_body,
            pictures["refuge"],
            centre("mc-nezabudka-zilina"),
        ),
        add_story(
            country_section(network, "netherlands"),
            UTRECHT,
            UTRECHT_BODY,
            pictures["utrecht"],
            centre("nest-foundation-3-generatiecentrum-utrecht"),
        ),
        add_story(index, WISDOM, WISDOM_BODY, pictures["wisdom"]),
        add_story(
            country_section(network, "germany", "de"),
            NEUHAUSEN,
            NEUHAUSEN_BODY,
            pictures["neuhausen"],
            centre("mutter-vater-zentrum-neuhausen"),
        ),
        add_story(
            country_section(network, "germany", "de"),
            EICHENAU,
            EICHENAU_BODY,
            pictures["eichenau"],
            centre("familien-und-mutterzentrum-eichenau"),
        ),
        add_story(
            country_section(network, "hungary", "hu"),
            DANUBE,
            DANUBE_BODY,
            pictures["danube"],
            centre("mothernature-anyatermeszet"),
        ),
    ]
    refuge, neuhausen, danube = stories[1], stories[4], stories[6]
    # Translations: the Ukraine story in German and Hungarian, the German and Hungarian stories
    # in English (their country sections exist in English already).
    for language, strings in REFUGE_TRANSLATIONS.items():
        country_section(network, "slovakia", language)
        translate_once(refuge, language, strings)
    translate_once(neuhausen, "en", NEUHAUSEN_ENGLISH)
    translate_once(danube, "en", DANUBE_ENGLISH)

    counts = {
        code: StoryPage.objects.live().filter(locale__language_code=code).count()
        for code in ("en", "de", "hu")
    }
    media = "video and audio" if video and recording else "audio only" if recording else "no media"
    return (
        f"{len(stories)} stories told in {len({s.original_language for s in stories})} "
        f"languages; live: {counts['en']} en, {counts['de']} de, {counts['hu']} hu ({media})"
    )
