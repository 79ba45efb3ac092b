from conftest import ents, make_blank


def test_places_tags_countries_states_and_cities_with_canonical_names():
    nlp = make_blank("qfacts_places")
    doc = nlp("Officials from the U.S. met partners in Virginia, Munich and South Korea.")
    assert ents(doc, "PLACE") == ["U.S.", "Virginia", "Munich", "South Korea"]
    assert {e.text: e._.canonical for e in doc.ents}["U.S."] == "United States"


def test_places_skips_a_city_name_glued_to_another_capitalised_word():
    nlp = make_blank("qfacts_places")
    doc = nlp("The Washington Post reported that Jesse Jackson spoke. Later Jackson left for Paris.")
    assert ents(doc, "PLACE") == ["Paris"]


def test_places_ignores_stop_listed_words_that_are_also_towns():
    nlp = make_blank("qfacts_places")
    doc = nlp("Reading the report, Police said Deal terms were Normal.")
    assert ents(doc, "PLACE") == []


def test_places_finds_upper_case_dateline_names():
    nlp = make_blank("qfacts_places")
    doc = nlp("SEOUL, May 19 -- The ministry said ...")
    assert ents(doc, "PLACE") == ["SEOUL"]


def test_places_offsets_index_the_text_exactly():
    nlp = make_blank("qfacts_places")
    text = "A Tokyo-based firm and Korea's largest bank opened offices in New York."
    doc = nlp(text)
    assert ents(doc, "PLACE") == ["Tokyo", "Korea", "New York"]
    for e in doc.ents:
        assert text[e.start_char:e.end_char] == e.text


def test_places_town_names_in_a_sports_story_are_clubs_unless_a_locative_word_precedes():
    nlp = make_blank("qfacts_places")
    doc = nlp("SOCCER - LATE GOAL LIFTS BRISTOL.\nLONDON 2001-03-04\nBristol beat Portsmouth 2-1 in Leeds "
              "while Japan drew with Canada.")
    assert ents(doc, "ORG") == ["BRISTOL", "Bristol", "Portsmouth"]
    assert ents(doc, "PLACE") == ["LONDON", "Leeds", "Japan", "Canada"]


def test_places_town_names_outside_sports_stories_stay_places():
    nlp = make_blank("qfacts_places")
    doc = nlp("Bristol and Portsmouth councils met in Leeds.")
    assert ents(doc, "ORG") == []
    assert "Leeds" in ents(doc, "PLACE")
