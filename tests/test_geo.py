"""Geocoding through the Python API: mentions.geo and entities.geo (SCHEMA.md), scored as
shared/eval/score.py does: the country must match; a city within 50 km, a region within 150 km.

The checks need the entity stage (GPE mentions): a name the entity stage no longer finds fails
the test, so that a regression in an earlier stage cannot hide behind a skip.
"""
from __future__ import annotations

import math

import pytest
import standpoints


def km(geo, lat, lon):
    la1, lo1, la2, lo2 = map(math.radians, (geo.lat, geo.lon, lat, lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(h)))


def mention(doc, text, nth=0):
    found = [m for m in doc.mentions if m.text == text and m.type in ("GPE", "LOC")]
    assert len(found) > nth, f"the entity stage finds no GPE/LOC mention {text!r}"
    return found[nth]


def assert_at(m, country, lat, lon, limit=50):
    assert m.geo is not None, f"{m.text!r}: no geo"
    assert m.geo.country == country, (m.text, m.geo.name, m.geo.country)
    assert km(m.geo, lat, lon) <= limit, (m.text, m.geo.name, m.geo.lat, m.geo.lon)


def assert_country(m, iso3):
    assert m.geo is not None, f"{m.text!r}: no geo"
    assert (m.geo.country, m.geo.feature) == (iso3, "country"), (m.text, m.geo.name, m.geo.feature)


def test_countries_and_capitals_for_governments():
    d = standpoints.parse("Washington warned Moscow on Tuesday that Russia would pay a price.")
    assert_at(mention(d, "Washington"), "USA", 38.895, -77.036)  # USAGOV keeps the capital's point
    assert_at(mention(d, "Moscow"), "RUS", 55.756, 37.617)
    assert_country(mention(d, "Russia"), "RUS")


def test_paris_without_and_with_texas():
    d = standpoints.parse("Officials met in Paris on Monday to discuss the crisis with France and Germany.")
    assert_at(mention(d, "Paris"), "FRA", 48.857, 2.352)
    d = standpoints.parse("A tornado struck Paris, Texas, on Monday, the National Weather Service said.")
    assert_at(mention(d, "Paris"), "USA", 33.66, -95.555)


def test_georgia_country_and_us_state():
    d = standpoints.parse("Russian troops entered Georgia in 2008, and Tbilisi accused Moscow of aggression.")
    assert_country(mention(d, "Georgia"), "GEO")
    d = standpoints.parse("Police in Atlanta, Georgia, arrested two men on Friday.")
    g = mention(d, "Georgia")
    assert g.geo is not None and g.geo.country == "USA" and g.geo.feature == "admin1"


def test_georgia_among_american_places_is_the_state():
    # No pattern ties this "Georgia" to a place: the document's other places do.
    d = standpoints.parse("Voters in Georgia, like those in Atlanta and Savannah, backed the candidate on Tuesday.")
    g = mention(d, "Georgia")
    assert g.actor == "USA"
    assert g.geo is not None and (g.geo.country, g.geo.feature) == ("USA", "admin1")
    d = standpoints.parse("Russian troops entered Georgia in 2008; Tbilisi, Atlanta and Savannah reacted.")
    assert mention(d, "Georgia").actor == "GEO"


def test_state_over_a_foreign_town_of_its_name():
    # Virginia the state, not the South African town; Ontario the province, not the Californian city.
    d = standpoints.parse("Officials in Virginia and Ontario said the storm was over.")
    assert_at(mention(d, "Virginia"), "USA", 37.5, -78.9, limit=150)
    assert_at(mention(d, "Ontario"), "CAN", 49.25, -84.5, limit=400)


def test_town_followed_by_its_division_or_country():
    # Towns too small to be places alone, and no "in" before them.
    d = standpoints.parse("Neo-Nazis descended on Charlottesville, Va., and troops shelled Olenivka, Ukraine.")
    assert_at(mention(d, "Charlottesville"), "USA", 38.03, -78.48)
    assert mention(d, "Olenivka").geo.country == "UKR"
    # A division of another country is no such pattern.
    d = standpoints.parse("Troops shelled Olenivka, Poland, on Sunday.")
    assert not [m for m in d.mentions if m.text == "Olenivka"]


def test_city_country_patterns():
    d = standpoints.parse("The agreement was signed Sept. 5 in Minsk, Belarus, by the separatist leaders.")
    assert_at(mention(d, "Minsk"), "BLR", 53.904, 27.562)
    assert_country(mention(d, "Belarus"), "BLR")
    d = standpoints.parse("Officials said the town of Berdyansk, Ukraine, is in particular danger.")
    assert_at(mention(d, "Berdyansk"), "UKR", 46.756, 36.788)


@pytest.mark.parametrize("text,name,country,lat,lon", [
    ("Ukraine said Kiev was shelled overnight.", "Kiev", "UKR", 50.45, 30.523),
    ("Ukraine said Kyiv was shelled overnight.", "Kyiv", "UKR", 50.45, 30.523),
    ("Ukraine said Odessa was shelled overnight.", "Odessa", "UKR", 46.48, 30.73),
    ("Ukraine said Odesa was shelled overnight.", "Odesa", "UKR", 46.48, 30.73),
    # the spellings of today's news, which GeoNames lists only as alternates of older transliterations
    ("Missiles struck Vinnytsia on Thursday, officials said.", "Vinnytsia", "UKR", 49.232, 28.469),
    ("Missiles struck Fallujah on Thursday, officials said.", "Fallujah", "IRQ", 33.349, 43.786),
    ("Missiles struck Hama on Thursday, officials said.", "Hama", "SYR", 35.132, 36.758),
    ("Missiles struck Hargeisa on Thursday, officials said.", "Hargeisa", "SOM", 9.56, 44.065),
])
def test_alternate_spellings(text, name, country, lat, lon):
    assert_at(mention(standpoints.parse(text), name), country, lat, lon)


def test_regions():
    d = standpoints.parse("Russia annexed Crimea in 2014 and later attacked the Donbas.")
    assert_at(mention(d, "Crimea"), "UKR", 45.0, 34.0, 150)
    assert_at(mention(d, "Donbas"), "UKR", 48.3, 38.3, 150)


def test_no_geo_without_support():
    # Springfield: several US cities of similar size, and the document names no US place.
    d = standpoints.parse("Russia and China held talks in Springfield on Tuesday.")
    # Whether or not the entity finder takes it as a name, it must not be placed.
    assert all(m.geo is None for m in d.mentions if m.text == "Springfield")
    assert [m.text for m in d.mentions if m.geo is not None] == ["Russia", "China"]


def test_entity_geo_is_first_geocoded_mention():
    d = standpoints.parse("Moscow said on Monday that Moscow would respond.")
    ms = [m for m in d.mentions if m.text == "Moscow"]
    assert ms and ms[0].entity is not None, "the entity stage finds no Moscow entity"
    e = d.entities[ms[0].entity]
    assert e.geo is not None and e.geo.country == "RUS"


def test_record_fields():
    d = standpoints.parse("Washington warned Moscow.")
    geo = d.to_dict()["mentions"][0].get("geo")
    assert geo is not None, "the entity stage finds no Washington mention"
    assert {"name", "country", "feature", "lat", "lon"} <= set(geo)
    assert geo["feature"] in ("country", "admin1", "region", "city", "place")


def test_a_town_in_its_region_after_in():
    # "Rafah in southern Gaza": a town of two countries' names (Gaza's and Egypt's Rafah), placed by
    # the region that follows "in" (a compass word between), as by "Rafah, Gaza"
    d = standpoints.parse("Israel violated the truce by shelling Rafah in southern Gaza, officials said.")
    assert_at(mention(d, "Rafah"), "PSE", 31.297, 34.244)
