"""Events (schema.org Event) and centres (Organization with its Place) as JSON-LD."""

from cms.structured_data import image_urls, network, page_basics

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def postal_address(street: str, postcode: str, city: str, country: str) -> dict:
    address = {"@type": "PostalAddress"}
    for key, value in (
        ("streetAddress", street),
        ("postalCode", postcode),
        ("addressLocality", city),
        ("addressCountry", country),
    ):
        if value:
            address[key] = value
    return address


def geo_coordinates(latitude: float, longitude: float) -> dict:
    return {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}


def event(page, request) -> dict:
    data = page_basics(page, request, "Event")
    data["name"] = page.title
    data["startDate"] = page.local_start.isoformat()
    data["endDate"] = page.local_end.isoformat()
    if page.cancelled:
        data["eventStatus"] = "https://schema.org/EventCancelled"
    elif page.is_moved:
        data["eventStatus"] = "https://schema.org/EventRescheduled"
        data["previousStartDate"] = page.previous_start.astimezone(page.zone).isoformat()
    else:
        data["eventStatus"] = "https://schema.org/EventScheduled"
    data["eventAttendanceMode"] = ATTENDANCE_MODES.get(
        page.attendance, "https://schema.org/OnlineEventAttendanceMode"
    )
    # The join link is for registered people: online events point at the event's page.
    locations = []
    if page.has_venue:
        place = {
            "@type": "Place",
            "name": page.venue_name or page.venue_city or page.title,
            "address": postal_address(page.venue_address, "", page.venue_city, page.venue_country),
        }
        if page.has_venue_location:
            place["geo"] = geo_coordinates(page.venue_latitude, page.venue_longitude)
        locations.append(place)
    if page.is_online:
        locations.append({"@type": "VirtualLocation", "url": data["url"]})
    data["location"] = locations[0] if len(locations) == 1 else locations
    data["organizer"] = network(request)
    images = image_urls(page.get_social_image(), request)
    if images:
        data["image"] = images
    return data


def centre(page, request) -> dict:
    data = page_basics(page, request, "Organization")
    data["name"] = page.title
    address = page.address
    data["address"] = postal_address(
        address["street_address"], address["postcode"], address["city"], address["country"]
    )
    place = {"@type": "Place", "name": page.title, "address": data["address"]}
    if page.location:
        place["geo"] = geo_coordinates(page.latitude, page.longitude)
    data["location"] = place
    if page.phone:
        data["telephone"] = page.phone
    if page.email:
        data["email"] = page.email
    if page.website:
        data["sameAs"] = [page.website]
    data["memberOf"] = network(request)
    images = image_urls(page.get_social_image(), request)
    if images:
        data["image"] = images[0]
    return data
