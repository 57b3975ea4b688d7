"""Demo content of the walks app (called by load_demo_content, after the network's and the stories').

Two walks from the seeds: through Family Center Mala Ulica in Ljubljana, and the MINE Academy in
Budapest (21–26 September 2022), in English with German and Hungarian translations. Every photo,
360° photo and recording is made on this machine.
"""

import factory

from cms.core.demo import demo_image, demo_recording, lazy_demo_image, translate_once
from cms.core.factories import ImageFactory
from network.demo import country_section
from network.models import CentrePage, NetworkPage

from .factories import PanoramaImageFactory, WalkPageFactory, medium, stop

CREDIT = "Illustration: Bridges demo"


def _image(title: str, description: str, seed: int, panorama: bool = False):
    image_factory = PanoramaImageFactory if panorama else ImageFactory
    return demo_image(title, description, seed, credit=CREDIT, factory=image_factory)


def _stops(stops: list[dict]) -> list[dict]:
    """The raw stop values of a walk's seed data, its pictures and recordings made (once)."""
    values = []
    for data in stops:
        kind, title, text, *seed = data["medium"]
        if kind == "audio":
            item = demo_recording(title, text)
        else:
            item = _image(title, text, *seed, panorama=kind == "panorama")
        values.append(
            stop(
                data["title"],
                *data["location"],
                medium(
                    kind,
                    item,
                    caption=data["caption"],
                    transcript=text if kind == "audio" else "",
                ),
                place_name=data["place_name"],
                narration=data["narration"],
                extra_photos=[_image(*photo) for photo in data.get("extra_photos", ())],
            )
        )
    return values


def _country(network, slug: str):
    """The country section from the network's demo, in English, German and Hungarian."""
    for language in ("de", "hu"):
        country_section(network, slug, language)
    return country_section(network, slug)


# --- Ljubljana -------------------------------------------------------------------------------

MALA_ULICA_INTRO = (
    "<p>Mala ulica, “the little street”, is a public centre for children and families in the middle "
    "of Ljubljana. Families come in from the street as they would into a town square: to play, "
    "to meet, to rest.</p>"
    "<p>Walk with us from the centre's door to the places around it that families use every day.</p>"
)
MALA_ULICA_SUMMARY = (
    "Six stops through a family centre in the heart of Ljubljana and the streets around it."
)

# Each stop: its title, where it is (latitude, longitude; the place's name), its main medium
# (kind, title, what the picture shows or what the recording says, the picture's seed), the
# medium's caption, the narration, and any extra photos (title, what it shows, seed).
MALA_ULICA_STOPS = [
    {
        "title": "The open door",
        "location": (46.05236, 14.50166),
        "place_name": "Prešernova cesta 1a, Ljubljana",
        "medium": (
            "photo",
            "Mala Ulica: the door",
            "The open door of the family centre on a sunny morning",
            11,
        ),
        "caption": "The door of Mala ulica is open to every family.",
        "narration": "<p>Mala ulica opens onto the street like a shop: anyone with a child can walk in. There is no fee and no appointment.</p>",
    },
    {
        "title": "The indoor street",
        "location": (46.05241, 14.50172),
        "place_name": "Mala ulica, ground floor",
        "medium": (
            "panorama",
            "Mala Ulica: the indoor street",
            "The centre's indoor street with little houses for play, seen all around",
            12,
        ),
        "caption": "Look around the indoor street.",
        "narration": "<p>Inside, a little street with houses, a café and a square: children play while their parents talk. Drag the photo to look around.</p>",
    },
    {
        "title": "A welcome from the team",
        "location": (46.05239, 14.5016),
        "place_name": "Mala ulica, the café",
        "medium": (
            "audio",
            "Mala Ulica: welcome",
            "Welcome to Mala ulica. Here families meet every day: mothers, fathers, grandparents and the little ones. Come in, nobody needs an appointment.",
        ),
        "caption": "A member of the team welcomes you.",
        "narration": "<p>Listen to how the team welcomes families who come for the first time.</p>",
    },
    {
        "title": "Congress Square",
        "location": (46.05004, 14.50413),
        "place_name": "Kongresni trg",
        "medium": (
            "photo",
            "Ljubljana: Congress Square",
            "Children running across Congress Square",
            13,
        ),
        "caption": "Congress Square and the park of Zvezda.",
        "narration": "<p>Two minutes away, the trees of Zvezda park give shade in summer. Many families stop here on the way to the centre.</p>",
    },
    {
        "title": "The Triple Bridge",
        "location": (46.05106, 14.5062),
        "place_name": "Tromostovje",
        "medium": (
            "photo",
            "Ljubljana: Triple Bridge",
            "Parents with prams crossing the Triple Bridge",
            14,
        ),
        "caption": "Crossing the Ljubljanica.",
        "narration": "<p>The Triple Bridge joins the old town to the new. With a pram, take the middle bridge: it has no steps.</p>",
    },
    {
        "title": "The Central Market",
        "location": (46.05138, 14.50888),
        "place_name": "Vodnikov trg",
        "medium": (
            "photo",
            "Ljubljana: Central Market",
            "Stalls with fruit at the Central Market",
            15,
        ),
        "caption": "Fruit and vegetables from the farms around Ljubljana.",
        "narration": "<p>On market days the centre's families shop together and share recipes from the many countries they come from.</p>",
        "extra_photos": [
            ("Ljubljana: market stall", "A mother buying apples with her son", 16),
            ("Ljubljana: market café", "Two mothers talking over coffee", 17),
        ],
    },
    {
        "title": "Tivoli Park",
        "location": (46.0551, 14.4966),
        "place_name": "Park Tivoli",
        "medium": (
            "audio",
            "Tivoli Park: the playground",
            "Birds and children: a morning at the Tivoli playground, where the centre's families meet when the weather is fine.",
        ),
        "caption": "A morning at the playground.",
        "narration": "<p>When the sun is out, the walk ends in Tivoli Park, the city's big garden, at the playground under the chestnut trees.</p>",
    },
]


MALA_ULICA_DE = {
    "A walk through Family Center Mala Ulica": "Ein Rundgang durch das Familienzentrum Mala Ulica",
    MALA_ULICA_SUMMARY: "Sechs Stationen durch ein Familienzentrum im Herzen von Ljubljana und die Straßen ringsum.",
    "Mala ulica, “the little street”, is a public centre for children and families in the middle of Ljubljana. Families come in from the street as they would into a town square: to play, to meet, to rest.": "Mala ulica, „die kleine Straße“, ist ein öffentliches Zentrum für Kinder und Familien mitten in Ljubljana. Familien kommen von der Straße herein wie auf einen Marktplatz: zum Spielen, zum Treffen, zum Ausruhen.",
    "Walk with us from the centre's door to the places around it that families use every day.": "Gehen Sie mit uns von der Tür des Zentrums zu den Orten ringsum, die Familien jeden Tag nutzen.",
    "The open door": "Die offene Tür",
    "The door of Mala ulica is open to every family.": "Die Tür von Mala ulica steht jeder Familie offen.",
    "Mala ulica opens onto the street like a shop: anyone with a child can walk in. There is no fee and no appointment.": "Mala ulica öffnet sich zur Straße wie ein Laden: Wer ein Kind dabeihat, kann hereinkommen. Es kostet nichts, und niemand braucht einen Termin.",
    "The indoor street": "Die Straße drinnen",
    "Look around the indoor street.": "Schauen Sie sich in der Straße drinnen um.",
    "Mala ulica, ground floor": "Mala ulica, Erdgeschoss",
    "Inside, a little street with houses, a café and a square: children play while their parents talk. Drag the photo to look around.": "Drinnen eine kleine Straße mit Häusern, einem Café und einem Platz: Die Kinder spielen, während die Eltern sich unterhalten. Ziehen Sie am Foto, um sich umzusehen.",
    "A welcome from the team": "Ein Willkommen vom Team",
    "A member of the team welcomes you.": "Eine Mitarbeiterin heißt Sie willkommen.",
    "Mala ulica, the café": "Mala ulica, das Café",
    "Listen to how the team welcomes families who come for the first time.": "Hören Sie, wie das Team Familien begrüßt, die zum ersten Mal kommen.",
    "Congress Square": "Kongressplatz",
    "Congress Square and the park of Zvezda.": "Der Kongressplatz und der Park Zvezda.",
    "Two minutes away, the trees of Zvezda park give shade in summer. Many families stop here on the way to the centre.": "Zwei Minuten entfernt spenden die Bäume des Parks Zvezda im Sommer Schatten. Viele Familien machen hier auf dem Weg zum Zentrum Halt.",
    "The Triple Bridge": "Die Drei Brücken",
    "Crossing the Ljubljanica.": "Über die Ljubljanica.",
    "The Triple Bridge joins the old town to the new. With a pram, take the middle bridge: it has no steps.": "Die Drei Brücken verbinden die Altstadt mit der Neustadt. Mit dem Kinderwagen nehmen Sie die mittlere Brücke: Sie hat keine Stufen.",
    "The Central Market": "Der Zentralmarkt",
    "Fruit and vegetables from the farms around Ljubljana.": "Obst und Gemüse von den Höfen rund um Ljubljana.",
    "On market days the centre's families shop together and share recipes from the many countries they come from.": "An Markttagen kaufen die Familien des Zentrums gemeinsam ein und tauschen Rezepte aus den vielen Ländern, aus denen sie kommen.",
    "Tivoli Park": "Tivoli-Park",
    "A morning at the playground.": "Ein Vormittag auf dem Spielplatz.",
    "When the sun is out, the walk ends in Tivoli Park, the city's big garden, at the playground under the chestnut trees.": "Wenn die Sonne scheint, endet der Rundgang im Tivoli-Park, dem großen Garten der Stadt, am Spielplatz unter den Kastanien.",
}
MALA_ULICA_HU = {
    "A walk through Family Center Mala Ulica": "Séta a Mala Ulica Családi Központban",
    MALA_ULICA_SUMMARY: "Hat állomás egy családi központban Ljubljana szívében és a környező utcákon.",
    "Mala ulica, “the little street”, is a public centre for children and families in the middle of Ljubljana. Families come in from the street as they would into a town square: to play, to meet, to rest.": "A Mala ulica, „a kis utca”, gyermekek és családok nyilvános központja Ljubljana közepén. A családok úgy térnek be az utcáról, mint egy főtérre: játszani, találkozni, pihenni.",
    "Walk with us from the centre's door to the places around it that families use every day.": "Sétáljon velünk a központ ajtajától a környék helyeiig, ahová a családok nap mint nap járnak.",
    "The open door": "A nyitott ajtó",
    "The door of Mala ulica is open to every family.": "A Mala ulica ajtaja minden család előtt nyitva áll.",
    "Mala ulica opens onto the street like a shop: anyone with a child can walk in. There is no fee and no appointment.": "A Mala ulica úgy nyílik az utcára, mint egy bolt: bárki betérhet, aki gyermekkel jön. Nincs díj, és nem kell előre bejelentkezni.",
    "The indoor street": "A belső utca",
    "Look around the indoor street.": "Nézzen körül a belső utcában.",
    "Mala ulica, ground floor": "Mala ulica, földszint",
    "Inside, a little street with houses, a café and a square: children play while their parents talk. Drag the photo to look around.": "Bent egy kis utca házakkal, kávézóval és térrel: a gyerekek játszanak, a szülők beszélgetnek. Húzza a fényképet, hogy körülnézzen.",
    "A welcome from the team": "A csapat köszöntése",
    "A member of the team welcomes you.": "A csapat egyik tagja köszönti Önt.",
    "Mala ulica, the café": "Mala ulica, a kávézó",
    "Listen to how the team welcomes families who come for the first time.": "Hallgassa meg, hogyan fogadja a csapat az először érkező családokat.",
    "Congress Square": "Kongresszusi tér",
    "Congress Square and the park of Zvezda.": "A Kongresszusi tér és a Zvezda park.",
    "Two minutes away, the trees of Zvezda park give shade in summer. Many families stop here on the way to the centre.": "Két percre innen a Zvezda park fái nyáron árnyékot adnak. Sok család itt áll meg a központ felé menet.",
    "The Triple Bridge": "A Hármas híd",
    "Crossing the Ljubljanica.": "Át a Ljubljanicán.",
    "The Triple Bridge joins the old town to the new. With a pram, take the middle bridge: it has no steps.": "A Hármas híd köti össze az óvárost az újvárossal. Babakocsival a középső hidat válassza: azon nincs lépcső.",
    "The Central Market": "A központi piac",
    "Fruit and vegetables from the farms around Ljubljana.": "Gyümölcs és zöldség a Ljubljana környéki gazdaságokból.",
    "On market days the centre's families shop together and share recipes from the many countries they come from.": "Piacnapokon a központ családjai együtt vásárolnak, és megosztják egymással a sokféle ország receptjeit, ahonnan jöttek.",
    "Tivoli Park": "Tivoli park",
    "A morning at the playground.": "Egy délelőtt a játszótéren.",
    "When the sun is out, the walk ends in Tivoli Park, the city's big garden, at the playground under the chestnut trees.": "Napos időben a séta a Tivoli parkban, a város nagy kertjében ér véget, a gesztenyefák alatti játszótéren.",
}

# --- Budapest --------------------------------------------------------------------------------

ACADEMY_INTRO = (
    "<p>From 21 to 26 September 2022 the MINE Academy met in Budapest: mother and family centres "
    "from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, "
    "Bulgaria and Serbia, together in person after two years of meeting on Zoom.</p>"
    "<p>Follow the week through the city, from the first evening by the Danube to the last "
    "picnic in the City Park.</p>"
)
ACADEMY_SUMMARY = "Six days of the MINE Academy in Budapest (21–26 September 2022), place by place."

ACADEMY_STOPS = [
    {
        "title": "Arriving by the Chain Bridge",
        "location": (47.49917, 19.0436),
        "place_name": "Széchenyi Chain Bridge",
        "medium": (
            "photo",
            "Budapest: arriving by the Chain Bridge",
            "Participants walking over the Chain Bridge at dusk",
            21,
        ),
        "caption": "Wednesday 21 September: the first evening.",
        "narration": "<p>Participants arrived from nine countries. The first evening began with a walk over the Chain Bridge, from Buda to Pest.</p>",
    },
    {
        "title": "The workshop circle",
        "location": (47.49683, 19.05049),
        "place_name": "Near Vörösmarty Square",
        "medium": (
            "panorama",
            "Budapest: the workshop room in 360°",
            "A circle of chairs in the Academy's workshop room, seen all around",
            22,
        ),
        "caption": "Look around the workshop room.",
        "narration": "<p>The Academy worked in a circle, as mother centres do: everyone's experience counts. Topics were the people around a centre, the space for mothers, and help for families from Ukraine.</p>",
    },
    {
        "title": "Voices from the circle",
        "location": (47.49702, 19.05012),
        "place_name": "Near Vörösmarty Square",
        "medium": (
            "audio",
            "MINE Academy: voices from the circle",
            "We are many languages in one room, and still we understand each other: we all know what care work is.",
        ),
        "caption": "What participants said about the week.",
        "narration": "<p>Between the sessions participants recorded what the Academy meant to them, for the stories of the Bridges project.</p>",
    },
    {
        "title": "Evening on the Danube promenade",
        "location": (47.49466, 19.0478),
        "place_name": "Dunakorzó",
        "medium": (
            "photo",
            "Budapest: the Danube promenade",
            "Participants talking on the Danube promenade",
            23,
        ),
        "caption": "Friday 23 September: an evening by the river.",
        "narration": "<p>Evenings were for talking: plans for webinars in the Danube region and for new centres in Eastern Europe.</p>",
    },
    {
        "title": "A morning on Margaret Island",
        "location": (47.5268, 19.0478),
        "place_name": "Margitsziget",
        "medium": (
            "photo",
            "Budapest: Margaret Island",
            "Children and mothers on the lawn of Margaret Island",
            24,
        ),
        "caption": "Saturday 24 September: a visit with local families.",
        "narration": "<p>Hungarian mothers from the Anyatermészet association showed how they meet families outdoors, on the island in the middle of the Danube.</p>",
    },
    {
        "title": "Goodbye picnic in the City Park",
        "location": (47.51463, 19.0817),
        "place_name": "Városliget",
        "medium": (
            "photo",
            "Budapest: picnic in the City Park",
            "A picnic blanket with food from many countries",
            25,
        ),
        "caption": "Monday 26 September: food from nine countries.",
        "narration": "<p>The Academy ended with a picnic: every centre brought something from home. The next meeting was already on Zoom, on 25 October.</p>",
    },
]


ACADEMY_DE = {
    "MINE Academy in Budapest": "MINE Academy in Budapest",
    ACADEMY_SUMMARY: "Sechs Tage MINE Academy in Budapest (21.–26. September 2022), Ort für Ort.",
    "From 21 to 26 September 2022 the MINE Academy met in Budapest: mother and family centres from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia, together in person after two years of meeting on Zoom.": "Vom 21. bis 26. September 2022 traf sich die MINE Academy in Budapest: Mütter- und Familienzentren aus Slowenien, der Slowakei, den Niederlanden, Deutschland, Tschechien, Ungarn, Italien, Bulgarien und Serbien, nach zwei Jahren auf Zoom endlich persönlich.",
    "Follow the week through the city, from the first evening by the Danube to the last picnic in the City Park.": "Folgen Sie der Woche durch die Stadt, vom ersten Abend an der Donau bis zum letzten Picknick im Stadtwäldchen.",
    "Arriving by the Chain Bridge": "Ankunft über die Kettenbrücke",
    "Wednesday 21 September: the first evening.": "Mittwoch, 21. September: der erste Abend.",
    "Széchenyi Chain Bridge": "Széchenyi-Kettenbrücke",
    "Participants arrived from nine countries. The first evening began with a walk over the Chain Bridge, from Buda to Pest.": "Die Teilnehmenden kamen aus neun Ländern. Der erste Abend begann mit einem Spaziergang über die Kettenbrücke, von Buda nach Pest.",
    "The workshop circle": "Der Workshop-Kreis",
    "Look around the workshop room.": "Schauen Sie sich im Workshop-Raum um.",
    "Near Vörösmarty Square": "Am Vörösmarty-Platz",
    "The Academy worked in a circle, as mother centres do: everyone's experience counts. Topics were the people around a centre, the space for mothers, and help for families from Ukraine.": "Die Academy arbeitete im Kreis, wie es Mütterzentren tun: Die Erfahrung jeder Einzelnen zählt. Themen waren die Menschen rund um ein Zentrum, der Raum für Mütter und die Hilfe für Familien aus der Ukraine.",
    "Voices from the circle": "Stimmen aus dem Kreis",
    "What participants said about the week.": "Was die Teilnehmenden über die Woche sagten.",
    "Between the sessions participants recorded what the Academy meant to them, for the stories of the Bridges project.": "Zwischen den Sitzungen nahmen die Teilnehmenden auf, was die Academy ihnen bedeutete – für die Geschichten des Projekts Bridges.",
    "Evening on the Danube promenade": "Abend an der Donaupromenade",
    "Friday 23 September: an evening by the river.": "Freitag, 23. September: ein Abend am Fluss.",
    "Evenings were for talking: plans for webinars in the Danube region and for new centres in Eastern Europe.": "Die Abende gehörten den Gesprächen: Pläne für Webinare im Donauraum und für neue Zentren in Osteuropa.",
    "A morning on Margaret Island": "Ein Vormittag auf der Margareteninsel",
    "Saturday 24 September: a visit with local families.": "Samstag, 24. September: Besuch bei Familien vor Ort.",
    "Margitsziget": "Margareteninsel",
    "Hungarian mothers from the Anyatermészet association showed how they meet families outdoors, on the island in the middle of the Danube.": "Ungarische Mütter vom Verein Anyatermészet zeigten, wie sie Familien im Freien treffen, auf der Insel mitten in der Donau.",
    "Goodbye picnic in the City Park": "Abschiedspicknick im Stadtwäldchen",
    "Monday 26 September: food from nine countries.": "Montag, 26. September: Essen aus neun Ländern.",
    "Városliget": "Stadtwäldchen (Városliget)",
    "The Academy ended with a picnic: every centre brought something from home. The next meeting was already on Zoom, on 25 October.": "Die Academy endete mit einem Picknick: Jedes Zentrum brachte etwas von zu Hause mit. Das nächste Treffen fand schon wieder auf Zoom statt, am 25. Oktober.",
}
ACADEMY_HU = {
    "MINE Academy in Budapest": "MINE Akadémia Budapesten",
    ACADEMY_SUMMARY: "A MINE Akadémia hat napja Budapesten (2022. szeptember 21–26.), helyről helyre.",
    "From 21 to 26 September 2022 the MINE Academy met in Budapest: mother and family centres from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia, together in person after two years of meeting on Zoom.": "2022. szeptember 21. és 26. között a MINE Akadémia Budapesten ülésezett: anya- és családközpontok Szlovéniából, Szlovákiából, Hollandiából, Németországból, Csehországból, Magyarországról, Olaszországból, Bulgáriából és Szerbiából, két év Zoom után végre személyesen.",
    "Follow the week through the city, from the first evening by the Danube to the last picnic in the City Park.": "Kövesse a hetet a városon át, az első Duna-parti estétől az utolsó városligeti piknikig.",
    "Arriving by the Chain Bridge": "Érkezés a Lánchídon",
    "Wednesday 21 September: the first evening.": "Szeptember 21., szerda: az első este.",
    "Széchenyi Chain Bridge": "Széchenyi lánchíd",
    "Participants arrived from nine countries. The first evening began with a walk over the Chain Bridge, from Buda to Pest.": "A résztvevők kilenc országból érkeztek. Az első este sétával kezdődött a Lánchídon, Budáról Pestre.",
    "The workshop circle": "A műhelykör",
    "Look around the workshop room.": "Nézzen körül a műhelyteremben.",
    "Near Vörösmarty Square": "A Vörösmarty tér közelében",
    "The Academy worked in a circle, as mother centres do: everyone's experience counts. Topics were the people around a centre, the space for mothers, and help for families from Ukraine.": "Az Akadémia körben dolgozott, ahogy az anyaközpontok: mindenki tapasztalata számít. A témák: a központ körüli emberek, az anyák tere és az Ukrajnából érkező családok segítése.",
    "Voices from the circle": "Hangok a körből",
    "What participants said about the week.": "Amit a résztvevők a hétről mondtak.",
    "Between the sessions participants recorded what the Academy meant to them, for the stories of the Bridges project.": "Az ülések között a résztvevők felvették, mit jelentett számukra az Akadémia, a Bridges projekt történetei számára.",
    "Evening on the Danube promenade": "Este a Dunakorzón",
    "Friday 23 September: an evening by the river.": "Szeptember 23., péntek: este a folyóparton.",
    "Evenings were for talking: plans for webinars in the Danube region and for new centres in Eastern Europe.": "Az esték a beszélgetésé voltak: tervek a Duna-régió webináriumaira és új kelet-európai központokra.",
    "A morning on Margaret Island": "Egy délelőtt a Margitszigeten",
    "Saturday 24 September: a visit with local families.": "Szeptember 24., szombat: látogatás helyi családoknál.",
    "Hungarian mothers from the Anyatermészet association showed how they meet families outdoors, on the island in the middle of the Danube.": "Az Anyatermészet Egyesület magyar anyái megmutatták, hogyan találkoznak a családokkal a szabadban, a Duna közepén fekvő szigeten.",
    "Goodbye picnic in the City Park": "Búcsúpiknik a Városligetben",
    "Monday 26 September: food from nine countries.": "Szeptember 26., hétfő: ételek kilenc országból.",
    "The Academy ended with a picnic: every centre brought something from home. The next meeting was already on Zoom, on 25 October.": "Az Akadémia piknikkel zárult: minden központ hozott valamit otthonról. A következő találkozó már ismét a Zoomon volt, október 25-én.",
}


def load(home, **options):
    network = NetworkPage.objects.child_of(home).first()
    if network is None:
        return "skipped: no network page (run the home app's demo first)"

    slovenia = _country(network, "slovenia")
    hungary = _country(network, "hungary")
    centre = CentrePage.objects.filter(
        slug="family-center-mala-ulica", locale_id=home.locale_id
    ).first()

    # The stops (and the pictures and recordings they show) are made only for a missing walk.
    mala_ulica = WalkPageFactory(
        parent=slovenia,
        slug="mala-ulica",
        title="A walk through Family Center Mala Ulica",
        summary=MALA_ULICA_SUMMARY,
        intro=MALA_ULICA_INTRO,
        duration_minutes=20,
        centre=centre,
        stops=factory.LazyFunction(lambda: _stops(MALA_ULICA_STOPS)),
        image=lazy_demo_image("Mala Ulica: the door", "", 11, credit=CREDIT),
    )
    academy = WalkPageFactory(
        parent=hungary,
        slug="mine-academy-budapest",
        title="MINE Academy in Budapest",
        summary=ACADEMY_SUMMARY,
        intro=ACADEMY_INTRO,
        duration_minutes=25,
        stops=factory.LazyFunction(lambda: _stops(ACADEMY_STOPS)),
        image=lazy_demo_image("Budapest: arriving by the Chain Bridge", "", 21, credit=CREDIT),
    )
    walks = [
        (mala_ulica, {"de": MALA_ULICA_DE, "hu": MALA_ULICA_HU}),
        (academy, {"de": ACADEMY_DE, "hu": ACADEMY_HU}),
    ]
    for walk, translations in walks:
        for language_code, strings in translations.items():
            translate_once(walk, language_code, strings)
    return f"{len(walks)} walks ({sum(w.stop_count for w, _ in walks)} stops), in en, de and hu"
