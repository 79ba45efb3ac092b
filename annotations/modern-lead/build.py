#!/usr/bin/env python3
"""Twelve partnership news items written for qfacts by the lead (our own sentences; the companies are invented,
the places real), annotated at document level under ../shared/eval/GUIDELINES.md *before* qfacts was run on them.
They vary the constructions the modern dev corpus has few of (passives, appositions, sides named in the next
sentence, sellers, funding rounds with several investors, denied deals beside real ones, memberships, pilots).
Unlike modern-own/ this set is dev data: its errors were read to find general mechanisms.

usage: python annotations/modern-lead/build.py   (writes items.jsonl beside it and checks every surface form)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from items_lib import write_items  # noqa: E402  (annotations/items_lib.py)

ITEMS = [
    dict(id="lead-01", reference_date="2025-03-14", text=(
        "TAMPERE, Finland, March 14 -- A memorandum of understanding on autonomous port logistics was signed on "
        "Tuesday by Halden Robotics and the City of Tampere, the two sides said.\n\n"
        "Under the memorandum, Halden Robotics will test driverless cargo carriers at the Tampere inland port "
        "from the autumn. The city will provide test areas and data from its traffic sensors.\n\n"
        "Halden, founded in 2019 in Oulu, employs about 80 people."),
     orgs=[["Halden Robotics", "Halden"], ["City of Tampere"]],
     places=[["Tampere", "TAMPERE"], ["Finland"], ["Oulu"]],
     agreements=[dict(type="memorandum_of_understanding", parties=[["Halden Robotics", "Halden"],
                                                                  ["City of Tampere", "Tampere"]],
                      date="2025-03-11")]),
    dict(id="lead-02", reference_date="2024-10-02", text=(
        "Norvex Energy, a Finnish battery maker, Aurelia Mining of Chile and the state utility Enercorp have "
        "agreed to form a joint venture to refine lithium in Antofagasta, the companies said on Wednesday.\n\n"
        "Aurelia will hold 51 percent of the venture, with Norvex and Enercorp owning the rest. The partners "
        "plan to invest about $600 million over five years.\n\n"
        "Chile holds some of the world's largest lithium reserves."),
     orgs=[["Norvex Energy", "Norvex"], ["Aurelia Mining", "Aurelia"], ["Enercorp"]],
     places=[["Chile"], ["Antofagasta"]],
     agreements=[dict(type="joint_venture", parties=[["Norvex Energy", "Norvex"], ["Aurelia Mining", "Aurelia"],
                                                    ["Enercorp"]], date="2024-10-02")]),
    dict(id="lead-03", reference_date="2025-06-20", text=(
        "Kiroshi Semiconductor has signed a licensing agreement for its gallium nitride power transistor "
        "designs, the Osaka-based company said on Friday.\n\n"
        "The licensee is Belvue Optics, a start-up based in Grenoble, France, which will use the designs in "
        "laser drivers for lidar sensors. Financial terms were not disclosed.\n\n"
        "Kiroshi shares rose 3 percent in Tokyo."),
     orgs=[["Kiroshi Semiconductor", "Kiroshi"], ["Belvue Optics"]],
     places=[["Osaka"], ["Grenoble"], ["France"], ["Tokyo"]],
     agreements=[dict(type="licensing", parties=[["Kiroshi Semiconductor", "Kiroshi"], ["Belvue Optics"]],
                      date="2025-06-20")]),
    dict(id="lead-04", reference_date="2024-05-08", text=(
        "Quantum software firm Qubitron has teamed up with the University of Waterloo to develop error "
        "correction methods for trapped-ion computers.\n\n"
        "The joint research programme, announced on Tuesday, will run for three years and be funded in part by "
        "the Natural Sciences and Engineering Research Council of Canada, which awarded a grant of C$2.5 million "
        "to the university.\n\n"
        "Qubitron chief executive Mira Solberg said the work would be done at the university's campus in "
        "Waterloo, Ontario."),
     orgs=[["Qubitron"], ["University of Waterloo"],
           ["Natural Sciences and Engineering Research Council of Canada"]],
     places=[["Waterloo"], ["Ontario"], ["Canada"]],
     agreements=[dict(type="joint_research", parties=[["Qubitron"], ["University of Waterloo"]],
                      date="2024-05-07"),
                 dict(type="investment", parties=[["Natural Sciences and Engineering Research Council of Canada"],
                                                  ["University of Waterloo"]], date=None)]),
    dict(id="lead-05", reference_date="2025-01-22", text=(
        "Tarmac Data agreed to buy the cloud hosting unit of Omnitel from its parent, Veradis Group, for $1.2 "
        "billion, the companies said on Wednesday.\n\n"
        "The deal gives Tarmac Data, which is based in Austin, Texas, data centres in Frankfurt, Dublin and "
        "Madrid. It is expected to close in the second quarter, subject to approval by regulators in the "
        "European Union.\n\n"
        "Veradis said it would use the proceeds to cut debt."),
     orgs=[["Tarmac Data"], ["Omnitel"], ["Veradis Group", "Veradis"]],
     places=[["Austin"], ["Texas"], ["Frankfurt"], ["Dublin"], ["Madrid"], ["European Union"]],
     agreements=[dict(type="acquisition", parties=[["Tarmac Data"], ["Omnitel"], ["Veradis Group", "Veradis"]],
                      date="2025-01-22")]),
    dict(id="lead-06", reference_date="2024-09-12", text=(
        "SEOUL, Sept. 12 -- Lumio, a Seoul start-up that makes microLED displays, said on Thursday it had raised "
        "$40 million in a Series B funding round led by Cresta Ventures, with participation from Hollow Pine "
        "Capital and the Korea Development Bank.\n\n"
        "Lumio will use the money to build a pilot production line in Pangyo. The company also signed a supply "
        "contract with automaker Hanwon Motors, which plans to use its displays in dashboards from 2026."),
     orgs=[["Lumio"], ["Cresta Ventures"], ["Hollow Pine Capital"], ["Korea Development Bank"],
           ["Hanwon Motors"]],
     places=[["Seoul", "SEOUL"], ["Pangyo"]],
     agreements=[dict(type="investment", parties=[["Lumio"], ["Cresta Ventures"], ["Hollow Pine Capital"],
                                                 ["Korea Development Bank"]], date="2024-09-12"),
                 dict(type="contract", parties=[["Lumio"], ["Hanwon Motors"]], date=None)]),
    dict(id="lead-07", reference_date="2025-04-03", text=(
        "The Port of Antwerp-Bruges has joined the Hydrogen Import Coalition, a group of European ports and "
        "energy companies preparing terminals for green ammonia, the port said on Thursday.\n\n"
        "The coalition, set up last year by the ports of Rotterdam and Hamburg, now counts 14 members. Antwerp-"
        "Bruges handles about a fifth of Belgium's energy imports."),
     orgs=[["Port of Antwerp-Bruges", "Antwerp-Bruges"], ["Hydrogen Import Coalition"]],
     places=[["Rotterdam"], ["Hamburg"], ["Belgium"]],
     agreements=[dict(type="membership", parties=[["Port of Antwerp-Bruges", "Antwerp-Bruges"],
                                                 ["Hydrogen Import Coalition"]],
                      date="2025-04-03")]),
    dict(id="lead-08", reference_date="2025-03-05", text=(
        "TALLINN, March 5 -- The digital ministers of Estonia and Singapore issued a joint declaration on "
        "cross-border digital trade on Monday, pledging to recognise each other's electronic signatures.\n\n"
        "The declaration also calls for a pilot project on paperless trade documents between the ports of "
        "Tallinn and Singapore, to start in June.\n\n"
        "Estonia signed a similar declaration with Japan in 2023."),
     orgs=[],
     places=[["Estonia"], ["Singapore"], ["Tallinn", "TALLINN"], ["Japan"]],
     agreements=[dict(type="joint_declaration", parties=[["Estonia"], ["Singapore"]], date="2025-03-03"),
                 dict(type="pilot_project", parties=[["Tallinn"], ["Singapore"]], date=None),
                 dict(type="joint_declaration", parties=[["Estonia"], ["Japan"]], date="2023")]),
    dict(id="lead-09", reference_date="2024-11-27", text=(
        "The city of Aarhus will run a six-month pilot project with Mobiq, a Danish maker of autonomous "
        "shuttles, on a route between the central station and the university hospital, the city council "
        "said on Tuesday.\n\n"
        "Mobiq has run similar trials in Oslo and Gothenburg. If the pilot succeeds, Aarhus plans to tender "
        "for a permanent service in 2026."),
     orgs=[["Mobiq"]],
     places=[["Aarhus"], ["Oslo"], ["Gothenburg"]],
     agreements=[dict(type="pilot_project", parties=[["Aarhus"], ["Mobiq"]], date="2024-11-26")]),
    dict(id="lead-10", reference_date="2025-02-18", text=(
        "Vantor Aerospace is in talks with the Indian Space Research Organisation (ISRO) about developing small "
        "Earth-observation satellites together, two people familiar with the matter said.\n\n"
        "The Toulouse-based company already has a contract with the European Space Agency to build two "
        "weather satellites. A Vantor spokeswoman declined to comment on the talks with ISRO."),
     orgs=[["Vantor Aerospace", "Vantor"], ["Indian Space Research Organisation", "ISRO"],
           ["European Space Agency"]],
     places=[["Toulouse"]],
     agreements=[dict(type="joint_research", parties=[["Vantor Aerospace", "Vantor"],
                                                     ["Indian Space Research Organisation", "ISRO"]], date=None),
                 dict(type="contract", parties=[["Vantor Aerospace", "Vantor"], ["European Space Agency"]],
                      date=None)]),
    dict(id="lead-11", reference_date="2024-07-10", text=(
        "Helio Grid denied a newspaper report that it would merge with rival solar developer Sunvale. "
        "\"There are no talks,\" a company spokesman said on Wednesday.\n\n"
        "Helio Grid did, however, sign a three-year supply agreement with Meridia Steel for mounting frames, "
        "the company said. The frames will be made at Meridia's plant in Gdansk, Poland."),
     orgs=[["Helio Grid"], ["Sunvale"], ["Meridia Steel", "Meridia"]],
     places=[["Gdansk"], ["Poland"]],
     agreements=[dict(type="contract", parties=[["Helio Grid"], ["Meridia Steel", "Meridia"]], date=None)]),
    dict(id="lead-12", reference_date="2024-06-05", text=(
        "At a trade summit in Stockholm on Tuesday, South Korea's Daewon Telecom signed memorandums of "
        "understanding with Swedish network operator Tellia and with fibre builder Norrland Fiber.\n\n"
        "Under the agreements, the companies will study joint 6G trials in northern Sweden. Daewon also agreed "
        "to open a research centre in Lulea with Lulea University of Technology."),
     orgs=[["Daewon Telecom", "Daewon"], ["Tellia"], ["Norrland Fiber"], ["Lulea University of Technology"]],
     places=[["Stockholm"], ["South Korea"], ["Sweden"], ["Lulea"]],
     agreements=[dict(type="memorandum_of_understanding", parties=[["Daewon Telecom", "Daewon"], ["Tellia"]],
                      date="2024-06-04"),
                 dict(type="memorandum_of_understanding", parties=[["Daewon Telecom", "Daewon"],
                                                                  ["Norrland Fiber"]], date="2024-06-04"),
                 dict(type="joint_research", parties=[["Daewon Telecom", "Daewon"],
                                                     ["Lulea University of Technology"]], date=None)]),
]


def main() -> int:
    return 1 if write_items(ITEMS, Path(__file__).with_name("items.jsonl")) else 0


if __name__ == "__main__":
    raise SystemExit(main())
