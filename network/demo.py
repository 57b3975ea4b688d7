"""Demo content of the network app (called by load_demo_content, after the home app's).

From ../shared/seeds/lets-build-bridges.txt: the nine participant countries and their
organisations, the 2022 meeting calendar (monthly Zoom meetings), the MINE Academy in Budapest
(21–26 September 2022) and the International Mother Centers' Day “Resilience through Care”
(10 October 2022, online, morning and afternoon recordings). The seed names no town for a few
organisations (MC Dupajda, Rodinné centrum Malíček, Síť pro rodinu, Centar za majke Aurora-mine,
Mother Center Alternative): they are placed in a town of their country, and the seed gives no
meeting times (the Zoom meetings are set at 16:00–17:30 Berlin time). Coordinates are
approximate (the town, or the street where the seed gives one).

`--centres N` adds N generated centres through the CSV importer (for load and scale tests).
"""

import datetime
import random
import time
import zoneinfo

import factory
from django.utils import timezone

from cms.core.demo import demo_recording, lazy_demo_image, translate_once
from cms.core.translation import translate_page
from network.centres_csv import import_centres
from network.centres_table import COLUMNS
from network.factories import CentrePageFactory, CountryPageFactory, EventPageFactory
from network.models import CentrePage, CountryPage, EventIndexPage, EventPage, NetworkPage

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
BUDAPEST = zoneinfo.ZoneInfo("Europe/Budapest")

NETWORK_INTRO = (
    "<p>MINE links about 1000 mother centres, family centres and multi-generation centres in "
    "20 countries, and their national networks. Find a centre near you, or see who took part "
    "in “Let’s build bridges” from Slovenia, Slovakia, the Netherlands, Germany, the Czech "
    "Republic, Hungary, Italy, Bulgaria and Serbia.</p>"
)
NETWORK_STRINGS = {
    "de": {
        "MINE links about 1000 mother centres, family centres and multi-generation centres in 20 countries, and their national networks. Find a centre near you, or see who took part in “Let’s build bridges” from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia.": "MINE verbindet rund 1000 Mütterzentren, Familienzentren und Mehrgenerationenhäuser in 20 Ländern und ihre nationalen Netzwerke. Finden Sie ein Zentrum in Ihrer Nähe oder sehen Sie, wer bei „Lasst uns Brücken bauen“ dabei war: aus Slowenien, der Slowakei, den Niederlanden, Deutschland, Tschechien, Ungarn, Italien, Bulgarien und Serbien.",
    },
    "hu": {
        "MINE links about 1000 mother centres, family centres and multi-generation centres in 20 countries, and their national networks. Find a centre near you, or see who took part in “Let’s build bridges” from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia.": "A MINE mintegy 1000 anyaközpontot, családközpontot és többgenerációs központot köt össze 20 országban, a nemzeti hálózataikkal együtt. Keressen egy központot a közelében, vagy nézze meg, kik vettek részt az „Építsünk hidakat” projektben Szlovéniából, Szlovákiából, Hollandiából, Németországból, Csehországból, Magyarországról, Olaszországból, Bulgáriából és Szerbiából.",
    },
}

# The participant countries, typed once: the stories and walks demo content find their country
# sections through country_section(). slug (the contract other apps rely on), English, German,
# Hungarian title, ISO code.
COUNTRIES = [
    ("slovenia", "Slovenia", "Slowenien", "Szlovénia", "SI"),
    ("slovakia", "Slovakia", "Slowakei", "Szlovákia", "SK"),
    ("netherlands", "Netherlands", "Niederlande", "Hollandia", "NL"),
    ("germany", "Germany", "Deutschland", "Németország", "DE"),
    ("czech-republic", "Czech Republic", "Tschechien", "Csehország", "CZ"),
    ("hungary", "Hungary", "Ungarn", "Magyarország", "HU"),
    ("italy", "Italy", "Italien", "Olaszország", "IT"),
    ("bulgaria", "Bulgaria", "Bulgarien", "Bulgária", "BG"),
    ("serbia", "Serbia", "Serbien", "Szerbia", "RS"),
]
NATIONAL_NETWORKS = {
    "slovakia": "Únia materských centier (Union of Mother Centres)",
    "czech-republic": "Síť pro rodinu, z.s.",
    "italy": "Netzwerk der Eltern-Kind-Zentren Südtirols",
}

# The participant organisations of the seed. Slugs of the first four are a contract with the
# stories and walks demo content.
CENTRES = [
    {
        "slug": "family-center-mala-ulica",
        "title": "Family Center Mala Ulica",
        "country": "slovenia",
        "kind": "family_centre",
        "city": "Ljubljana",
        "postcode": "1000",
        "latitude": 46.0569,
        "longitude": 14.5058,
        "languages": ["sl", "en"],
        "summary": "Javni zavod Mala ulica: the public centre for children and families in Ljubljana.",
        "description": "<p>Mala ulica – center za otroke in družine v Ljubljani (the centre for children and families in Ljubljana) is a public institute where parents and children meet, play and learn together, free of charge.</p>",
        "picture": 11,
    },
    {
        "slug": "unia-materskych-centier",
        "title": "Únia materských centier",
        "country": "slovakia",
        "kind": "national_network",
        "city": "Bratislava",
        "latitude": 48.1486,
        "longitude": 17.1077,
        "languages": ["sk"],
        "summary": "The Union of Mother Centres: Slovakia’s national network of mother centres.",
    },
    {
        "slug": "mc-nezabudka-zilina",
        "title": "MC Nezábudka Žilina",
        "country": "slovakia",
        "kind": "mother_centre",
        "city": "Žilina",
        "latitude": 49.2231,
        "longitude": 18.7394,
        "languages": ["sk"],
        "summary": "A mother centre in Žilina, member of the Union of Mother Centres.",
        "picture": 12,
    },
    {
        "slug": "kormidlo",
        "title": "Kormidlo",
        "country": "slovakia",
        "kind": "family_centre",
        "city": "Poltár",
        "latitude": 48.4309,
        "longitude": 19.795,
        "languages": ["sk"],
        "summary": "An organisation for families in the town of Poltár.",
    },
    {
        "slug": "mc-dupajda",
        "title": "MC Dupajda",
        "country": "slovakia",
        "kind": "mother_centre",
        "city": "Bratislava",
        "latitude": 48.1589,
        "longitude": 17.1302,
        "languages": ["sk"],
        "summary": "A mother centre taking part in “Let’s build bridges”.",
    },
    {
        "slug": "nest-foundation-3-generatiecentrum-utrecht",
        "title": "Nest! foundation & 3 Generatiecentrum Utrecht",
        "country": "netherlands",
        "kind": "multi_generation_centre",
        "city": "Utrecht",
        "latitude": 52.0907,
        "longitude": 5.1214,
        "languages": ["nl", "en"],
        "summary": "A centre where three generations meet, in Utrecht.",
    },
    {
        "slug": "familien-und-mutterzentrum-eichenau",
        "title": "Familien- und Mütterzentrum Eichenau",
        "country": "germany",
        "kind": "family_centre",
        "city": "Eichenau",
        "postcode": "82223",
        "latitude": 48.1674,
        "longitude": 11.3094,
        "languages": ["de"],
        "summary": "The family and mother centre of Eichenau, west of Munich.",
    },
    {
        "slug": "miz-miteinander-im-zentrum",
        "title": "MIZ Miteinander im Zentrum e. V.",
        "country": "germany",
        "kind": "family_centre",
        "city": "Aschaffenburg",
        "latitude": 49.9737,
        "longitude": 9.1492,
        "languages": ["de"],
        "summary": "“Together in the centre”: a meeting place for families in Aschaffenburg.",
    },
    {
        "slug": "mutter-vater-zentrum-neuhausen",
        "title": "Mütter-Väter-Zentrum Neuhausen e. V.",
        "country": "germany",
        "kind": "mother_centre",
        "street_address": "Landshuter Allee 37",
        "postcode": "80637",
        "city": "München",
        "latitude": 48.1562,
        "longitude": 11.5377,
        "languages": ["de", "en"],
        "opening_hours": "Mon–Fri 9:00–12:00\nTue and Thu 15:00–18:00",
        "summary": "The mothers’ and fathers’ centre of Munich-Neuhausen.",
        "description": "<p>An open café for parents with small children, courses and childcare on a drop-in basis, run by the parents themselves.</p>",
        "picture": 13,
    },
    {
        "slug": "sit-pro-rodinu",
        "title": "Síť pro rodinu, z.s.",
        "country": "czech-republic",
        "kind": "national_network",
        "city": "Brno",
        "latitude": 49.1951,
        "longitude": 16.6068,
        "languages": ["cs"],
        "summary": "“Network for the family”: a Czech network of family and mother centres.",
    },
    {
        "slug": "rodinne-centrum-malicek",
        "title": "Rodinné centrum Malíček",
        "country": "czech-republic",
        "kind": "family_centre",
        "city": "Praha",
        "latitude": 50.0755,
        "longitude": 14.4378,
        "languages": ["cs"],
        "summary": "A family centre taking part in “Let’s build bridges”.",
    },
    {
        "slug": "mothernature-anyatermeszet",
        "title": "MotherNature-Anyatermészet",
        "country": "hungary",
        "kind": "mother_centre",
        "city": "Budapest",
        "latitude": 47.4979,
        "longitude": 19.0402,
        "languages": ["hu", "en"],
        "summary": "The association MotherNature (Anyatermészet Egyesület) in Hungary.",
        "picture": 14,
    },
    {
        "slug": "society-of-holdam",
        "title": "Society of Holdam",
        "country": "hungary",
        "kind": "mother_centre",
        "city": "Miskolc",
        "latitude": 48.1035,
        "longitude": 20.7784,
        "languages": ["hu"],
        "summary": "A society for mothers and families in Miskolc.",
    },
    {
        "slug": "netzwerk-der-eltern-kind-zentren-sudtirols",
        "title": "Netzwerk der Eltern-Kind-Zentren Südtirols",
        "country": "italy",
        "kind": "umbrella_organisation",
        "city": "Bozen",
        "latitude": 46.4983,
        "longitude": 11.3548,
        "languages": ["de", "it"],
        "summary": "The network of parent-and-child centres (ELKI) of South Tyrol.",
    },
    {
        "slug": "maychin-tsentar-isperih",
        "title": "Maychin Tsentar – Isperih",
        "country": "bulgaria",
        "kind": "mother_centre",
        "city": "Isperih",
        "latitude": 43.7181,
        "longitude": 26.8297,
        "languages": ["bg", "tr"],
        "summary": "The mother centre (Майчин център) of Isperih.",
    },
    {
        "slug": "centar-za-majke-aurora-mine",
        "title": "Centar za majke Aurora-mine",
        "country": "serbia",
        "kind": "mother_centre",
        "city": "Beograd",
        "latitude": 44.8125,
        "longitude": 20.4612,
        "languages": ["sr"],
        "summary": "“Aurora”, a centre for mothers.",
    },
    {
        "slug": "association-mother-center-alternative",
        "title": "Association Mother Center Alternative",
        "country": "serbia",
        "kind": "mother_centre",
        "city": "Novi Sad",
        "latitude": 45.2671,
        "longitude": 19.8335,
        "languages": ["sr"],
        "summary": "A mother centre association taking part in “Let’s build bridges”.",
    },
]

COUNTRY_SUMMARY = "Mother and family centres in {}."
COUNTRY_SUMMARIES = {
    "de": "Mütter- und Familienzentren in {}.",
    "hu": "{} anya- és családközpontjai.",
}


def _at(day: str, clock: str, zone=BERLIN) -> datetime.datetime:
    return datetime.datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=zone)


def _agenda(*topics) -> list:
    items = []
    for topic in topics:
        clock, _, text = topic.partition("|") if "|" in topic else ("", "", topic)
        items.append(("item", {"time": clock, "topic": text, "details": ""}))
    return items


ZOOM_DETAILS = "We meet online on Zoom with the participants of Bridges."


def _meeting(day: str, slug: str, title: str, *topics) -> dict:
    return {
        "slug": slug,
        "title": title,
        "kind": "network_meeting",
        "start": _at(day, "16:00"),
        "end": _at(day, "17:30"),
        "attendance": "online",
        "summary": ZOOM_DETAILS,
        "agenda": _agenda(*topics) if topics else [],
    }


MEETINGS_2022 = [
    _meeting(
        "2022-01-17",
        "network-meeting-january-2022",
        "Network meeting: project summary and wisdom keepers",
        "Project summary",
        "Find your “Wisdom Keepers” in your organisation",
    ),
    _meeting(
        "2022-02-22",
        "network-meeting-february-2022",
        "Network meeting: people",
        "People: who is around your organisation? Target group, participants and volunteers",
        "Challenges and solutions",
    ),
    _meeting(
        "2022-03-22",
        "network-meeting-march-2022",
        "Network meeting: space",
        "Space: create and hold a space for mothers. How to set up your space?",
        "Urgent topic: the emergency in Ukraine – how you can help",
    ),
    _meeting("2022-04-19", "network-meeting-april-2022", "Network meeting (April 2022)"),
    _meeting("2022-05-17", "network-meeting-may-2022", "Network meeting (May 2022)"),
    _meeting("2022-06-21", "network-meeting-june-2022", "Network meeting (June 2022)"),
    _meeting("2022-08-23", "network-meeting-august-2022", "Network meeting (August 2022)"),
    _meeting(
        "2022-09-13",
        "preparing-the-mine-academy",
        "Preparing the MINE Academy",
        "Preparation of the MINE Academy in Budapest",
    ),
    _meeting("2022-10-25", "network-meeting-october-2022", "Network meeting (October 2022)"),
    _meeting(
        "2022-11-22",
        "network-meeting-november-2022",
        "Network meeting: dissemination, closing and evaluation",
        "Dissemination",
        "Closing of the project",
        "Evaluation",
    ),
]

ACADEMY = {
    "slug": "mine-academy-budapest-2022",
    "title": "MINE Academy in Budapest",
    "kind": "mine_academy",
    "start": _at("2022-09-21", "09:00", BUDAPEST),
    "end": _at("2022-09-26", "13:00", BUDAPEST),
    "time_zone": "Europe/Budapest",
    "attendance": "in_person",
    "venue_city": "Budapest",
    "venue_country": "Hungary",
    "summary": "A week of shared learning in Budapest for organisations from nine countries.",
    "description": "<p>The MINE Academy continues the exchange of knowledge in the network, in person and with webinars, in the Danube region and internationally. It was moved to September 2022.</p>",
    "agenda": _agenda(
        "Peer learning between mother centres of nine countries",
        "Digital competence: webinars, storytelling and virtual walks",
        "Tell your story: care work made visible",
    ),
    "picture": 21,
}

MOTHER_CENTERS_DAY = {
    "slug": "resilience-through-care",
    "title": "International Mother Centers’ Day: Resilience through Care",
    "kind": "mother_centers_day",
    "start": _at("2022-10-10", "10:00"),
    "end": _at("2022-10-10", "17:00"),
    "attendance": "online",
    "registration_type": "built_in",
    "summary": "An online event celebrating the International Mother Centers’ Day on resilience through care. Watch the recordings of the morning and afternoon sessions.",
    "description": "<p>Registration was open to any interested participants.</p>",
    "agenda": _agenda(
        "10:00|Morning session: what makes the success and uniqueness of the mother centres?",
        "15:00|Afternoon session: how can mother centres contribute to a more resilient and prosperous development by supporting mothers and families at local, regional and worldwide levels?",
    ),
    "picture": 22,
}

EVENT_STRINGS = {
    "de": {
        "Network meeting: project summary and wisdom keepers": "Netzwerktreffen: Projektzusammenfassung und Wissenshüterinnen",
        "Network meeting: people": "Netzwerktreffen: Menschen",
        "Network meeting: space": "Netzwerktreffen: Raum",
        "Network meeting (April 2022)": "Netzwerktreffen (April 2022)",
        "Network meeting (May 2022)": "Netzwerktreffen (Mai 2022)",
        "Network meeting (June 2022)": "Netzwerktreffen (Juni 2022)",
        "Network meeting (August 2022)": "Netzwerktreffen (August 2022)",
        "Network meeting (October 2022)": "Netzwerktreffen (Oktober 2022)",
        "Preparing the MINE Academy": "Vorbereitung der MINE Academy",
        "Network meeting: dissemination, closing and evaluation": "Netzwerktreffen: Verbreitung, Abschluss und Auswertung",
        ZOOM_DETAILS: "Wir treffen uns online auf Zoom mit den Teilnehmenden von Bridges.",
        "Project summary": "Zusammenfassung des Projekts",
        "Find your “Wisdom Keepers” in your organisation": "Finden Sie die „Wissenshüterinnen“ in Ihrer Organisation",
        "People: who is around your organisation? Target group, participants and volunteers": "Menschen: Wer ist rund um Ihre Organisation? Zielgruppe, Teilnehmende und Ehrenamtliche",
        "Challenges and solutions": "Herausforderungen und Lösungen",
        "Space: create and hold a space for mothers. How to set up your space?": "Raum: einen Raum für Mütter schaffen und halten. Wie richten Sie Ihren Raum ein?",
        "Urgent topic: the emergency in Ukraine – how you can help": "Dringendes Thema: der Notstand in der Ukraine – wie Sie helfen können",
        "Preparation of the MINE Academy in Budapest": "Vorbereitung der MINE Academy in Budapest",
        "Dissemination": "Verbreitung",
        "Closing of the project": "Abschluss des Projekts",
        "Evaluation": "Auswertung",
        "MINE Academy in Budapest": "MINE Academy in Budapest",
        "A week of shared learning in Budapest for organisations from nine countries.": "Eine Woche gemeinsamen Lernens in Budapest für Organisationen aus neun Ländern.",
        "Hungary": "Ungarn",
        "International Mother Centers’ Day: Resilience through Care": "Internationaler Tag der Mütterzentren: Resilienz durch Sorge",
        "An online event celebrating the International Mother Centers’ Day on resilience through care. Watch the recordings of the morning and afternoon sessions.": "Eine Online-Veranstaltung zum Internationalen Tag der Mütterzentren über Resilienz durch Sorge. Sehen Sie die Aufzeichnungen der Vormittags- und Nachmittagssitzung.",
        "MINE network meeting on Zoom": "MINE-Netzwerktreffen auf Zoom",
        "The monthly meeting of the network: news from the centres, and what comes next. Register to receive the link.": "Das monatliche Treffen des Netzwerks: Neues aus den Zentren und was als Nächstes kommt. Melden Sie sich an, um den Link zu erhalten.",
    },
    "hu": {
        "Network meeting: project summary and wisdom keepers": "Hálózati találkozó: a projekt összefoglalása és a tudás őrzői",
        "Network meeting: people": "Hálózati találkozó: emberek",
        "Network meeting: space": "Hálózati találkozó: tér",
        "Network meeting (April 2022)": "Hálózati találkozó (2022. április)",
        "Network meeting (May 2022)": "Hálózati találkozó (2022. május)",
        "Network meeting (June 2022)": "Hálózati találkozó (2022. június)",
        "Network meeting (August 2022)": "Hálózati találkozó (2022. augusztus)",
        "Network meeting (October 2022)": "Hálózati találkozó (2022. október)",
        "Preparing the MINE Academy": "A MINE Akadémia előkészítése",
        "Network meeting: dissemination, closing and evaluation": "Hálózati találkozó: terjesztés, zárás és értékelés",
        ZOOM_DETAILS: "Online találkozunk a Zoomon a Bridges résztvevőivel.",
        "Project summary": "A projekt összefoglalása",
        "Find your “Wisdom Keepers” in your organisation": "Találja meg szervezetében a „tudás őrzőit”",
        "People: who is around your organisation? Target group, participants and volunteers": "Emberek: kik vannak a szervezete körül? Célcsoport, résztvevők és önkéntesek",
        "Challenges and solutions": "Kihívások és megoldások",
        "Space: create and hold a space for mothers. How to set up your space?": "Tér: teret teremteni és megtartani az anyáknak. Hogyan rendezze be a terét?",
        "Urgent topic: the emergency in Ukraine – how you can help": "Sürgős téma: a vészhelyzet Ukrajnában – hogyan segíthet",
        "Preparation of the MINE Academy in Budapest": "A budapesti MINE Akadémia előkészítése",
        "Dissemination": "Terjesztés",
        "Closing of the project": "A projekt zárása",
        "Evaluation": "Értékelés",
        "MINE Academy in Budapest": "MINE Akadémia Budapesten",
        "A week of shared learning in Budapest for organisations from nine countries.": "Egy hét közös tanulás Budapesten kilenc ország szervezeteinek.",
        "Hungary": "Magyarország",
        "International Mother Centers’ Day: Resilience through Care": "Az Anyaközpontok Nemzetközi Napja: Reziliencia a gondoskodás által",
        "An online event celebrating the International Mother Centers’ Day on resilience through care. Watch the recordings of the morning and afternoon sessions.": "Online rendezvény az Anyaközpontok Nemzetközi Napja alkalmából a gondoskodás általi rezilienciáról. Nézze meg a délelőtti és a délutáni ülés felvételeit.",
        "MINE network meeting on Zoom": "MINE hálózati találkozó a Zoomon",
        "The monthly meeting of the network: news from the centres, and what comes next. Register to receive the link.": "A hálózat havi találkozója: hírek a központokból, és ami ezután jön. Regisztráljon, hogy megkapja a linket.",
    },
}


def _next_meeting_day() -> datetime.date:
    """The third Tuesday of next month: the rhythm of the network's Zoom meetings."""
    today = timezone.localdate()
    first = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    first_tuesday = first + datetime.timedelta(days=(1 - first.weekday()) % 7)
    return first_tuesday + datetime.timedelta(weeks=2)


def _upcoming_meeting() -> dict:
    day = _next_meeting_day().isoformat()
    return {
        "slug": "mine-network-meeting",
        "title": "MINE network meeting on Zoom",
        "kind": "network_meeting",
        "start": _at(day, "16:00"),
        "end": _at(day, "17:30"),
        "attendance": "online",
        "registration_type": "built_in",
        "capacity": 100,
        "join_url": "https://meet.example.org/mine-network-meeting",
        "join_details": "Demo meeting: the link above is an example.",
        "summary": "The monthly meeting of the network: news from the centres, and what comes next. Register to receive the link.",
    }


def country_section(network: NetworkPage, slug: str, language: str = "en") -> CountryPage:
    """The country's section in that language, made (and translated) from COUNTRIES when missing."""
    title, title_de, title_hu, code = next(c[1:] for c in COUNTRIES if c[0] == slug)
    country = CountryPageFactory(
        parent=network,
        slug=slug,
        title=title,
        country_code=code,
        summary=COUNTRY_SUMMARY.format(title),
        contact_organisation=NATIONAL_NETWORKS.get(slug, ""),
    )
    if language == "en":
        return country
    translated = {"de": title_de, "hu": title_hu}[language]
    summary = COUNTRY_SUMMARIES[language].format(translated)
    return translate_once(
        country, language, {title: translated, COUNTRY_SUMMARY.format(title): summary}
    )


def _recordings() -> list:
    """The two recordings of International Mother Centers' Day."""
    return [
        (
            "audio",
            {
                "audio": demo_recording(
                    f"Resilience through Care: {session} session",
                    f"Resilience through Care, {session} session: a short demo sound "
                    "standing in for the recording of the session.",
                    seconds=3,
                    frequency=frequency,
                ),
                "caption": f"{session.capitalize()} session",
                "transcript": "",
            },
        )
        for session, frequency in (("morning", 330), ("afternoon", 392))
    ]


def load(home, **options):
    network = home.get_children().type(NetworkPage).first()
    events_index = home.get_children().type(EventIndexPage).first()
    if network is None or events_index is None:
        return "skipped: the home app's demo content creates the network and events pages"
    network = network.specific
    if not network.intro:
        network.intro = NETWORK_INTRO
        network.save_revision().publish()
        # The home app translated the page before it had an introduction: bring it up to date.
        for language, strings in NETWORK_STRINGS.items():
            translate_page(network, language, strings)

    countries = {}
    for slug, *_titles in COUNTRIES:
        countries[slug] = country_section(network, slug)
        for language in COUNTRY_SUMMARIES:
            country_section(network, slug, language)

    centres_before = CentrePage.objects.filter(locale=home.locale).count()
    for data in CENTRES:
        data = dict(data)
        country = countries[data.pop("country")]
        picture = data.pop("picture", None)
        if picture is not None:
            data["image"] = lazy_demo_image(
                f"{data['title']} (illustration)",
                f"An illustration for {data['title']}: people meeting at the centre",
                picture,
            )
        CentrePageFactory(parent=country, **data)
    centres_created = CentrePage.objects.filter(locale=home.locale).count() - centres_before

    events = [*MEETINGS_2022, ACADEMY, MOTHER_CENTERS_DAY, _upcoming_meeting()]
    events_before = EventPage.objects.filter(locale=home.locale).count()
    for data in events:
        data = dict(data)
        picture = data.pop("picture", None)
        if picture is not None:
            data["image"] = lazy_demo_image(
                f"{data['title']} (illustration)",
                "An illustration: women from many countries meeting around a table",
                picture,
            )
        if data["slug"] == MOTHER_CENTERS_DAY["slug"]:
            data["recordings"] = factory.LazyFunction(_recordings)
        event = EventPageFactory(parent=events_index, **data)
        for language, strings in EVENT_STRINGS.items():
            translate_once(event, language, strings)
    events_created = EventPage.objects.filter(locale=home.locale).count() - events_before

    summary = (
        f"{len(countries)} countries and {len(CENTRES)} centres ({centres_created} new), "
        f"{len(events)} events ({events_created} new), translated into de and hu"
    )
    if options.get("centres"):
        started = time.perf_counter()
        report = import_centres(generated_centres_csv(options["centres"]))
        summary += (
            f"; {report.count('created')} generated centres imported "
            f"({report.count('unchanged')} already there) in {time.perf_counter() - started:.1f} s"
        )
    return summary


# -- generated centres for load tests ---------------------------------------------------------

TOWNS = {
    "DE": [
        ("München", 48.137, 11.575),
        ("Berlin", 52.520, 13.405),
        ("Hamburg", 53.551, 9.993),
        ("Stuttgart", 48.776, 9.183),
        ("Köln", 50.938, 6.960),
        ("Frankfurt am Main", 50.110, 8.682),
        ("Nürnberg", 49.452, 11.077),
        ("Leipzig", 51.340, 12.375),
        ("Freiburg im Breisgau", 47.999, 7.842),
        ("Augsburg", 48.366, 10.898),
        ("Regensburg", 49.013, 12.102),
        ("Ulm", 48.401, 9.987),
    ],
    "SK": [
        ("Bratislava", 48.149, 17.107),
        ("Košice", 48.716, 21.261),
        ("Žilina", 49.223, 18.739),
        ("Banská Bystrica", 48.736, 19.146),
        ("Nitra", 48.306, 18.086),
        ("Prešov", 48.998, 21.233),
        ("Trnava", 48.377, 17.588),
        ("Martin", 49.066, 18.923),
    ],
    "CZ": [
        ("Praha", 50.075, 14.438),
        ("Brno", 49.195, 16.607),
        ("Ostrava", 49.820, 18.262),
        ("Plzeň", 49.738, 13.373),
        ("Olomouc", 49.594, 17.251),
        ("Liberec", 50.767, 15.056),
        ("České Budějovice", 48.975, 14.474),
    ],
    "HU": [
        ("Budapest", 47.498, 19.040),
        ("Debrecen", 47.531, 21.627),
        ("Szeged", 46.253, 20.141),
        ("Miskolc", 48.104, 20.778),
        ("Pécs", 46.072, 18.233),
        ("Győr", 47.687, 17.650),
    ],
    "NL": [
        ("Amsterdam", 52.370, 4.895),
        ("Utrecht", 52.091, 5.121),
        ("Rotterdam", 51.924, 4.478),
        ("Den Haag", 52.070, 4.300),
        ("Eindhoven", 51.441, 5.470),
        ("Groningen", 53.219, 6.567),
    ],
    "SI": [
        ("Ljubljana", 46.057, 14.506),
        ("Maribor", 46.554, 15.646),
        ("Celje", 46.236, 15.268),
        ("Kranj", 46.239, 14.356),
        ("Koper", 45.548, 13.730),
    ],
    "IT": [
        ("Bozen", 46.498, 11.354),
        ("Meran", 46.670, 11.160),
        ("Brixen", 46.715, 11.656),
        ("Bruneck", 46.796, 11.938),
        ("Trento", 46.075, 11.121),
    ],
    "BG": [
        ("Sofia", 42.698, 23.322),
        ("Plovdiv", 42.135, 24.745),
        ("Varna", 43.214, 27.914),
        ("Razgrad", 43.526, 26.524),
        ("Isperih", 43.718, 26.830),
        ("Ruse", 43.836, 25.965),
    ],
    "RS": [
        ("Beograd", 44.787, 20.457),
        ("Novi Sad", 45.267, 19.833),
        ("Niš", 43.320, 21.896),
        ("Kragujevac", 44.012, 20.911),
        ("Subotica", 46.100, 19.667),
    ],
}
SHARE = {"DE": 35, "SK": 15, "CZ": 15, "HU": 8, "NL": 8, "IT": 6, "SI": 5, "BG": 5, "RS": 3}
LOCAL_NAME = {
    "DE": ("Mütterzentrum {}", "Familienzentrum {}", "Mehrgenerationenhaus {}"),
    "SK": ("Materské centrum {}", "Rodinné centrum {}"),
    "CZ": ("Mateřské centrum {}", "Rodinné centrum {}"),
    "HU": ("{} Anyaközpont", "{} Családközpont"),
    "NL": ("Moedercentrum {}", "Familiecentrum {}"),
    "SI": ("Materinski center {}", "Družinski center {}"),
    "IT": ("Eltern-Kind-Zentrum {}", "Centro genitori-bambini {}"),
    "BG": ("Майчин център {}", "Семеен център {}"),
    "RS": ("Centar za majke {}", "Porodični centar {}"),
}
LANGUAGE_OF = {
    "DE": "de",
    "SK": "sk",
    "CZ": "cs",
    "HU": "hu",
    "NL": "nl",
    "SI": "sl",
    "IT": "it de",
    "BG": "bg",
    "RS": "sr",
}
KIND_OF_NAME = ["mother_centre", "family_centre", "multi_generation_centre"]


def generated_centres_csv(count: int) -> str:
    """`count` plausible centres in the nine countries, the same every time (keys gen-00001...)."""
    import csv
    import io

    rng = random.Random(2022)
    codes = [code for code, share in SHARE.items() for _ in range(share)]
    used: dict[str, int] = {}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for number in range(1, count + 1):
        code = codes[number % len(codes)]
        town, lat, lng = rng.choice(TOWNS[code])
        pattern_index = rng.randrange(len(LOCAL_NAME[code]))
        name = LOCAL_NAME[code][pattern_index].format(town)
        used[name] = used.get(name, 0) + 1
        if used[name] > 1:
            name = f"{name} {used[name]}"
        writer.writerow(
            {
                "key": f"gen-{number:05d}",
                "name": name,
                "kind": KIND_OF_NAME[min(pattern_index, 2)],
                "country": code,
                "city": town,
                "latitude": f"{lat + rng.uniform(-0.06, 0.06):.5f}",
                "longitude": f"{lng + rng.uniform(-0.09, 0.09):.5f}",
                "languages": LANGUAGE_OF[code],
                "member_since": str(rng.randint(1985, 2022)),
                "summary": "A generated centre for load tests.",
            }
        )
    return out.getvalue()
