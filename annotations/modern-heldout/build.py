#!/usr/bin/env python3
"""Ten partnership news items written for qfacts by the lead after the modern-lead work (our own sentences;
invented companies, real places), annotated at document level under ../shared/eval/GUIDELINES.md before qfacts
was run on them. A held-out check: read its scores, never its errors, when changing rules (like modern-own/).

usage: python annotations/modern-heldout/build.py   (writes items.jsonl beside it and checks every surface form)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from items_lib import write_items  # noqa: E402  (annotations/items_lib.py)

ITEMS = [
    dict(id="held-01", reference_date="2025-09-18", text=(
        "Brightwater Bio and the University of Leeds said on Wednesday they would jointly develop enzyme-based "
        "plastics recycling under a five-year research agreement.\n\n"
        "Brightwater, a spin-out of Imperial College London, will fund two laboratories at the university's "
        "campus. The partners expect a first pilot plant in Yorkshire by 2027."),
     orgs=[["Brightwater Bio", "Brightwater"], ["University of Leeds"], ["Imperial College London"]],
     places=[["Yorkshire"]],
     agreements=[dict(type="joint_research", parties=[["Brightwater Bio", "Brightwater"], ["University of Leeds"]],
                      date="2025-09-17")]),
    dict(id="held-02", reference_date="2024-02-29", text=(
        "MUNICH, Feb 29 -- Chipmaker Ostara Semiconductors will acquire Veltrix Design, a French maker of "
        "analog chip design tools, for 310 million euros, the two companies said on Thursday.\n\n"
        "The deal, which still needs approval from competition authorities, is expected to close in the third "
        "quarter. Veltrix, based in Sophia Antipolis, has 240 employees."),
     orgs=[["Ostara Semiconductors"], ["Veltrix Design", "Veltrix"]],
     places=[["MUNICH"], ["Sophia Antipolis"]],
     agreements=[dict(type="acquisition", parties=[["Ostara Semiconductors"], ["Veltrix Design", "Veltrix"]],
                      date="2024-02-29")]),
    dict(id="held-03", reference_date="2025-05-07", text=(
        "The government of Kenya and Solvane Energy signed a power purchase agreement on Tuesday for a 120-"
        "megawatt geothermal plant near Naivasha, the energy ministry said.\n\n"
        "Solvane, a Nairobi-based developer backed by the African Development Bank, will build and run the "
        "plant. Kenya Power will buy its electricity for 25 years."),
     orgs=[["Solvane Energy", "Solvane"], ["African Development Bank"], ["Kenya Power"]],
     places=[["Kenya"], ["Naivasha"], ["Nairobi"]],
     agreements=[dict(type="contract", parties=[["Kenya"], ["Solvane Energy", "Solvane"]], date="2025-05-06")]),
    dict(id="held-04", reference_date="2024-12-12", text=(
        "Nordgrid Systems has won a contract from the Norwegian transmission operator Statline to supply "
        "monitoring software for 40 substations, the Bergen company said on Thursday. The contract is worth "
        "about 18 million euros.\n\n"
        "Nordgrid also said it had joined the European Grid Digitalisation Alliance, an industry group based in "
        "Brussels."),
     orgs=[["Nordgrid Systems", "Nordgrid"], ["Statline"], ["European Grid Digitalisation Alliance"]],
     places=[["Bergen"], ["Brussels"]],
     agreements=[dict(type="contract", parties=[["Nordgrid Systems", "Nordgrid"], ["Statline"]],
                      date="2024-12-12"),
                 dict(type="membership", parties=[["Nordgrid Systems", "Nordgrid"],
                                                  ["European Grid Digitalisation Alliance"]], date=None)]),
    dict(id="held-05", reference_date="2025-11-03", text=(
        "Vietnam's Halong Shipyards and Japanese engine maker Kuroda Marine have formed a joint venture to build "
        "hydrogen-ready ferries, the companies announced on Monday.\n\n"
        "The venture will be based in Hai Phong. Halong will hold 60 percent and Kuroda the remainder."),
     orgs=[["Halong Shipyards", "Halong"], ["Kuroda Marine", "Kuroda"]],
     places=[["Vietnam"], ["Hai Phong"]],
     agreements=[dict(type="joint_venture", parties=[["Halong Shipyards", "Halong"], ["Kuroda Marine", "Kuroda"]],
                      date="2025-11-03")]),
    dict(id="held-06", reference_date="2024-08-22", text=(
        "Adelaide-based space start-up Corvid Orbital said on Thursday it had signed a memorandum of "
        "understanding with the Indian Space Research Organisation to test its satellite propulsion system.\n\n"
        "The MoU was signed in Bengaluru in the presence of the Australian trade minister. Corvid also "
        "received a grant of A$4 million from the South Australian government last month."),
     orgs=[["Corvid Orbital", "Corvid"], ["Indian Space Research Organisation"]],
     places=[["Adelaide"], ["Bengaluru"]],
     agreements=[dict(type="memorandum_of_understanding", parties=[["Corvid Orbital", "Corvid"],
                                                                  ["Indian Space Research Organisation"]],
                      date="2024-08-22")]),
    dict(id="held-07", reference_date="2025-03-26", text=(
        "Rotterdam's port authority and the city of Duisburg signed a letter of intent on Tuesday to develop "
        "a rail corridor for hydrogen carriers between the two inland hubs.\n\n"
        "Duisburg mayor Anna Keller said the letter was the first step towards a joint company that could "
        "operate the corridor from 2028."),
     orgs=[],
     places=[["Rotterdam"], ["Duisburg"]],
     agreements=[dict(type="letter_of_intent", parties=[["Rotterdam"], ["Duisburg"]], date="2025-03-25")]),
    dict(id="held-08", reference_date="2024-04-16", text=(
        "Pharmaceutical group Meriden Health has licensed a late-stage migraine drug from Korean biotech "
        "Sungwon Therapeutics for an upfront payment of $75 million.\n\n"
        "Under the licensing deal, announced on Monday, Meriden gets the rights to sell the drug outside Asia. "
        "Sungwon shares jumped 12 percent in Seoul."),
     orgs=[["Meriden Health", "Meriden"], ["Sungwon Therapeutics", "Sungwon"]],
     places=[["Asia"], ["Seoul"]],
     agreements=[dict(type="licensing", parties=[["Meriden Health", "Meriden"], ["Sungwon Therapeutics", "Sungwon"]],
                      date="2024-04-15")]),
    dict(id="held-09", reference_date="2025-07-09", text=(
        "Three Baltic universities -- Vilnius University, the University of Tartu and Riga Technical University "
        "-- launched a quantum computing partnership on Wednesday.\n\n"
        "The partnership will share a 20-qubit machine to be installed in Riga and train about 60 doctoral "
        "students. The European Commission is paying half of the 9 million euro cost."),
     orgs=[["Vilnius University"], ["University of Tartu"], ["Riga Technical University"],
           ["European Commission"]],
     places=[["Riga"]],
     agreements=[dict(type="partnership", parties=[["Vilnius University"], ["University of Tartu"],
                                                  ["Riga Technical University"]], date="2025-07-09"),
                 dict(type="investment", parties=[["European Commission"], ["Vilnius University"],
                                                  ["University of Tartu"], ["Riga Technical University"]],
                      date=None)]),
    dict(id="held-10", reference_date="2024-10-30", text=(
        "Calder Robotics denied on Wednesday that it was in talks to sell itself to a rival. Separately, the "
        "Glasgow company said it would run a pilot project with the supermarket chain Fairlane Foods to test "
        "shelf-scanning robots in 12 stores in Scotland."),
     orgs=[["Calder Robotics"], ["Fairlane Foods"]],
     places=[["Glasgow"], ["Scotland"]],
     agreements=[dict(type="pilot_project", parties=[["Calder Robotics"], ["Fairlane Foods"]],
                      date="2024-10-30")]),
]


def main() -> int:
    return 1 if write_items(ITEMS, Path(__file__).with_name("items.jsonl")) else 0


if __name__ == "__main__":
    raise SystemExit(main())
