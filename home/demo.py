"""Demo content of the home app: the home page, the section index pages, "About MINE" and
"Let's build bridges", in English with German and Hungarian translations (from ../shared/seeds)."""

from django.utils.html import format_html
from wagtail.models import Locale

from cms.core.demo import demo_image, lazy_demo_image, translate_once
from home.factories import StandardPageFactory
from network.factories import EventIndexPageFactory, NetworkPageFactory
from stories.factories import StoryIndexPageFactory
from walks.factories import WalkIndexPageFactory

HOME_INTRO = (
    "<p>Bridges is the digital meeting place of MINE, the Mother Centers International Network "
    "for Empowerment: about 1000 mother centres in 20 countries.</p>"
    "<p>Read the stories of care work that mothers and centres tell, walk through their centres "
    "and neighbourhoods, and meet the network.</p>"
)
HOME_SUMMARY = "Stories, virtual walks and events of about 1000 mother centres in 20 countries."

ABOUT_INTRO = (
    "MINE, the Mother Centers International Network for Empowerment, links mother centres "
    "across the world so that they can learn from each other."
)
ABOUT_BODY = [
    ("heading", {"text": "What a mother centre is", "level": "h2"}),
    (
        "paragraph",
        "<p>A mother centre is a place where a mother can come for a cup of coffee and talk with "
        "other mothers about their experiences of mothering. Centres offer language, music and "
        "computer courses and job training, with childcare on a drop-in basis for all ages.</p>"
        "<p>Mother centres are built on participation: the mothers themselves run them.</p>",
    ),
    ("heading", {"text": "Where MINE comes from", "level": "h2"}),
    (
        "paragraph",
        "<p>MINE was born out of research by the German Youth Institute (DJI) in the early 1980s: "
        "preventing family problems with what mother centres offer costs far less than repairing "
        "them later.</p>"
        "<p>In 2009 MINE linked 750 mother centres in 15 countries. Today about 1000 centres in 20 "
        "countries belong to the network. In 2006 MINE won the UN Dubai International Award for "
        "Best Practices to Improve the Living Environment.</p>",
    ),
    ("heading", {"text": "What MINE does", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Peer learning exchanges and study visits</li>"
        "<li>Trainings and workshops</li>"
        "<li>Support for new mother centre initiatives and for national networks</li>"
        "<li>Lobbying for the concerns of women, children and families</li></ul>",
    ),
    (
        "quote",
        {
            "quote": "MINE seeks to achieve its goals by engaging in peer learning, knowledge "
            "building, spreading of information, consultation, lobbying, pilot projects, "
            "documentation and public relations.",
            "attribution": "MINE",
        },
    ),
]

BRIDGES_INTRO = "Digital competence expansion for the International Mothers Center Network (MINE)."
BRIDGES_BODY = [
    ("heading", {"text": "The project", "level": "h2"}),
    (
        "paragraph",
        "<p>The project started on 15 December 2020 and ended on 31 December 2022. Its main "
        "objective is to expand the digital and technical capabilities of the organisation and "
        "the network, and to make them available to our 1000 centres in 20 countries by creating "
        "digital spaces for dialogue and communication.</p>"
        "<p>Making care and care work visible around the world is the guiding theme that unites "
        "the network during the project.</p>",
    ),
    ("heading", {"text": "Tell your story", "level": "h2"}),
    (
        "paragraph",
        "<p>The call “Tell your story” invites active participation. The small centres in "
        "particular are encouraged and supported to take part, and the Eastern European centres "
        "are actively involved. The stories become a joint publication, prepared digitally with "
        "videos in virtual walks.</p>",
    ),
    ("heading", {"text": "MINE Academy", "level": "h2"}),
    (
        "paragraph",
        "<p>We continue the exchange of knowledge in a MINE Academy, with targeted webinars that "
        "work both online and in person, in the Danube region and internationally. The MINE "
        "Academy met in Budapest from 21 to 26 September 2022.</p>",
    ),
    ("heading", {"text": "Who takes part", "level": "h2"}),
    (
        "paragraph",
        "<p>Mother and family centres and their networks from Slovenia, Slovakia, the Netherlands, "
        "Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia.</p>",
    ),
    ("heading", {"text": "Funding", "level": "h2"}),
    (
        "paragraph",
        "<p>The project is funded by the State Ministry of Baden-Württemberg with EUR 60,000.</p>",
    ),
]

INDEX_PAGES = [
    # (factory, slug, title, summary)
    (
        StoryIndexPageFactory,
        "stories",
        "Stories",
        "Stories of care work, told by mothers and centres.",
    ),
    (
        WalkIndexPageFactory,
        "walks",
        "Virtual walks",
        "Walk through mother centres and their neighbourhoods.",
    ),
    (
        NetworkPageFactory,
        "network",
        "The network",
        "Mother centres and national networks, country by country.",
    ),
    (
        EventIndexPageFactory,
        "events",
        "Events",
        "Network meetings, MINE Academy webinars and Mother Centers' Day.",
    ),
]

STANDARD_PAGES = [
    {
        "slug": "about-mine",
        "title": "About MINE",
        "intro": ABOUT_INTRO,
        "body": ABOUT_BODY,
        # the picture: its title, what it shows, its seed
        "picture": ("A mother centre's open café", "An open café with mothers talking", 1),
    },
    {
        "slug": "lets-build-bridges",
        "title": "Let’s build bridges",
        "intro": BRIDGES_INTRO,
        "body": BRIDGES_BODY,
    },
]

TRANSLATIONS = {
    "de": {
        "Bridges": "Bridges",
        HOME_SUMMARY: "Geschichten, virtuelle Rundgänge und Veranstaltungen von rund 1000 Mütterzentren in 20 Ländern.",
        "Bridges is the digital meeting place of MINE, the Mother Centers International Network for Empowerment: about 1000 mother centres in 20 countries.": "Bridges ist der digitale Treffpunkt von MINE, dem internationalen Netzwerk der Mütterzentren (Mother Centers International Network for Empowerment): rund 1000 Mütterzentren in 20 Ländern.",
        "Read the stories of care work that mothers and centres tell, walk through their centres and neighbourhoods, and meet the network.": "Lesen Sie die Geschichten von Sorgearbeit, die Mütter und Zentren erzählen, gehen Sie durch ihre Zentren und Nachbarschaften und lernen Sie das Netzwerk kennen.",
        "Stories": "Geschichten",
        "Stories of care work, told by mothers and centres.": "Geschichten von Sorgearbeit, erzählt von Müttern und Zentren.",
        "Virtual walks": "Virtuelle Rundgänge",
        "Walk through mother centres and their neighbourhoods.": "Rundgänge durch Mütterzentren und ihre Nachbarschaften.",
        "The network": "Das Netzwerk",
        "Mother centres and national networks, country by country.": "Mütterzentren und nationale Netzwerke, Land für Land.",
        "Events": "Veranstaltungen",
        "Network meetings, MINE Academy webinars and Mother Centers' Day.": "Netzwerktreffen, Webinare der MINE Academy und der Internationale Tag der Mütterzentren.",
        "About MINE": "Über MINE",
        ABOUT_INTRO: "MINE, das internationale Netzwerk der Mütterzentren, verbindet Mütterzentren in aller Welt, damit sie voneinander lernen können.",
        "What a mother centre is": "Was ein Mütterzentrum ist",
        "A mother centre is a place where a mother can come for a cup of coffee and talk with other mothers about their experiences of mothering. Centres offer language, music and computer courses and job training, with childcare on a drop-in basis for all ages.": "Ein Mütterzentrum ist ein Ort, an dem eine Mutter auf eine Tasse Kaffee vorbeikommen und mit anderen Müttern über ihre Erfahrungen als Mutter sprechen kann. Die Zentren bieten Sprach-, Musik- und Computerkurse und berufliche Weiterbildung, mit offener Kinderbetreuung für alle Altersstufen.",
        "Mother centres are built on participation: the mothers themselves run them.": "Mütterzentren leben von Beteiligung: Die Mütter selbst führen sie.",
        "Where MINE comes from": "Woher MINE kommt",
        "MINE was born out of research by the German Youth Institute (DJI) in the early 1980s: preventing family problems with what mother centres offer costs far less than repairing them later.": "MINE entstand aus einer Forschung des Deutschen Jugendinstituts (DJI) Anfang der 1980er-Jahre: Familienproblemen mit dem Angebot der Mütterzentren vorzubeugen, kostet weit weniger, als sie später zu beheben.",
        "In 2009 MINE linked 750 mother centres in 15 countries. Today about 1000 centres in 20 countries belong to the network. In 2006 MINE won the UN Dubai International Award for Best Practices to Improve the Living Environment.": "2009 verband MINE 750 Mütterzentren in 15 Ländern. Heute gehören rund 1000 Zentren in 20 Ländern zum Netzwerk. 2006 erhielt MINE den Dubai International Award der Vereinten Nationen für beispielhafte Praxis zur Verbesserung der Lebensbedingungen.",
        "What MINE does": "Was MINE tut",
        "Peer learning exchanges and study visits": "Gegenseitiges Lernen und Studienbesuche",
        "Trainings and workshops": "Schulungen und Workshops",
        "Support for new mother centre initiatives and for national networks": "Unterstützung neuer Mütterzentrums-Initiativen und nationaler Netzwerke",
        "Lobbying for the concerns of women, children and families": "Lobbyarbeit für die Anliegen von Frauen, Kindern und Familien",
        "MINE seeks to achieve its goals by engaging in peer learning, knowledge building, spreading of information, consultation, lobbying, pilot projects, documentation and public relations.": "MINE verfolgt seine Ziele durch gegenseitiges Lernen, Wissensaufbau, Information, Beratung, Lobbyarbeit, Pilotprojekte, Dokumentation und Öffentlichkeitsarbeit.",
        "Let’s build bridges": "Lasst uns Brücken bauen",
        BRIDGES_INTRO: "Ausbau der digitalen Kompetenz für das Internationale Netzwerk der Mütterzentren (MINE).",
        "The project": "Das Projekt",
        "The project started on 15 December 2020 and ended on 31 December 2022. Its main objective is to expand the digital and technical capabilities of the organisation and the network, and to make them available to our 1000 centres in 20 countries by creating digital spaces for dialogue and communication.": "Das Projekt begann am 15. Dezember 2020 und endete am 31. Dezember 2022. Sein Hauptziel ist es, die digitalen und technischen Möglichkeiten der Organisation und des Netzwerks auszubauen und sie unseren 1000 Zentren in 20 Ländern zugänglich zu machen, indem digitale Räume für Dialog und Austausch entstehen.",
        "Making care and care work visible around the world is the guiding theme that unites the network during the project.": "Sorge und Sorgearbeit weltweit sichtbar zu machen, ist das Leitthema, das das Netzwerk während des Projekts verbindet.",
        "Tell your story": "Erzähl deine Geschichte",
        "The call “Tell your story” invites active participation. The small centres in particular are encouraged and supported to take part, and the Eastern European centres are actively involved. The stories become a joint publication, prepared digitally with videos in virtual walks.": "Der Aufruf „Erzähl deine Geschichte“ lädt zum Mitmachen ein. Gerade die kleinen Zentren werden ermutigt und unterstützt, sich zu beteiligen, und die osteuropäischen Zentren sind aktiv eingebunden. Aus den Geschichten entsteht eine gemeinsame digitale Veröffentlichung mit Videos in virtuellen Rundgängen.",
        "MINE Academy": "MINE Academy",
        "We continue the exchange of knowledge in a MINE Academy, with targeted webinars that work both online and in person, in the Danube region and internationally. The MINE Academy met in Budapest from 21 to 26 September 2022.": "Wir setzen den Wissensaustausch in einer MINE Academy fort, mit gezielten Webinaren online und vor Ort, im Donauraum und international. Die MINE Academy traf sich vom 21. bis 26. September 2022 in Budapest.",
        "Who takes part": "Wer dabei ist",
        "Mother and family centres and their networks from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia.": "Mütter- und Familienzentren und ihre Netzwerke aus Slowenien, der Slowakei, den Niederlanden, Deutschland, Tschechien, Ungarn, Italien, Bulgarien und Serbien.",
        "Funding": "Förderung",
        "The project is funded by the State Ministry of Baden-Württemberg with EUR 60,000.": "Das Projekt wird vom Staatsministerium Baden-Württemberg mit 60.000 Euro gefördert.",
    },
    "hu": {
        "Bridges": "Bridges",
        HOME_SUMMARY: "Történetek, virtuális séták és események mintegy 1000 anyaközpontból, 20 országból.",
        "Bridges is the digital meeting place of MINE, the Mother Centers International Network for Empowerment: about 1000 mother centres in 20 countries.": "A Bridges a MINE, az Anyaközpontok Nemzetközi Hálózata (Mother Centers International Network for Empowerment) digitális találkozóhelye: mintegy 1000 anyaközpont 20 országban.",
        "Read the stories of care work that mothers and centres tell, walk through their centres and neighbourhoods, and meet the network.": "Olvassa el a gondoskodó munka történeteit, amelyeket anyák és központok mesélnek el, sétáljon végig a központjaikon és a környékükön, és ismerje meg a hálózatot.",
        "Stories": "Történetek",
        "Stories of care work, told by mothers and centres.": "A gondoskodó munka történetei, anyák és központok elmesélésében.",
        "Virtual walks": "Virtuális séták",
        "Walk through mother centres and their neighbourhoods.": "Séták anyaközpontokban és környékükön.",
        "The network": "A hálózat",
        "Mother centres and national networks, country by country.": "Anyaközpontok és nemzeti hálózatok, országonként.",
        "Events": "Események",
        "Network meetings, MINE Academy webinars and Mother Centers' Day.": "Hálózati találkozók, a MINE Akadémia webináriumai és az Anyaközpontok Nemzetközi Napja.",
        "About MINE": "A MINE-ról",
        ABOUT_INTRO: "A MINE, az Anyaközpontok Nemzetközi Hálózata, összeköti a világ anyaközpontjait, hogy tanulhassanak egymástól.",
        "What a mother centre is": "Mi az az anyaközpont",
        "A mother centre is a place where a mother can come for a cup of coffee and talk with other mothers about their experiences of mothering. Centres offer language, music and computer courses and job training, with childcare on a drop-in basis for all ages.": "Az anyaközpont olyan hely, ahová egy anya betérhet egy kávéra, és beszélgethet más anyákkal az anyaság tapasztalatairól. A központok nyelvi, zenei és számítógépes tanfolyamokat és munkavállalási képzéseket kínálnak, alkalmi gyermekfelügyelettel minden korosztálynak.",
        "Mother centres are built on participation: the mothers themselves run them.": "Az anyaközpontok a részvételre épülnek: maguk az anyák működtetik őket.",
        "Where MINE comes from": "Honnan indult a MINE",
        "MINE was born out of research by the German Youth Institute (DJI) in the early 1980s: preventing family problems with what mother centres offer costs far less than repairing them later.": "A MINE a Német Ifjúsági Intézet (DJI) 1980-as évek eleji kutatásából született: a családi problémák megelőzése az anyaközpontok kínálatával sokkal kevesebbe kerül, mint később orvosolni őket.",
        "In 2009 MINE linked 750 mother centres in 15 countries. Today about 1000 centres in 20 countries belong to the network. In 2006 MINE won the UN Dubai International Award for Best Practices to Improve the Living Environment.": "2009-ben a MINE 15 ország 750 anyaközpontját kötötte össze. Ma mintegy 1000 központ tartozik a hálózathoz 20 országban. 2006-ban a MINE elnyerte az ENSZ Dubai Nemzetközi Díját az életkörülmények javítását szolgáló legjobb gyakorlatokért.",
        "What MINE does": "Mit tesz a MINE",
        "Peer learning exchanges and study visits": "Egymástól tanulás és tanulmányutak",
        "Trainings and workshops": "Képzések és műhelyek",
        "Support for new mother centre initiatives and for national networks": "Új anyaközpont-kezdeményezések és nemzeti hálózatok támogatása",
        "Lobbying for the concerns of women, children and families": "Érdekképviselet a nők, a gyermekek és a családok ügyeiért",
        "MINE seeks to achieve its goals by engaging in peer learning, knowledge building, spreading of information, consultation, lobbying, pilot projects, documentation and public relations.": "A MINE céljait egymástól tanulással, tudásépítéssel, tájékoztatással, tanácsadással, érdekképviselettel, kísérleti projektekkel, dokumentációval és nyilvánossággal igyekszik elérni.",
        "Let’s build bridges": "Építsünk hidakat",
        BRIDGES_INTRO: "Digitális kompetenciafejlesztés az Anyaközpontok Nemzetközi Hálózata (MINE) számára.",
        "The project": "A projekt",
        "The project started on 15 December 2020 and ended on 31 December 2022. Its main objective is to expand the digital and technical capabilities of the organisation and the network, and to make them available to our 1000 centres in 20 countries by creating digital spaces for dialogue and communication.": "A projekt 2020. december 15-én kezdődött és 2022. december 31-én zárult. Fő célja a szervezet és a hálózat digitális és technikai lehetőségeinek bővítése, és hogy ezeket 20 ország 1000 központja számára elérhetővé tegye digitális párbeszéd- és kommunikációs terek létrehozásával.",
        "Making care and care work visible around the world is the guiding theme that unites the network during the project.": "A gondoskodás és a gondoskodó munka láthatóvá tétele világszerte a projekt idején a hálózatot összekötő vezérgondolat.",
        "Tell your story": "Meséld el a történeted",
        "The call “Tell your story” invites active participation. The small centres in particular are encouraged and supported to take part, and the Eastern European centres are actively involved. The stories become a joint publication, prepared digitally with videos in virtual walks.": "A „Meséld el a történeted” felhívás aktív részvételre hív. Különösen a kis központokat bátorítjuk és támogatjuk a részvételben, és a kelet-európai központok is aktívan bekapcsolódnak. A történetekből közös digitális kiadvány készül, videókkal, virtuális sétákban.",
        "MINE Academy": "MINE Akadémia",
        "We continue the exchange of knowledge in a MINE Academy, with targeted webinars that work both online and in person, in the Danube region and internationally. The MINE Academy met in Budapest from 21 to 26 September 2022.": "A tudáscserét a MINE Akadémián folytatjuk, célzott webináriumokkal online és személyesen, a Duna-régióban és nemzetközileg. A MINE Akadémia 2022. szeptember 21. és 26. között Budapesten ülésezett.",
        "Who takes part": "Kik vesznek részt",
        "Mother and family centres and their networks from Slovenia, Slovakia, the Netherlands, Germany, the Czech Republic, Hungary, Italy, Bulgaria and Serbia.": "Anya- és családközpontok és hálózataik Szlovéniából, Szlovákiából, Hollandiából, Németországból, Csehországból, Magyarországról, Olaszországból, Bulgáriából és Szerbiából.",
        "Funding": "Támogatás",
        "The project is funded by the State Ministry of Baden-Württemberg with EUR 60,000.": "A projektet Baden-Württemberg Állami Minisztériuma 60 000 euróval támogatja.",
    },
}


def load(home, **options):
    if not home.intro:
        # The home page exists from the migrations; fill it once, leave editors' changes alone.
        home.intro = HOME_INTRO
        home.summary = HOME_SUMMARY
        home.image = demo_image(
            "Mothers and children at a mother centre",
            "Mothers and small children sitting together around a table",
            seed=0,
        )
        home.save_revision().publish()

    pages = [home]
    for page_factory, slug, title, summary in INDEX_PAGES:
        pages.append(
            page_factory(parent=home, slug=slug, title=title, summary=summary, show_in_menus=True)
        )
    for data in STANDARD_PAGES:
        data = dict(data)
        picture = data.pop("picture", None)
        if picture is not None:
            data["image"] = lazy_demo_image(*picture)
        summary = data["intro"]
        data["intro"] = format_html("<p>{}</p>", summary)  # the introduction is rich text
        pages.append(StandardPageFactory(parent=home, summary=summary, show_in_menus=True, **data))

    for language_code, strings in TRANSLATIONS.items():
        for page in pages:
            translate_once(page, language_code, strings)
    translated = Locale.objects.filter(language_code__in=TRANSLATIONS).count()
    return f"{len(pages)} pages in English, translated into {translated} languages"
