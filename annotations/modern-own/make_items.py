#!/usr/bin/env python3
"""Build annotations/modern-own/items.jsonl: 20 news items about technology partnerships, written for qfacts and
annotated at document level (orgs, places, agreements) under ../shared/eval/GUIDELINES.md and the conventions of
../shared/corpora/modern-partnerships/README.md (see README.md beside this file).

usage: python3 annotations/modern-own/make_items.py [--pred PRED.jsonl] [--candidates]

  --pred PRED.jsonl  also write a prediction file built from the gold (every surface form as an entity, every fact
                     with each party's first name and the gold date), for scoring the gold against itself
  --candidates       print capitalised word runs that no listed name covers (a review aid for exhaustiveness)

Standard library only. Refuses to write unless every check passes.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "items.jsonl"
LICENSE = "text written for qfacts (MIT); facts from the cited sources"
TYPES = {
    "memorandum_of_understanding", "letter_of_intent", "joint_declaration", "partnership", "cooperation_agreement",
    "joint_research", "talent_exchange", "pilot_project", "joint_venture", "licensing", "contract", "investment",
    "acquisition", "trade_agreement", "membership", "other_agreement",
}

# Each item: id, ref (reference date), event (one line for the README table), text, orgs, places,
# agreements as (type, [party, ...], date) where a party is a list of surface forms, canonical first; source URLs.
ITEMS = [
    dict(
        id="own-01", ref="2024-12-06", event="Nvidia–Vietnam agreement on an AI R&D centre and data centre; Nvidia buys VinBrain",
        text="""HANOI, Dec. 6 -- Nvidia and the government of Vietnam will jointly set up an artificial intelligence research and development centre and an AI data centre in the country under a cooperation agreement signed in the capital on Thursday.

The signing took place in the presence of Nvidia chief executive Jensen Huang and Prime Minister Pham Minh Chinh. Neither side put a price on the two facilities. The research centre is to become the chip designer's third such hub, after Silicon Valley and Taiwan, while the data centre will enlarge a site owned by Viettel, the military-run telecoms group, that already uses Nvidia hardware.

Nvidia also announced on Thursday that it had acquired VinBrain, a health-care AI start-up belonging to the conglomerate Vingroup, without disclosing terms. VinBrain's diagnostic software reads X-rays, CT scans and MRI images and is used in hospitals at home and abroad.

Vietnam has courted the Santa Clara company since Huang's first trip to Hanoi a year ago, when he said he wanted the country to become a second home for Nvidia and promised help in training local AI talent. In April, the local technology group FPT said it would spend $200 million on an AI factory of its own running on Nvidia chips and software.

Chinh told the ceremony that Vietnam wanted AI to drive growth and to help it develop clean energy, and that its ambitions stretched as far as space and the oceans.""",
        orgs=[["Nvidia"], ["Viettel"], ["VinBrain"], ["Vingroup"], ["FPT"]],
        places=[["Hanoi", "HANOI"], ["Vietnam"], ["Silicon Valley"], ["Taiwan"], ["Santa Clara"]],
        agreements=[
            ("cooperation_agreement", [["Nvidia"], ["Vietnam"]], "2024-12-05"),
            ("acquisition", [["Nvidia"], ["VinBrain"]], "2024-12-05"),
        ],
        source="https://www.thestar.com.my/tech/tech-news/2024/12/05/nvidia-signs-ai-cooperation-agreement-with-vietnamese-government "
               "https://www.orissa-international.com/business-news/nvidia-to-establish-ai-rd-and-data-centers-in-vietnam/ "
               "https://en.baochinhphu.vn/significant-step-forward-to-turn-viet-nam-into-regional-tech-hub-the-diplomat-111241210091139064.htm "
               "https://digitalmarketreports.com/news/30565/nvidia-partners-with-vietnam-to-build-ai-research-and-data-centers/",
    ),
    dict(
        id="own-02", ref="2024-11-15", event="CDG–Gotion High-Tech MoU and CDG Invest stake in Gotion Power Morocco; earlier Morocco–Gotion MoU and investment agreement",
        text="""Morocco's Caisse de dépôt et de gestion (CDG) is to take a stake in the company building the kingdom's first electric-vehicle battery gigafactory, after signing a memorandum of understanding with the project's Chinese-European promoter, Gotion High-Tech.

The memorandum was signed on Wednesday in Hefei, where Gotion has its headquarters, by CDG chief executive Khalid Safir and Gotion chairman Li Zhen during a working visit by a CDG delegation. It provides for CDG Invest, the state fund manager's investment arm, to buy into Gotion Power Morocco, the local company leading the project, through one of its industry funds.

The plant is going up in Kenitra, north of Rabat. Its first phase is designed to turn out 20 gigawatt-hours a year of lithium-ion cells and packs, along with storage batteries and 200,000 tonnes of cathode material, for an outlay of roughly 13 billion dirhams and about 2,300 jobs.

CDG's move follows the investment agreement that the Moroccan government and Gotion signed in Rabat on June 6 at a ceremony chaired by Prime Minister Aziz Akhannouch. That agreement in turn grew out of a memorandum of understanding that the two sides signed in Marrakech on 31 May 2023.

Germany's Volkswagen Group is one of Gotion's main shareholders. The group says the Kenitra complex could eventually reach a capacity of 100 gigawatt-hours.""",
        orgs=[["Caisse de dépôt et de gestion", "CDG"], ["CDG Invest"], ["Gotion High-Tech", "Gotion"], ["Gotion Power Morocco"], ["Volkswagen Group"]],
        places=[["Morocco"], ["Hefei"], ["Kenitra"], ["Rabat"], ["Marrakech"], ["Germany"]],
        agreements=[
            ("memorandum_of_understanding", [["Caisse de dépôt et de gestion", "CDG"], ["Gotion High-Tech", "Gotion"]], "2024-11-13"),
            ("investment", [["CDG Invest", "Caisse de dépôt et de gestion", "CDG"], ["Gotion Power Morocco"]], "2024-11-13"),
            ("investment", [["Morocco"], ["Gotion High-Tech", "Gotion"]], "2024-06-06"),
            ("memorandum_of_understanding", [["Morocco"], ["Gotion High-Tech", "Gotion"]], "2023-05-31"),
        ],
        source="https://maghress.com/fr/yabiladi/156211 https://journauxafrique.com/accord-strategique-entre-la-cdg-et-gotion-high-tech-pour-une-gigafactory-a-kenitra "
               "https://medafricatimes.com/35215-morocco-signs-major-deal-to-create-17000-jobs-with-electric-vehicle-battery-plant.html "
               "https://euro.dayfr.com/local/2267939.html https://happy-halloween-vruchtenbuurt.nl/Sat-23-Jul-2011-14988.html "
               "https://themoroccantimes.com/2024/06/28291/morocco-and-gotion-high-tech-sign-landmark-electric-vehicle-battery-plant-deal",
    ),
    dict(
        id="own-03", ref="2025-12-29", event="Codelco–SQM joint venture NovaAndino Litio completed; partnership agreement (May 2024), MoU (Dec 2023); SQM–Corfo contract",
        text="""SANTIAGO, Dec. 29 -- Chile's state copper miner Codelco and lithium producer SQM have completed the joint venture that will run lithium production in the Salar de Atacama until 2060, SQM said on Saturday.

The venture, NovaAndino Litio, was formed by merging Minera Tarar, a Codelco subsidiary, into SQM Salar, which took the new name. It will handle exploration, extraction, output and sales of lithium from the salt flat, and takes over the assets, staff, permits and foreign offices the business needs. The step was reported to the Financial Market Commission (CMF).

The merger puts into effect a partnership agreement that the two companies signed in May 2024, which in turn followed a memorandum of understanding in December 2023. More than 20 institutions in Chile and abroad examined that accord, and Corfo, the development agency that owns the mining rights in the salt flat, ran an indigenous consultation on it.

SQM's current contract with Corfo runs until 2030. From 2031, Codelco is to receive 50.01% of the lithium produced.

The deal is not yet beyond challenge. Inversiones TLC, a unit of China's Tianqi Lithium, has taken an appeal against regulatory approvals to the Supreme Court, and the merger can still be unwound if the court rules against it.

Codelco chairman Máximo Pacheco said the tie-up showed a new kind of cooperation between the state and private business, transparent, professional and built for the long term.""",
        orgs=[["Codelco"], ["SQM"], ["NovaAndino Litio", "SQM Salar"], ["Minera Tarar"], ["Financial Market Commission", "CMF"], ["Corfo"],
              ["Inversiones TLC"], ["Tianqi Lithium"], ["Supreme Court"]],
        places=[["SANTIAGO"], ["Chile"], ["Salar de Atacama"], ["China"]],
        agreements=[
            ("joint_venture", [["Codelco"], ["SQM"]], "2025-12-27"),
            ("partnership", [["Codelco"], ["SQM"]], "2024-05"),
            ("memorandum_of_understanding", [["Codelco"], ["SQM"]], "2023-12"),
            ("contract", [["SQM"], ["Corfo"]], None),
        ],
        source="https://www.mining-technology.com/news/codelco-sqm-launch-novaandino-litio-jv-in-salar-de-atacama "
               "https://investingnews.com/sqm-codelco-lithium-joint-venture/ https://www.bnnbloomberg.ca/sqm-and-codelco-reach-agreement-for-lithium-mining-in-chile-1.2015916 "
               "https://republicofmining.com/2023/05/30/sqm-and-codelco-begin-talks-over-lithium-partnership-in-chile-by-cecilia-jamasmie-mining-com-may-29-2023/ "
               "https://www.insightwoo.com/copy-of-codelco-sqm-agreement",
    ),
    dict(
        id="own-04", ref="2025-03-05", event="Malaysia pays Arm $250m over ten years for chip-design licences; Arm to train 10,000 engineers",
        text="""KUALA LUMPUR, March 5 -- Malaysia will pay Arm Holdings $250 million over ten years for access to the British company's chip designs, the government said on Wednesday, as it tries to move its semiconductor industry beyond assembly and testing and into chip design.

Economy Minister Rafizi Ramli said the licence covers Arm intellectual property including seven of its high-end compute subsystem blueprints, which selected local firms will be able to use. His ministry and Arm will each draw up criteria for choosing those firms. Arm will also train 10,000 Malaysian engineers on its technology under the deal, he said.

Prime Minister Anwar Ibrahim, announcing the agreement, said it would allow chips for artificial intelligence to be designed, made, tested and packaged in Malaysia and sold worldwide. He added that Arm, which is controlled by Japan's SoftBank Group, would open its first Southeast Asian office in the capital.

Arm chief executive Rene Haas said the country's long record in advanced packaging, assembly and manufacturing gave the deal a good chance of success.

Malaysia handles about 13% of the world's chip testing, assembly and packaging. Last May the government pledged at least 25 billion ringgit under its National Semiconductor Strategy, and it hopes the Arm licences will help produce ten local chip companies with annual revenue of $1.5 billion to $2 billion each.

Microsoft, Nvidia, Google and ByteDance have all announced spending on cloud services and data centres in Malaysia since 2023.""",
        orgs=[["Arm Holdings", "Arm"], ["SoftBank Group"], ["Microsoft"], ["Nvidia"], ["Google"], ["ByteDance"]],
        places=[["KUALA LUMPUR"], ["Malaysia"], ["Japan"]],
        agreements=[
            ("licensing", [["Malaysia"], ["Arm Holdings", "Arm"]], "2025-03-05"),
            ("talent_exchange", [["Arm Holdings", "Arm"], ["Malaysia"]], "2025-03-05"),
        ],
        source="https://manufacturing.economictimes.indiatimes.com/news/hi-tech/malaysia-to-pay-arm-holdings-250-million-for-chip-design-blueprints/118724677 "
               "https://squidsite02.com/2025/03/05/malaysia-to-pay-arm https://asiaone.co.in/?p=21990 https://neweconworld.com/?p=23048",
    ),
    dict(
        id="own-05", ref="2025-10-23", event="Airbus, Leonardo and Thales MoU to combine their space businesses in a jointly controlled company",
        text="""Published 2025-10-23

Airbus, Leonardo and Thales plan joint space company

Airbus, Leonardo and Thales have signed a memorandum of understanding (MoU) to combine their space activities in a new European company, the three groups announced on Thursday.

Airbus is to contribute the satellite-systems and space-digital businesses of its Airbus Defence and Space division. Italy's Leonardo will bring its space division, including its holdings in Telespazio and Thales Alenia Space, and France's Thales will contribute chiefly its shares in Thales Alenia Space, Telespazio and Thales SESO. Launchers are not part of the plan.

Airbus will hold 35% of the new company and Leonardo and Thales 32.5% each, with control shared among the three. The business would employ about 25,000 people across Europe and, on pro-forma figures for the end of 2024, have annual revenue of about €6.5 billion and an order book worth more than three years of sales.

The partners expect savings and other synergies worth several hundred million euros a year in operating income five years after the deal closes. The company could be up and running in 2027, once regulators have approved it and other conditions have been met.

In a joint statement, the chief executives Guillaume Faury, Roberto Cingolani and Patrice Caine called the project a milestone for the continent's space industry. The new group will work in telecommunications, navigation, Earth observation, science, exploration and national security.""",
        orgs=[["Airbus"], ["Leonardo"], ["Thales"], ["Airbus Defence and Space"], ["Telespazio"], ["Thales Alenia Space"], ["Thales SESO"]],
        places=[["Italy"], ["France"], ["Europe"]],
        agreements=[
            ("memorandum_of_understanding", [["Airbus"], ["Leonardo"], ["Thales"]], "2025-10-23"),
            ("joint_venture", [["Airbus"], ["Leonardo"], ["Thales"]], "2025-10-23"),
        ],
        source="https://eubusinessdaily.com/stories/airbus-joins-forces-with-leonardo-and-thales-for-major-european-space-venture/ "
               "https://www.advanced-television.com/2025/10/23/airbus-space-to-merge-with-thales/ "
               "https://www.meteoweb.eu/2025/10/spazio-siglata-intesa-airbus-leonardo-thales/1001852334/ "
               "https://www.marketscreener.com/news/airbus-leonardo-and-thales-to-create-a-european-player-in-the-space-sector-ce7d5dd8d989ff2c",
    ),
    dict(
        id="own-06", ref="2025-08-04", event="Adani Group denies a tie-up with BYD and Beijing Welion on batteries",
        text="""AHMEDABAD, Aug. 4 -- The Adani Group on Monday rejected a Bloomberg News report that it was exploring a tie-up with China's BYD and with Beijing Welion New Energy Technology to make batteries in India, calling the story baseless, inaccurate and misleading.

A spokesperson for the conglomerate said in a statement that the group was not looking at any form of collaboration with BYD on battery manufacturing in India, and was not in discussions with Beijing Welion about a partnership of any kind.

Bloomberg had reported earlier in the day, citing people it did not name, that group chairman Gautam Adani was personally steering talks with BYD executives, that any agreement would be struck with BYD units in the region rather than with the carmaker's headquarters in Shenzhen, and that the discussions were at an early stage and might lead nowhere. Beijing Welion is known for its work on solid-state batteries.

Any such venture would have faced political obstacles. India and China have been locked in a border dispute for years, and Beijing has tried to keep battery technology and equipment from leaving the country. New Delhi, for its part, has not granted visas to the heads of BYD's Indian business.

The Ahmedabad-based group, whose interests run from ports and power to cement, defence and data centres, plans capital spending of close to $100 billion over the next five years. In 2022 it announced plans to put more than $70 billion into renewable energy.""",
        orgs=[["Adani Group"], ["Bloomberg News", "Bloomberg"], ["BYD"], ["Beijing Welion New Energy Technology", "Beijing Welion"]],
        places=[["Ahmedabad", "AHMEDABAD"], ["China"], ["India"], ["Shenzhen"], ["Beijing"], ["New Delhi"]],
        agreements=[],
        source="https://www.lokmattimes.com/business/adani-group-denies-reports-suggesting-tie-up-with-chinese-companies-byd-beijing-welion-for-battery-manufacturing/ "
               "https://www.businesstoday.in/latest/corporate/story/adani-denies-reports-says-not-exploring-collaboration-with-chinese-firms-byd-beijing-welion-new-energy-technology-487664-2025-08-04 "
               "https://www.republicworld.com/business/adani-group-refutes-reports-of-battery-manufacturing-tie-up-with-chinese-firms-byd-welion "
               "https://indusbusinessjournal.com/2025/08/adani-group-slams-report-of-byd-tie-up-as-baseless-and-misleading/",
    ),
    dict(
        id="own-07", ref="2024-12-10", event="Stellantis–CATL 50-50 joint venture for an LFP battery plant in Zaragoza; MoU (Nov 2023); Leapmotor stake",
        text="""Stellantis and CATL will invest up to €4.1 billion in a joint venture to build a large lithium iron phosphate (LFP) battery plant in Zaragoza, Spain, the carmaker and the Chinese battery maker said on Tuesday.

The 50-50 venture will put up the factory in several phases at Stellantis' existing Zaragoza site, aiming to begin production by the end of 2026. Capacity could reach 50 gigawatt-hours, depending on how the electricity market in Europe develops and on continued support from authorities in Spain and the European Union. The plant is designed to be carbon neutral.

Its cells are meant for affordable battery-electric cars, crossovers and SUVs in the B and C segments with intermediate ranges. Contemporary Amperex Technology Co. Limited, as CATL is formally called, already operates two plants in Europe, in Germany and Hungary.

The venture grows out of a non-binding memorandum of understanding that the two companies signed in November 2023 on producing LFP cells and modules in Europe.

Stellantis chairman John Elkann thanked the Spanish authorities for their backing, while CATL chairman Robin Zeng said the joint venture had lifted the companies' cooperation to new heights and would draw on the Netherlands-based carmaker's long experience of running the Zaragoza plant.

Stellantis has been widening its ties with Chinese electric-car makers. In 2023 it paid €1.5 billion for a 20% stake in the start-up Leapmotor.""",
        orgs=[["Stellantis"], ["Contemporary Amperex Technology Co. Limited", "CATL"], ["European Union"], ["Leapmotor"]],
        places=[["Zaragoza"], ["Spain"], ["Europe"], ["Germany"], ["Hungary"], ["Netherlands"]],
        agreements=[
            ("joint_venture", [["Stellantis"], ["Contemporary Amperex Technology Co. Limited", "CATL"]], "2024-12-10"),
            ("memorandum_of_understanding", [["Stellantis"], ["Contemporary Amperex Technology Co. Limited", "CATL"]], "2023-11"),
            ("investment", [["Stellantis"], ["Leapmotor"]], "2023"),
        ],
        source="https://www.zazoom.it/2024-12-10/stellantis-and-catl-to-invest-up-to-e4-1-billion-in-joint-venture-for-large-scale-lfp-battery-plant-in-spain/15975318/ "
               "https://evertiq.com/news/56912 https://electriccarsnewspaper.com/2024/12/11/catl-and-stellantis-to-build-e4-1-billion-lfp-battery-plant-in-spain "
               "https://www.automotivepowertraintechnologyinternational.com/news/battery-technology/stellantis-and-catl-to-collaborate-on-lfp-battery-plant-in-spain.html",
    ),
    dict(
        id="own-08", ref="2024-04-04", event="SK hynix investment agreement with Indiana and Purdue for an HBM packaging plant; joint R&D with Purdue",
        text="""WEST LAFAYETTE, Ind., April 4 -- SK hynix, the South Korean leader in high-bandwidth memory (HBM) chips for artificial intelligence, will spend an estimated $3.87 billion on an advanced packaging plant and research centre at the Purdue Research Park, the company and the state of Indiana said on Wednesday.

The company signed an investment agreement with the state and Purdue University at a ceremony on the West Lafayette campus attended by Governor Eric Holcomb, Senator Todd Young, Purdue president Mung Chiang and officials of the federal government. SK hynix also agreed to pursue joint research and development projects with Purdue.

The 430,000-square-foot plant, on 90 acres, will stack HBM chips for the graphics processors that train AI systems and will house a packaging R&D line. Mass production is planned for the second half of 2028, and the project is expected to create up to 800 jobs by the end of 2030.

It will be the company's first significant manufacturing operation in the United States. The memory dies themselves are expected to keep coming from its fabs in South Korea. SK hynix chief executive Kwak Noh-Jung said the site would lay the foundation for a semiconductor cluster in the Midwest.

The company did not say whether it would receive federal grants under the CHIPS and Science Act. State officials called the project one of the largest economic investments in Indiana's history.""",
        orgs=[["SK hynix"], ["Purdue University", "Purdue"]],
        places=[["West Lafayette", "WEST LAFAYETTE"], ["Indiana", "Ind."], ["Purdue Research Park"], ["United States"], ["South Korea"], ["Midwest"]],
        agreements=[
            ("investment", [["SK hynix"], ["Indiana", "Ind."], ["Purdue University", "Purdue"]], "2024-04-03"),
            ("joint_research", [["SK hynix"], ["Purdue University", "Purdue"]], "2024-04-03"),
        ],
        source="https://www.globenewswire.com/news-release/2024/04/03/2857310/0/en/Gov-Holcomb-IEDC-announce-generational-multi-billion-dollar-investment-to-make-Indiana-leader-in-semiconductor-packaging.html "
               "https://semiconductor-digest.com/sk-hynix-signs-investment-agreement-of-advanced-chip-packaging-with-indiana "
               "https://stefanbuchholz.com/sk-hynix-to-build-3-87-billion-memory-packaging-fab-in-the-us-for-hbm4-and-beyond/ "
               "http://www.pressreader.com/usa/the-indianapolis-star/20240405/281552295879869",
    ),
    dict(
        id="own-09", ref="2024-09-27", event="Tata Electronics–PSMC definitive technology-transfer agreement for the Dholera fab; cooperation announced Feb. 29",
        text="""NEW DELHI, 27 September -- Tata Electronics has signed a definitive agreement with Taiwan's Powerchip Semiconductor Manufacturing Corporation (PSMC) under which the Taiwanese foundry will transfer technology to the semiconductor fab that the Tata Sons subsidiary is building in Dholera, Gujarat, the group said in a statement on Thursday.

PSMC will license a broad portfolio of process technologies, give engineering support to bring them into production, and help with the design and construction of the greenfield plant, which is billed as India's first commercial chip fab.

The fab will cost up to Rs 91,000 crore and is designed to process up to 50,000 wafers a month, making power-management chips, display drivers, microcontrollers and high-performance computing logic for the automotive, computing, communications and AI markets. It is expected to create more than 20,000 direct and indirect skilled jobs.

Tata Sons chairman N Chandrasekaran said PSMC's technology and expertise would greatly speed up the group's semiconductor plans. PSMC chief executive Frank Huang said the arrangement gave his company and Taiwanese suppliers an early foothold in a fast-growing Indian market.

PSMC first announced its cooperation with Tata Electronics on the fab on February 29, saying that construction would begin this year. The project has the backing of the central government in New Delhi and of Gujarat's state government.""",
        orgs=[["Tata Electronics"], ["Powerchip Semiconductor Manufacturing Corporation", "PSMC"], ["Tata Sons"]],
        places=[["New Delhi", "NEW DELHI"], ["Taiwan"], ["Dholera"], ["Gujarat"], ["India"]],
        agreements=[
            ("licensing", [["Tata Electronics"], ["Powerchip Semiconductor Manufacturing Corporation", "PSMC"]], "2024-09-26"),
            ("cooperation_agreement", [["Powerchip Semiconductor Manufacturing Corporation", "PSMC"], ["Tata Electronics"]], "2024-02-29"),
        ],
        source="https://www.business-standard.com/amp/companies/news/tata-electronics-psmc-complete-tech-transfer-pact-for-gujarat-fab-unit-124092601225_1.html "
               "https://www.ndtvprofit.com/business/tata-electronics-signs-deal-with-taiwans-psmc-for-tech-transfer-in-indias-first-semiconductor-fab "
               "https://www.lokmattimes.com/business/tata-electronics-and-powerchip-semiconductor-manufacturing-corporation-psmc-complete-landmark-agreement-for-technology-transfer-to-build-indias-first-semiconductor-fab/ "
               "https://www.powerchip.com/en-global/insights/press-releases/content/20240229",
    ),
    dict(
        id="own-10", ref="2024-02-01", event="New Zealand Space Agency–SmartSat CRC MoU with joint research; NZSA's partnerships with NASA and DLR",
        text="""WELLINGTON, Feb. 1 -- The New Zealand Space Agency (NZSA) has signed a memorandum of understanding with SmartSat CRC, Australia's leading space research centre, aimed at building skills and capabilities in the space industries on both sides of the Tasman.

The MoU was signed on Wednesday at the agency's headquarters in Wellington by SmartSat chief executive Andy Koronios and Robyn Henderson, the acting head of the NZSA. It covers innovation, research and development, and workforce development.

Under the agreement, New Zealand researchers will take part in new joint research projects with SmartSat in three fields: Earth observation, from pasture mapping to biosecurity and emission monitoring; space situational awareness; and optical communications. The New Zealand side will pay its share with up to NZ$6 million from the government's Catalyst Fund. A call for proposals is due in the coming months, with the first projects starting in the second half of 2024.

Space Minister Judith Collins, who was in Melbourne for a meeting of the two countries' foreign and defence ministers, said the research would bring real benefits to New Zealanders. Enrico Palermo, head of the Australian Space Agency, said his agency had helped put the arrangement together.

The NZSA, which sits within the Ministry of Business, Innovation and Employment (MBIE), said the agreement builds on its existing partnerships with NASA and the German Aerospace Center (DLR).""",
        orgs=[["New Zealand Space Agency", "NZSA"], ["SmartSat CRC", "SmartSat"], ["Australian Space Agency"],
              ["Ministry of Business, Innovation and Employment", "MBIE"], ["NASA"], ["German Aerospace Center", "DLR"]],
        places=[["Wellington", "WELLINGTON"], ["Australia"], ["Tasman"], ["New Zealand"], ["Melbourne"]],
        agreements=[
            ("memorandum_of_understanding", [["New Zealand Space Agency", "NZSA"], ["SmartSat CRC", "SmartSat"]], "2024-01-31"),
            ("joint_research", [["New Zealand Space Agency", "NZSA"], ["SmartSat CRC", "SmartSat"]], "2024-01-31"),
            ("partnership", [["New Zealand Space Agency", "NZSA"], ["NASA"]], None),
            ("partnership", [["New Zealand Space Agency", "NZSA"], ["German Aerospace Center", "DLR"]], None),
        ],
        source="https://www.space.gov.au/news-and-media/trans-tasman-collaboration-advance-space-sector-innovation "
               "http://www.australiandefence.com.au/defence/cyber-space/smartsat-signs-mou-with-the-new-zealand-space-agency "
               "https://spacewatch.global/2024/02/smartsat-and-nzsa-collaborate-on-joint-rd-initiatives/ https://e2india.com/?p=84517 "
               "https://geocoffee.news/new-zealand-space-agency-agrees-science-tech-partnership-with-smartsat/",
    ),
]

ITEMS += [
    dict(
        id="own-11", ref="2024-02-21", event="State Department grant to ASU for chip packaging in the Americas incl. Costa Rica; training with Costa Rica; US–Costa Rica partnership (July 2023)",
        text="""SAN JOSÉ, Costa Rica, Feb. 21 -- The U.S. Department of State has awarded $13.8 million to Arizona State University (ASU) to launch a programme that will expand chip assembly, testing and packaging in several partner countries in the Americas, Costa Rica among them, the U.S. Embassy said.

The grant was made on Tuesday by the department's Bureau of Economic and Business Affairs from a fund set up by the CHIPS and Science Act, and is the first money from that law to benefit Costa Rica. Under the plan, the State Department and ASU will work with the Costa Rican government on training and education programmes to strengthen the semiconductor workforce and create a pipeline of new talent.

Ambassador Cynthia Telles said the award underlined U.S. confidence in Costa Rica as a critical link in the chip supply chain.

It follows a partnership that Washington and San José announced in July 2023 to explore ways of diversifying and growing the global semiconductor ecosystem. That partnership began with a review of Costa Rica's chip industry, its regulations and its needs for workers and infrastructure, whose results were meant to guide later cooperation.

President Rodrigo Chaves welcomed the U.S. support at the time as recognition of his country as a trusted supplier, and Foreign Trade Minister Manuel Tovar has said Costa Rica can become a dependable and secure regional hub for investment in the industry.""",
        orgs=[["U.S. Department of State", "State Department"], ["Arizona State University", "ASU"], ["U.S. Embassy"], ["Bureau of Economic and Business Affairs"]],
        places=[["San José", "SAN JOSÉ"], ["Costa Rica"], ["Americas"], ["U.S."], ["Washington"]],
        agreements=[
            ("investment", [["U.S. Department of State", "State Department", "U.S.", "Washington"], ["Arizona State University", "ASU"]], "2024-02-20"),
            ("talent_exchange", [["U.S. Department of State", "State Department", "U.S.", "Washington"], ["Arizona State University", "ASU"], ["Costa Rica", "San José"]], "2024-02-20"),
            ("partnership", [["U.S. Department of State", "State Department", "U.S.", "Washington"], ["Costa Rica", "San José"]], "2023-07"),
        ],
        source="https://amcostarica.com/$13M%20U.S.%20fund%20supports%20semiconductor%20industry%20in%20Costa%20Rica%20022124.html "
               "https://www.crhoy.com/tecnologia/pais-se-ve-beneficiado-con-primeros-fondos-de-la-ley-chips "
               "https://martinherald.com/partnership-with-costa-rica-to-explore-semiconductor-supply-chain-opportunities/ "
               "https://ticotimes.net/2023/07/16/u-s-and-costa-rica-forge-semiconductor-partnership-for-global-growth https://evertiq.com/news/55455",
    ),
    dict(
        id="own-12", ref="2025-05-06", event="Airtel Africa–SpaceX agreement to offer Starlink in Africa; Bharti Airtel–SpaceX deal for India (March)",
        text="""Airtel Africa has signed an agreement with SpaceX to offer Starlink's satellite internet service to customers across its African markets, the London-listed telecoms group said on Monday in a statement issued from Dubai.

SpaceX already holds operating licences in nine of the 14 countries where Airtel Africa operates - Nigeria, Kenya, Zambia, Malawi, Rwanda, Niger, Madagascar, Chad and the Democratic Republic of Congo - and licences for the remaining five are being processed.

The companies said the deal would extend Airtel Africa's satellite services to businesses, schools and health centres in remote areas. Airtel Africa will also study using Starlink capacity for cellular backhaul to push its mobile coverage deeper into rural regions, and the two sides will look at how SpaceX might make use of Airtel's ground network on the continent.

Chief executive Sunil Taldar said the partnership was a significant step in the group's commitment to Africa's digital economy. Chad Gibbs, vice president of Starlink business operations at SpaceX, said that once licensed, Starlink welcomed the chance to join forces with established operators.

Starlink is available in more than 20 African markets. In March, Bharti Airtel signed a similar deal with SpaceX to sell Starlink services in India, subject to SpaceX obtaining authorisation to operate there. Airtel Africa, which has about 163 million subscribers, competes with MTN and Orange in many of its markets.""",
        orgs=[["Airtel Africa", "Airtel"], ["SpaceX"], ["Starlink"], ["Bharti Airtel"], ["MTN"], ["Orange"]],
        places=[["London"], ["Dubai"], ["Nigeria"], ["Kenya"], ["Zambia"], ["Malawi"], ["Rwanda"], ["Niger"], ["Madagascar"], ["Chad"],
                ["Democratic Republic of Congo"], ["Africa"], ["India"]],
        agreements=[
            ("partnership", [["Airtel Africa", "Airtel"], ["SpaceX", "Starlink"]], "2025-05-05"),
            ("partnership", [["Bharti Airtel"], ["SpaceX", "Starlink"]], "2025-03"),
        ],
        source="https://nairametrics.com/2025/05/05/airtel-africa-sign-agreement-with-spacex-to-bring-starlink-internet-to-underserved-regions/ "
               "https://www.business-standard.com/companies/news/airtel-africa-partners-with-starlink-to-provide-satcom-across-continent-125050601268_1.html "
               "https://allafrica.com/stories/202505090364.html https://www.maraviexpress.com/airtel-signs-agreement-with-spacex-to-bring-starlinks-high-speed-internet-connectivity-solutions-to-its-customers-in-africa-including-malawi/ "
               "https://www.wallafricajournal.com/airtel-africa-and-spacex-join-forces-to-bridge-africas-digital-divide",
    ),
    dict(
        id="own-13", ref="2025-09-05", event="MTN denies talks to buy Telkom",
        text="""JOHANNESBURG, Sept. 5 -- MTN Group is not in talks to buy Telkom, chief executive Ralph Mupita said on Friday, dismissing a report that Africa's largest mobile operator was thinking of reviving a takeover attempt for its South African rival.

Speaking to journalists in Johannesburg, Mupita said that neither the two companies nor any advisers were discussing a possible deal. The operators had talked about a combination at some point in the past, he said, but there were no discussions now. He added that he could not rule anything out for the future, because it would be irresponsible to do so.

Bloomberg News reported on Thursday, citing people close to the matter, that MTN was weighing renewed takeover talks with Telkom, which owns South Africa's largest fibre network. Telkom's shares jumped 13% on the report and fell back on Friday.

Telkom chief executive Serame Taukobong has separately rejected speculation that a stake in the company's wholesale fibre business, Openserve, could be sold. He has said Openserve is not for sale, although Telkom sounded out possible investors and strategic partners for the unit in 2023.

MTN made an approach for Telkom in 2021, when the state owned more than 40% of the fixed-line operator. At the time MTN said there was no deal on the table, and people familiar with the matter said any merger would need government support and would raise competition issues.""",
        orgs=[["MTN Group", "MTN"], ["Telkom"], ["Bloomberg News"], ["Openserve"]],
        places=[["Johannesburg", "JOHANNESBURG"], ["Africa"], ["South Africa"]],
        agreements=[],
        source="https://techcentral.co.za/no-talks-mtn-and-telkom-ralph-mupita/269741/ "
               "https://www.theafrica.co.za/africanews/zimbabwean-telecom-executive-ralph-mupita-denies-talks-on-telkom-acquisition-45907259 "
               "https://www.dailymaverick.co.za/article/2021-11-08-mtn-is-said-to-make-takeover-approach-for-south-africas-telkom/",
    ),
    dict(
        id="own-14", ref="2023-03-31", event="Kenya and Moderna finalise the agreement for an mRNA vaccine plant; MoU of March 2022",
        text="""NAIROBI, March 31 -- Kenya and Moderna have finalised an agreement for the US drugmaker to build a messenger RNA (mRNA) vaccine factory in Nairobi, the company's first such plant in Africa, President William Ruto announced on Thursday.

Ruto unveiled the deal at the American Chamber of Commerce's regional business summit in the capital. Shannon Klinger, Moderna's chief legal officer, signed for the company by video link from the United States.

The plant is meant to produce up to 500 million doses a year for Kenya and the rest of the continent, handling both the active ingredient and finished doses, with extra capacity that can be switched on quickly in a health emergency. Moderna expects to invest up to $500 million in the facility.

The agreement ends a process that began in March 2022, when the company and the government of then-president Uhuru Kenyatta signed a memorandum of understanding at State House. Ruto said the negotiations had cost him sleepless nights and a great deal of pressure from the US ambassador, Meg Whitman.

Moderna chief executive Stéphane Bancel thanked Whitman and Samantha Power, head of the United States Agency for International Development (USAID), for their support. He said the site could one day make vaccines against respiratory infections, HIV and outbreak threats such as Zika and Ebola.""",
        orgs=[["Moderna"], ["American Chamber of Commerce"], ["United States Agency for International Development", "USAID"]],
        places=[["Nairobi", "NAIROBI"], ["Kenya"], ["Africa"], ["United States", "US"]],
        agreements=[
            ("other_agreement", [["Kenya"], ["Moderna"]], "2023-03-30"),
            ("memorandum_of_understanding", [["Kenya"], ["Moderna"]], "2022-03"),
        ],
        source="https://the-star.co.ke/news/2023-03-30-kenya-finally-pens-deal-for-moderna-vaccine-facility-in-nairobi "
               "https://via.ritzau.dk/pressemeddelelse/13676102/moderna-inc?publisherId=13560585 "
               "https://kvia.com/news/2022/03/07/moderna-signs-with-kenya-for-first-mrna-facility-in-africa/ "
               "https://www.hopemediakenya.org/kenya-signs-mou-with-moderna-for-first-vaccines-manufacturing-facility-in-africa/",
    ),
    dict(
        id="own-15", ref="2025-06-25", event="Jacksonville approves a redevelopment agreement with the University of Florida: land and $105m for a graduate campus",
        text="""JACKSONVILLE, Fla., June 25 -- The Jacksonville City Council on Tuesday unanimously approved a redevelopment agreement between the city and the University of Florida for a graduate campus in LaVilla, a historic neighbourhood downtown, clearing $105 million in city money and a package of public land for the project.

The council voted 16-0 for the omnibus ordinance. Under the deal the city will hand UF five properties, among them the parking lot next to the Prime F. Osborn III Convention Center and an option on the old train station, and pay $100 million in two equal tranches, plus $5 million towards a neighbouring parcel the university wants for future growth. Counting the land, the agreement is worth up to $135.87 million.

The campus is to offer graduate programmes in business, engineering, computer science and health, and will house the Florida Semiconductor Institute, which the chair of UF's trustees, Mori Hosseini, said could arrive in as little as two years. The university says it has gathered $245 million in state funding and private donations and plans to start classes in the autumn.

Mayor Donna Deegan called the campus a linchpin of her drive to revive downtown Jacksonville and said the semiconductor institute would add to the city's already large military presence.

The vote ends a debate that started in 2023, when council committees first backed spending city money on a UF campus.""",
        orgs=[["Jacksonville City Council"], ["University of Florida", "UF"], ["Florida Semiconductor Institute"]],
        places=[["Jacksonville", "JACKSONVILLE"], ["Fla."], ["LaVilla"]],
        agreements=[
            ("other_agreement", [["Jacksonville", "JACKSONVILLE"], ["University of Florida", "UF"]], "2025-06-24"),
            ("investment", [["Jacksonville", "JACKSONVILLE"], ["University of Florida", "UF"]], "2025-06-24"),
        ],
        source="https://www.jaxdailyrecord.com/news/2025/jun/24/city-gives-university-of-florida-land-105-million-for-graduate-campus-in-lavilla "
               "https://jaxtoday.org/2025/06/25/deal-for-uf-graduate-campus-sails-through-city-council "
               "https://www.actionnewsjax.com/news/local/new-uf-graduate-campus-coming-jacksonville-under-approved-redevelopment-deal/BRRWH3VR3JFTFP5I7IV3SQASHA/ "
               "https://www.asumag.com/planning-design/article/55299807/jacksonville-city-council-provides-land-and-funding-for-university-of-florida-graduate-school-campus "
               "https://www.jacksonville.com/story/news/education/2023/03/06/potential-uf-campus-in-jacksonville-clears-first-hurdle-in-council-vote/69975788007/",
    ),
    dict(
        id="own-16", ref="2025-02-21", event="CED funds four Sherbrooke quantum organisations (Distriq, Nord Quantique, ACET, PINQ2)",
        text="""Published 2025-02-21

Ottawa puts $8.1 million into Sherbrooke's quantum cluster

Four quantum-technology organizations in Sherbrooke, Que., are sharing $8.1 million in federal support, Canada Economic Development for Quebec Regions (CED) announced on Thursday.

The largest share, a non-repayable contribution of $5.2 million, goes to Distriq, the city's quantum innovation zone, to equip a shared laboratory in its Espace Quantique 1 building, where companies can use high-end equipment to develop quantum devices.

Nord Quantique, a start-up that came out of the Université de Sherbrooke in 2020, receives a $1.8 million loan to set up an assembly lab for its quantum computers, covering dilution refrigerators and control electronics. The company designs processors that build error correction into every qubit.

The Accélérateur de création d'entreprises technologiques (ACET), an incubator, gets $435,000 to coach quantum start-ups, while the Quebec Digital and Quantum Innovation Platform (PINQ2) receives $250,000 for Québec Quantique, an industry initiative that Distriq now runs.

Élisabeth Brière, the member of Parliament for Sherbrooke, made the announcement on behalf of Pascale St-Onge, the minister responsible for CED. The funding falls under the federal quantum strategy, which aims to help businesses adopt the technology.

Distriq was officially designated an innovation zone by the Quebec government in February 2022. PINQ2 manages access to an IBM quantum computer installed in Bromont.""",
        orgs=[["Canada Economic Development for Quebec Regions", "CED"], ["Distriq"], ["Nord Quantique"], ["Université de Sherbrooke"],
              ["Accélérateur de création d'entreprises technologiques", "ACET"], ["Quebec Digital and Quantum Innovation Platform", "PINQ2"], ["IBM"]],
        places=[["Ottawa"], ["Sherbrooke"], ["Quebec", "Que."], ["Bromont"]],
        agreements=[
            ("investment", [["Canada Economic Development for Quebec Regions", "CED", "Ottawa"], ["Distriq"]], "2025-02-20"),
            ("investment", [["Canada Economic Development for Quebec Regions", "CED", "Ottawa"], ["Nord Quantique"]], "2025-02-20"),
            ("investment", [["Canada Economic Development for Quebec Regions", "CED", "Ottawa"], ["Accélérateur de création d'entreprises technologiques", "ACET"]], "2025-02-20"),
            ("investment", [["Canada Economic Development for Quebec Regions", "CED", "Ottawa"], ["Quebec Digital and Quantum Innovation Platform", "PINQ2"]], "2025-02-20"),
        ],
        source="https://www.newswire.ca/news-releases/government-of-canada-invests-over-8m-in-quantum-sector-in-sherbrooke-881764090.html "
               "https://thequantuminsider.com/2025/02/21/canada-allocates-over-5-7m-to-sherbrooke-organizations-for-quantum-technology-growth "
               "https://betakit.com/?p=383449 https://estrieplus.com/contenu-sherbrooke_8_1_m_pour_innovation_quantique-1989-54919.html "
               "https://www.newswire.ca/fr/news-releases/distriq-zone-innovation-quantique-a-sherbrooke-pres-de-10-m-pour-hisser-le-quebec-au-rang-de-leader-dans-le-secteur-quantique-835702556.html",
    ),
    dict(
        id="own-17", ref="2025-11-28", event="Pasqal installs a 200-qubit computer at Aramco under a May 2024 contract; earlier sales to Jülich and CEA",
        text="""DHAHRAN, Saudi Arabia, Nov. 28 -- French start-up Pasqal said this week that it had installed a 200-qubit quantum computer in a data centre of Aramco, the Saudi oil giant, in Dhahran, the first quantum machine in the kingdom.

The neutral-atom system is the most powerful Pasqal has built and is to be used for industrial work such as energy modelling and materials research. Chief executive Loïc Henriet called the installation a historic moment for quantum technology in the Middle East.

The machine was supplied under a contract the two companies signed in May last year. Pasqal agreed to deliver, install, maintain and operate the computer, while Aramco obtained exclusive rights to run it. Georges-Olivier Reymond, Pasqal's chief executive at the time, described it as the first deal of its size for the company.

Pasqal, which is based in Massy near Paris and counts the Nobel physics laureate Alain Aspect among its founders, builds processors from individual atoms held in place by lasers. It had previously sold two machines, named Jade and Ruby, to the Forschungszentrum Jülich research centre in Germany and to France's CEA.

For Aramco, the computer fits the Vision 2030 drive to make the Saudi economy less dependent on oil. Ahmad Al Khowaiter, the company's executive vice president for technology and innovation, has said the project shows Aramco's commitment to the digital economy.""",
        orgs=[["Pasqal"], ["Aramco"], ["Forschungszentrum Jülich"], ["CEA"]],
        places=[["Dhahran", "DHAHRAN"], ["Saudi Arabia"], ["Middle East"], ["Massy"], ["Paris"], ["Germany"], ["France"]],
        agreements=[
            ("contract", [["Pasqal"], ["Aramco"]], "2024-05"),
            ("contract", [["Pasqal"], ["Forschungszentrum Jülich"]], None),
            ("contract", [["Pasqal"], ["CEA"]], None),
        ],
        source="https://tropheesdesfutureslicornes.fr/2025/11/28/lordi-quantique-a-200-qubits-avec-pasqal "
               "https://coinmela.com/saudi-aramco-enters-global-quantum-computing-race-with-installation-of-first-quantum-computer "
               "https://maddyness.com/2024/05/27/pourquoi-le-contrat-pasqal-aramco-est-decisif-pour-le-secteur-quantique "
               "http://zonebourse.com/cours/action/ARAMCO-103505448/actualite/La-startup-francaise-Pasqal-va-deployer-le-premier-ordinateur-quantique-en-Arabie-saoudite-46771329/ "
               "https://thetechnologyexpress.com/saudi-arabia-quantum-computer "
               "https://blog.arcoptimizer.com/la-startup-francaise-pasqal-signe-un-accord-pour-le-premier-ordinateur-quantique-darabie-saoudite",
    ),
    dict(
        id="own-18", ref="2023-07-27", event="SKT, Deutsche Telekom, e& and Singtel launch the Global Telco AI Alliance: MoU, alliance, co-development of a Telco AI Platform",
        text="""SEOUL, July 27 -- SK Telecom (SKT), Deutsche Telekom, e& and Singtel on Thursday launched the Global Telco AI Alliance and signed a multilateral memorandum of understanding to work together on artificial intelligence, as the four operators try to turn themselves into AI companies.

The operators, from South Korea, Germany, the United Arab Emirates and Singapore, agreed to co-develop a Telco AI Platform to serve as the base for new services such as digital assistants and super apps, as well as for smarter versions of what they sell today. A joint working group will look at co-investment and at how to build the platform, and each member will help the others run AI services in its home market.

The ceremony in Seoul, where some participants joined online, was attended by SK Group chairman Chey Tae-won, SKT chief executive Ryu Young-sang, e& group chief executive Hatem Dowidar, Singtel group chief executive Yuen Kuan Moon and Claudia Nemat, the Deutsche Telekom board member for technology and innovation.

Nemat said the alliance would link Europe and Asia and take an open-vendor approach, choosing the best technology for each use. The companies pointed to a McKinsey & Co. study published last month which estimated that generative AI could add up to $4.4 trillion in value each year.

SKT, South Korea's largest mobile carrier by subscriptions, hosted the event.""",
        orgs=[["SK Telecom", "SKT"], ["Deutsche Telekom"], ["e&"], ["Singtel"], ["Global Telco AI Alliance"], ["SK Group"], ["McKinsey & Co."]],
        places=[["Seoul", "SEOUL"], ["South Korea"], ["Germany"], ["United Arab Emirates"], ["Singapore"], ["Europe"], ["Asia"]],
        agreements=[
            ("memorandum_of_understanding", [["SK Telecom", "SKT"], ["Deutsche Telekom"], ["e&"], ["Singtel"]], "2023-07-27"),
            ("partnership", [["SK Telecom", "SKT"], ["Deutsche Telekom"], ["e&"], ["Singtel"]], "2023-07-27"),
            ("joint_research", [["SK Telecom", "SKT"], ["Deutsche Telekom"], ["e&"], ["Singtel"]], "2023-07-27"),
        ],
        source="https://www.koreaherald.com/view.php?ud=20230727000724 https://advanced-television.com/2023/07/27/telco-majors-in-ai-collaboration/ "
               "https://telecoms.com/522891/telcos-team-up-for-ai-platform-project/",
    ),
    dict(
        id="own-19", ref="2022-11-02", event="CSL Seqirus–Arcturus Therapeutics collaboration and licence agreement for self-amplifying mRNA vaccines",
        text="""MELBOURNE, Nov. 2 -- CSL will pay Arcturus Therapeutics $200 million upfront for access to the US company's self-amplifying messenger RNA vaccine technology, the Australian biotech group said on Wednesday.

Under a collaboration and licence agreement entered into by its vaccines arm, CSL Seqirus, CSL gets an exclusive licence to Arcturus' next-generation mRNA platform for influenza, COVID-19 and other respiratory viral diseases, and a non-exclusive licence, with the right to make it exclusive, in the field of pandemic preparedness.

San Diego-based Arcturus can also earn more than $1.3 billion in development milestones and more than $3 billion in commercial milestones, as well as 40% of net profit on COVID-19 vaccines and royalties reaching double digits on other products. CSL Seqirus will be in charge of developing and selling the vaccines.

Self-amplifying vaccines get the body to make more copies of the mRNA, so much smaller doses are needed than with the shots made by Pfizer and Moderna. Arcturus' COVID-19 candidate met its main goals in a large late-stage trial earlier this year.

CSL chief operating officer Paul McKenzie said the deal would complement CSL's own next-generation mRNA work, which has so far reached only studies in mice. CSL Seqirus, the world's second-largest maker of flu vaccines, will focus on influenza but can also offer a COVID-19 booster.

Arcturus was founded in 2013 and has about 200 employees.""",
        orgs=[["CSL"], ["CSL Seqirus"], ["Arcturus Therapeutics", "Arcturus"], ["Pfizer"], ["Moderna"]],
        places=[["MELBOURNE"], ["US"], ["San Diego"]],
        agreements=[
            ("licensing", [["CSL Seqirus", "CSL"], ["Arcturus Therapeutics", "Arcturus"]], "2022-11-02"),
            ("cooperation_agreement", [["CSL Seqirus", "CSL"], ["Arcturus Therapeutics", "Arcturus"]], "2022-11-02"),
        ],
        source="https://biotechdispatch.com.au/news/csl-secures-rights-to-late-stage-mrna-covid-19-vaccine "
               "https://www.insideprecisionmedicine.com/news-and-features/arcturus-and-csl-seqirus-ink-deal-on-mrna-based-infectious-disease-vaccines/ "
               "https://d33gy59ovltp76.cloudfront.net/news/csl-paying-312m-to-license-mrna-vax-tech "
               "https://www.pharmalive.com/csl-seqirus-and-arcturus-ink-4-3-billion-mrna-vaccine-deal/",
    ),
    dict(
        id="own-20", ref="2024-07-31", event="Brazil's proposed AI plan: R$23bn by 2028, a supercomputer, hoped-for partners",
        text="""BRASÍLIA, July 31 -- Brazil could spend 23 billion reais, or about $4.2 billion, on artificial intelligence by 2028 under a plan handed to President Luiz Inácio Lula da Silva on Tuesday, including a supercomputer that officials hope would rank among the five most powerful in the world.

The Brazilian Artificial Intelligence Plan was drafted by the National Council for Science and Technology (CCT) at Lula's request and presented at the opening of the fifth National Conference on Science, Technology and Innovation in Brasília. Lula said the proposal must not be left in a drawer and that he would discuss it with his ministers the following week before deciding how to put it into practice.

Most of the money would come as loans through the National Fund for Scientific and Technological Development (FNDCT) and the development bank BNDES, with grants from the FNDCT and the federal budget making up much of the rest. About 1.06 billion reais would be expected from the private sector as investments and matching funds. All of the figures still depend on each year's budget.

The plan also foresees data centres powered by renewable energy in the north and northeast of the country and AI tools for the public health system. Officials hope Brazil could one day share infrastructure and research projects with partners in Latin America and Africa.

In his speech, Lula accused big technology companies of collecting people's data without paying taxes.""",
        orgs=[["National Council for Science and Technology", "CCT"], ["National Fund for Scientific and Technological Development", "FNDCT"], ["BNDES"]],
        places=[["Brasília", "BRASÍLIA"], ["Brazil"], ["Latin America"], ["Africa"]],
        agreements=[],
        source="https://pledgetimes.com/lula-says-big-techs-dont-pay-taxes-and-get-rich-by-publishing-things-they-shouldnt/ "
               "https://telesintese.com.br/lula-recebe-plano-de-ia-com-r-58-bi-para-infraestrutura "
               "https://innovationtrends.org/brazilian-ai-plan-will-have-a-supercomputer-and-an-investment-of-r23-billion-in-four-years/ "
               "https://uol.com.br/tilt/colunas/helton-simoes-gomes/2024/07/30/plano-de-ia-de-lula-mira-supercomputador-mas-nao-fara-brasil-superar-eua.htm "
               "https://nocariritem.com.br/plano-brasileiro-de-inteligencia-artificial-preve-r-23-bilhoes-de-investimentos",
    ),
]

TIMEX = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$|^\d{4}-(Q[1-4]|H[12]|W\d{2})$")
# Capitalised words that are not names of organisations or places (sentence starts, titles, people, products...).
NOT_NAMES = set("""A An The It Its In On Under At After As Any All And But For From He His Her She They Their Its Neither Nor Most
Published Chief President Prime Minister Mayor Governor Senator Ambassador Economy Space Foreign Trade Minister Member
Speaking Counting Self Starlink Ruto Lula Chinh Huang Rafizi Anwar Mupita Nemat Whitman Holcomb Deegan Pacheco""".split())


def words(text: str) -> int:
    return len(text.split())


def check(items) -> list[str]:
    errs = []
    seen = set()
    for it in items:
        i, text = it["id"], it["text"]
        if i in seen:
            errs.append(f"{i}: duplicate id")
        seen.add(i)
        n = words(text)
        if not 150 <= n <= 260:
            errs.append(f"{i}: {n} words (150-260 wanted)")
        listed = {}
        for key in ("orgs", "places"):
            for k, ent in enumerate(it[key]):
                for s in ent:
                    if s not in text:
                        errs.append(f"{i}: {key} name {s!r} not in text")
                    if s in listed:
                        errs.append(f"{i}: {s!r} listed twice")
                    listed[s] = (key, k)
        sigs = set()
        for t, parties, date in it["agreements"]:
            if t not in TYPES:
                errs.append(f"{i}: bad type {t}")
            for p in parties:
                for s in p:
                    if s not in listed:
                        errs.append(f"{i}: party name {s!r} not listed")
            if date is not None and not TIMEX.match(date):
                errs.append(f"{i}: bad date {date}")
            sig = (t, frozenset(p[0] for p in parties))
            if sig in sigs:
                errs.append(f"{i}: two facts with type {t} and the same parties")
            sigs.add(sig)
    return errs


def candidates(it) -> list[str]:
    """Capitalised word runs not covered by any listed name: a review aid, not a check."""
    text = it["text"]
    covered = [False] * len(text)
    for key in ("orgs", "places"):
        for ent in it[key]:
            for s in ent:
                for m in re.finditer(re.escape(s), text):
                    for j in range(m.start(), m.end()):
                        covered[j] = True
    out = []
    for m in re.finditer(r"\b[A-Z][\w&.'-]*(?:\s+(?:of|de|for|and|the|d'|du)?\s*[A-Z][\w&.'-]*)*", text):
        if any(covered[m.start():m.end()]):
            continue
        w = m.group(0)
        if w.split()[0] in NOT_NAMES and len(w.split()) == 1:
            continue
        out.append(w)
    return sorted(set(out))


def record(it) -> dict:
    return {
        "id": it["id"], "text": it["text"], "reference_date": it["ref"], "annotated": ["ORG", "PLACE", "AGREEMENT"],
        "mentions": [], "orgs": it["orgs"], "places": it["places"],
        "agreements": [{"type": t, "parties": parties, "date": date} for t, parties, date in it["agreements"]],
        "source": it["source"], "license": LICENSE,
    }


def prediction(it) -> dict:
    ents = []
    for key, label in (("orgs", "ORG"), ("places", "PLACE")):
        for ent in it[key]:
            for s in ent:
                start = it["text"].index(s)
                ents.append({"label": label, "start": start, "end": start + len(s), "text": s})
    ags = [{"type": t, "parties": [p[0] for p in parties], "date": date} for t, parties, date in it["agreements"]]
    return {"id": it["id"], "entities": ents, "agreements": ags}


def main(argv) -> int:
    errs = check(ITEMS)
    if errs:
        print("\n".join(errs), file=sys.stderr)
        return 1
    if "--candidates" in argv:
        for it in ITEMS:
            print(it["id"], words(it["text"]), "words:", "; ".join(candidates(it)))
    with OUT.open("w", encoding="utf-8") as f:
        for it in ITEMS:
            f.write(json.dumps(record(it), ensure_ascii=False) + "\n")
    print(f"{len(ITEMS)} items -> {OUT}", file=sys.stderr)
    if "--pred" in argv:
        path = Path(argv[argv.index("--pred") + 1])
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            for it in ITEMS:
                f.write(json.dumps(prediction(it), ensure_ascii=False) + "\n")
        print(f"gold-built predictions -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
