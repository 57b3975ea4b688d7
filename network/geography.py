"""Where the network's countries are: a small table by ISO code (the middle of the country's
bounding box, the box itself, and its time zone), for the admin maps (which open on the section's
country and warn about a point outside it) and the event time-zone list (the section's zone first).

Bounding boxes are rectangles, so a point just across a border inside the rectangle is not
noticed; the warning is for the clicks that land in the wrong country altogether.
"""

import dataclasses


@dataclasses.dataclass(frozen=True)
class Country:
    code: str
    name: str
    time_zone: str
    south: float
    west: float
    north: float
    east: float

    @property
    def center(self) -> tuple[float, float]:
        return ((self.south + self.north) / 2, (self.west + self.east) / 2)

    @property
    def bounds(self) -> list[list[float]]:
        return [[self.south, self.west], [self.north, self.east]]

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.south <= latitude <= self.north and self.west <= longitude <= self.east

    def as_json(self, title: str = "") -> dict:
        return {"code": self.code, "name": title or self.name, "bounds": self.bounds}


COUNTRIES = {
    country.code: country
    for country in [
        Country("AT", "Austria", "Europe/Vienna", 46.37, 9.53, 49.02, 17.16),
        Country("BA", "Bosnia and Herzegovina", "Europe/Sarajevo", 42.56, 15.72, 45.28, 19.62),
        Country("BE", "Belgium", "Europe/Brussels", 49.50, 2.54, 51.51, 6.41),
        Country("BG", "Bulgaria", "Europe/Sofia", 41.23, 22.36, 44.22, 28.61),
        Country("CH", "Switzerland", "Europe/Zurich", 45.82, 5.96, 47.81, 10.49),
        Country("CZ", "Czechia", "Europe/Prague", 48.55, 12.09, 51.06, 18.86),
        Country("DE", "Germany", "Europe/Berlin", 47.27, 5.87, 55.06, 15.04),
        Country("FR", "France", "Europe/Paris", 41.33, -5.14, 51.09, 9.56),
        Country("GB", "United Kingdom", "Europe/London", 49.96, -8.65, 60.86, 1.76),
        Country("HR", "Croatia", "Europe/Zagreb", 42.39, 13.49, 46.55, 19.45),
        Country("HU", "Hungary", "Europe/Budapest", 45.74, 16.11, 48.59, 22.90),
        Country("IT", "Italy", "Europe/Rome", 35.49, 6.63, 47.09, 18.52),
        Country("LU", "Luxembourg", "Europe/Luxembourg", 49.45, 5.73, 50.18, 6.53),
        Country("ME", "Montenegro", "Europe/Podgorica", 41.85, 18.43, 43.56, 20.36),
        Country("MK", "North Macedonia", "Europe/Skopje", 40.85, 20.45, 42.37, 23.03),
        Country("NL", "Netherlands", "Europe/Amsterdam", 50.75, 3.36, 53.56, 7.23),
        Country("PL", "Poland", "Europe/Warsaw", 49.00, 14.12, 54.84, 24.15),
        Country("RO", "Romania", "Europe/Bucharest", 43.62, 20.26, 48.27, 29.69),
        Country("RS", "Serbia", "Europe/Belgrade", 42.23, 18.82, 46.19, 23.01),
        Country("SI", "Slovenia", "Europe/Ljubljana", 45.42, 13.38, 46.88, 16.61),
        Country("SK", "Slovakia", "Europe/Bratislava", 47.73, 16.83, 49.61, 22.57),
        Country("UA", "Ukraine", "Europe/Kyiv", 44.39, 22.14, 52.38, 40.23),
    ]
}


def country_by_code(code: str | None) -> Country | None:
    return COUNTRIES.get((code or "").upper())
