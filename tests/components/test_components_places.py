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


def test_places_sports_club_name_spans_the_capitalised_words_after_the_town():
    nlp = make_blank("qfacts_places")
    doc = nlp("SOCCER - LEAGUE ROUND-UP.\nLeeds United beat Seattle Rovers on Saturday.")
    assert ents(doc, "ORG") == ["Leeds United", "Seattle Rovers"]


def test_places_dateline_with_a_state_is_no_club():
    nlp = make_blank("qfacts_places")
    doc = nlp("GOLF - SCORES AT THE OPEN.\nAKRON, Ohio 2001-08-22\nScores after the first round.")
    assert ents(doc, "PLACE") == ["AKRON", "Ohio"]
    assert ents(doc, "ORG") == []


def test_places_teams_in_result_lines_tables_and_fixtures_are_clubs_but_countries_stay_places():
    nlp = make_blank("qfacts_places")
    doc = nlp("SOCCER - RESULTS.\nResults:\nVornak Athletic 2 Kelvo 1\nJapan 1 Canada 0\n"
              "Standings:\nTrilix 4 3 1 0 8 2 10\nFixtures: Zorvia Rangers v Ortegal.\n")
    assert ents(doc, "ORG") == ["Vornak Athletic", "Kelvo", "Trilix", "Zorvia Rangers", "Ortegal"]
    assert ents(doc, "PLACE") == ["Japan", "Canada"]


def test_places_golf_round_scores_are_no_league_table():
    nlp = make_blank("qfacts_places")
    doc = nlp("GOLF - LEADING SCORES.\nScores:\nGreg Vornak 68 70 69 71 72 350\n")
    assert ents(doc, "ORG") == []


def test_places_place_that_opens_an_event_name_is_no_place_mention():
    nlp = make_blank("qfacts_places")
    doc = nlp("After the Gulf War she won the U.S. Open and moved to Canada.")
    assert ents(doc, "PLACE") == ["Canada"]


def test_places_town_name_after_a_first_name_in_a_sports_story_is_a_surname():
    nlp = make_blank("qfacts_places")
    doc = nlp("GOLF - LEADERS.\nLONDON 2001-03-04\nKelvin Bristol shot 68 and Bristol said he was pleased.")
    assert ents(doc, "ORG") == []
    assert ents(doc, "PLACE") == ["LONDON"]


def test_places_bowling_figures_with_decimals_are_no_league_table():
    nlp = make_blank("qfacts_places")
    doc = nlp("CRICKET - AVERAGES.\nAverages:\nAlan Vornak 3 5 1 39 24 9.75\n")
    assert ents(doc, "ORG") == []


def test_places_english_counties_are_places_and_county_sides_in_cricket():
    nlp = make_blank("qfacts_places")
    assert ents(nlp("Floods hit Warwickshire and Essex."), "PLACE") == ["Warwickshire", "Essex"]
    doc = nlp("CRICKET - COUNTY SCORES.\nLONDON 2001-03-04\nWarwickshire beat Essex by six wickets.")
    assert ents(doc, "ORG") == ["Warwickshire", "Essex"]


def test_places_town_joined_by_a_hyphen_to_a_name_is_part_of_that_name():
    nlp = make_blank("qfacts_places")
    doc = nlp("Vornak-Bristol and McKelvo Bristol units met in Seoul-Tokyo talks.")
    assert ents(doc, "PLACE") == ["Seoul", "Tokyo"]


def test_places_accentless_spelling_and_historical_names_are_places():
    nlp = make_blank("qfacts_places")
    doc = nlp("Flights from Sao Paulo and Bogota reached Zurich, Bombay and Frankfurt.")
    assert ents(doc, "PLACE") == ["Sao Paulo", "Bogota", "Zurich", "Bombay", "Frankfurt"]


def test_places_team_nickname_after_the_in_a_sports_story_is_a_club():
    nlp = make_blank("qfacts_places")
    doc = nlp("BASEBALL - ROUND-UP.\nThe Vornaks beat the Kelvo Rangers before the Games, and the Mexicans cheered.")
    assert ents(doc, "ORG") == ["Vornaks", "Kelvo Rangers"]


def test_places_german_transliteration_of_umlauts_is_a_place():
    nlp = make_blank("qfacts_places")
    doc = nlp("The plant moved from Duesseldorf to Koeln.")
    assert ents(doc, "PLACE") == ["Duesseldorf", "Koeln"]


def test_places_saint_names_without_the_period():
    nlp = make_blank("qfacts_places")
    doc = nlp("ST LOUIS 2001-03-04\nFlights from St Louis resumed.")
    assert ents(doc, "PLACE") == ["ST LOUIS", "St Louis"]


def test_places_team_after_the_country_in_a_ranked_result_is_a_club():
    nlp = make_blank("qfacts_places")
    doc = nlp("CYCLING - STAGE RESULTS.\nResults:\n1. Rolf Vornak (Denmark) Kelvo Team 4:32:10\n"
              "2. Zed Trilix (Canada) 10.30\n")
    assert ents(doc, "ORG") == ["Kelvo Team"]
    assert ents(doc, "PLACE") == ["Denmark", "Canada"]


_SPORTS_LINES = [
    "Albion v Cowdenbeath, Rangers v Celtic.", "SOCCER - SCOTTISH LEAGUE", "Saturday: Hearts v Hibernian (3.00)",
    "Results - Barnsley 3 Reading 0", "Partick v St Johnstone", "x v y", " v ", "The Yankees beat the Red Sox.",
    "the All Blacks v the Wallabies; Italy v France", "Leeds v", "v Chelsea", "ARSENAL V CHELSEA", "A v B v C, D v E",
    "theYankees the Mets' Athens Olympics, the Netherlands; Othe Bears", "Rome v Paris\r", "\u00c9tienne v Lyon.",
]


def test_places_fixtures_and_nicknames_are_found_as_by_the_plain_patterns():
    import re

    from qfacts.components import places

    nickname = re.compile(r"\b[Tt]he ((?:[A-Z][a-z]+ )?[A-Z][a-z]+s)\b(?! [A-Z])")
    for k in range(len(_SPORTS_LINES)):
        for sep in ("\n", " ", "\n\n"):
            text = sep.join(_SPORTS_LINES[k:] + _SPORTS_LINES[:k])
            assert [(m.span(), m.span(1), m.span(2)) for m in places._fixtures(text)] == \
                [(m.span(), m.span(1), m.span(2)) for m in places._FIXTURE.finditer(text)], text
            assert [(m.span(), m.span(1)) for m in places._NICKNAME.finditer(text)] == \
                [(m.span(), m.span(1)) for m in nickname.finditer(text)], text


def test_places_a_stop_listed_city_after_city_of_or_before_based_is_a_place():
    nlp = make_blank("qfacts_places")
    doc = nlp("The mayor of Phoenix met an Austin-based founder; Austin Reed and the Phoenix Suns did not.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Phoenix", "PLACE"), ("Austin", "PLACE")]


def test_places_a_capitalised_locative_opening_a_sentence_glues_nothing_to_the_place():
    nlp = make_blank("qfacts_places")
    doc = nlp("Near Mosul, two strikes hit a depot. Outside Dayton the road was closed. Mosul was quiet then.")
    assert ents(doc, "PLACE") == ["Mosul", "Dayton", "Mosul"]


def test_places_a_first_name_town_before_a_surname_in_a_sports_story_is_a_person_not_a_club():
    # "David", "Wayne" and "Gary" are towns too; before a capitalised word that is no place they open a person's
    # name, and a club name word keeps the pair a club ("Aston Villa")
    nlp = make_blank("qfacts_places")
    doc = nlp("SOCCER - VORNAK SIGNS.\nLONDON 2001-03-04\nDavid Kelvorn joined Wayne Tamsett and "
              "Gary J. Pellow on Monday. Bristol beat Aston Villa 2-1.")
    orgs = ents(doc, "ORG")
    assert not any(o.startswith(("David", "Wayne", "Gary")) for o in orgs)
    assert "Bristol" in orgs and "Aston Villa" in orgs
    assert ents(doc, "PLACE") == ["LONDON"]


def test_places_a_town_after_an_initial_in_a_sports_story_is_a_surname_everywhere_in_it():
    nlp = make_blank("qfacts_places")
    doc = nlp("CRICKET - LEEDS ON TOP.\nLONDON 2001-03-04\nWalker took three wickets.\n"
              "Leeds 301 (M. Walker 88, P. Tamsett 40) v Essex.\nWalker was out for 88.")
    orgs = ents(doc, "ORG")
    assert "Walker" not in orgs and "Leeds" in orgs and "Essex" in orgs


def test_places_towns_in_a_story_of_a_sport_of_single_competitors_stay_places():
    # a meeting's town in athletics is no club; the same sentence in a soccer story reads the town as a club
    text = "Kelvorn won the 800 metres at the Bristol meeting ahead of runners from Leeds."
    nlp = make_blank("qfacts_places")
    doc = nlp("ATHLETICS - KELVORN WINS.\nLONDON 2001-03-04\n" + text)
    assert ents(doc, "PLACE") == ["LONDON", "Bristol", "Leeds"] and ents(doc, "ORG") == []
    doc = nlp("SOCCER - KELVORN WINS.\nLONDON 2001-03-04\n" + text)
    assert "Bristol" in ents(doc, "ORG")


def test_places_a_name_after_a_place_noun_and_of_is_a_place_with_its_other_mentions():
    nlp = make_blank("qfacts_places")
    doc = nlp("Rebels attacked the mining town of Kelvoreth and the northern province of Tamsa-Dun on Monday. "
              "Kelvoreth was calm later, officials in Tamsa-Dun said. Kelvoreth Tamsett was not hurt.")
    assert ents(doc, "PLACE") == ["Kelvoreth", "Tamsa-Dun", "Kelvoreth", "Tamsa-Dun"]
    # a lower-case noun only, and no function word after it
    doc = nlp("The state of The Art report and the Republic of Kelvoreth were named.")
    assert ents(doc, "PLACE") == []


def test_places_a_sport_slug_in_title_case_marks_a_sports_story_too():
    nlp = make_blank("qfacts_places")
    doc = nlp("Soccer - Kelvorn joins Bristol.\nLONDON 2001-03-04\nStriker Tom Kelvorn joined Bristol on Monday.")
    assert "Bristol" in ents(doc, "ORG") and ents(doc, "PLACE") == ["LONDON"]
    doc = nlp("Tennis - Kelvorn wins.\nLONDON 2001-03-04\nKelvorn beat Tamsett at the Bristol tournament.")
    assert ents(doc, "PLACE") == ["LONDON", "Bristol"]


def test_places_a_people_in_the_plural_after_the_is_no_team_nickname():
    nlp = make_blank("qfacts_places")
    doc = nlp("SOCCER - DERBY DRAWN.\nLONDON 2001-03-04\nThe Arabs in the crowd cheered as the Kelvo Rovers drew "
              "with the Tamsetts.")
    orgs = ents(doc, "ORG")
    assert "Arabs" not in orgs and "Tamsetts" in orgs


def test_places_a_town_in_cricket_scorecard_notation_is_a_player_throughout_the_story():
    nlp = make_blank("qfacts_places")
    doc = nlp("CRICKET - KELVO SCOREBOARD.\nLONDON 2001-03-04\nTom Anwar c Tamsett b Bristol 176\n"
              "Jim Kelvorn not out 12\nBowling: Tamsett 3-0-15-0, Bristol 14.3-4-45-1\nEssex beat Kent.")
    orgs = ents(doc, "ORG")
    assert "Bristol" not in orgs and "Essex" in orgs


def test_places_the_article_before_a_country_name_in_running_text_is_no_part_of_the_name():
    nlp = make_blank("qfacts_places")
    doc = nlp("Kelvo Ltd moved its office from the Netherlands to Belgium.")
    assert ents(doc, "PLACE") == ["Netherlands", "Belgium"]


def test_places_a_compass_initial_before_a_country_or_state_is_part_of_the_name():
    nlp = make_blank("qfacts_places")
    doc = nlp("Kelvo Ltd opened offices in S. Korea and in Wheeling, W. Va. on Monday.")
    places = [(e.text, e._.canonical) for e in doc.ents if e.label_ == "PLACE"]
    assert ("S. Korea", "South Korea") in places and ("W. Va.", "West Virginia") in places


def test_places_a_town_after_a_first_name_and_a_middle_initial_is_a_surname():
    nlp = make_blank("qfacts_places")
    doc = nlp("Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died. Dayton served in Paris.")
    assert ents(doc, "PLACE") == ["Woodbridge", "Virginia", "Paris"]


def test_places_the_town_in_capitals_opening_a_dateline_is_a_place_the_gazetteer_may_lack():
    nlp = make_blank("qfacts_dates", "qfacts_places")
    doc = nlp("Rebels free two prisoners.\nKELVORETH, Tamsavia 2001-03-04\nRebels in the hills said on Monday.")
    assert ents(doc, "PLACE")[0] == "KELVORETH"
    doc = nlp("Train derails.\nTAMSABAD, Vt.\n2001-03-04\nA train derailed.")
    assert ents(doc, "PLACE")[0] == "TAMSABAD"
    # a capitals line that is no dateline (no date after it) is left alone
    doc = nlp("KELVORETH TAMSABAD WINS\nThe rest of the story.")
    assert ents(doc, "PLACE") == []


def test_places_a_plural_place_noun_and_of_names_two_places():
    nlp = make_blank("qfacts_places")
    doc = nlp("A bus crashed between the towns of Kelvora and Tamsa Dun, police said. The town of Dorvenka and "
              "Kelvo Tamsett said.")
    assert ents(doc, "PLACE") == ["Kelvora", "Tamsa Dun", "Dorvenka"]
