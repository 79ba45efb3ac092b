"""Table-driven tests of find_dates: span text and TIMEX3 value of one expression in a sentence.

Sentences are written for these tests from the TIMEX3 guidelines (no corpus text).  Unless a case says
otherwise the reference date is Monday 19 May 2025 (ISO week 2025-W21).
"""
from __future__ import annotations

import datetime as dt

import pytest

from qfacts.dates import find_dates

REF = dt.date(2025, 5, 19)  # a Monday
WED = dt.date(2024, 11, 6)  # a Wednesday

# (sentence, expected span text, expected value[, reference date])
CASES = [
    # absolute calendar dates
    ("The accord was signed on Nov. 5, 2024 in Seoul.", "Nov. 5, 2024", "2024-11-05"),
    ("The accord was signed on 5 November 2024 in Seoul.", "5 November 2024", "2024-11-05"),
    ("The accord was signed on November 5th, 2024.", "November 5th, 2024", "2024-11-05"),
    ("The filing is dated 2024-11-05.", "2024-11-05", "2024-11-05"),
    ("The filing is dated 11/05/2024.", "11/05/2024", "2024-11-05"),
    ("The filing is dated 25/12/2023.", "25/12/2023", "2023-12-25"),
    ("The talks began in November 2024.", "November 2024", "2024-11"),
    ("The talks began in Sept. 2021.", "Sept. 2021", "2021-09"),
    ("The plant opened in 1998.", "1998", "1998"),
    ("Sales rose in Europe in 1998.", "1998", "1998"),
    ("Output rose 4% in fiscal 1989.", "fiscal 1989", "1989"),
    ("The budget for FY2025 was approved.", "FY2025", "2025"),
    ("Prices soared in the 1990s.", "the 1990s", "199"),
    ("Prices soared in the late 1970s.", "the late 1970s", "197"),
    ("The fab should open by mid-2025.", "mid-2025", "2025"),
    ("Production will start by the end of 2027.", "the end of 2027", "2027"),
    ("Deliveries begin in the first quarter of 2026.", "the first quarter of 2026", "2026-Q1"),
    ("Deliveries begin in the second half of 2024.", "the second half of 2024", "2024-H2"),
    ("Deliveries begin in Q3 2024.", "Q3 2024", "2024-Q3"),
    ("Deliveries begin in H1 2025.", "H1 2025", "2025-H1"),
    ("The town was founded in the 20th century.", "the 20th century", "19"),
    ("The bridge opened on Saturday, April 25, 1998.", "Saturday, April 25, 1998", "1998-04-25"),
    ("Published 2025-05-19T14:30 in Tokyo.", "2025-05-19T14:30", "2025-05-19T14:30"),
    ("She was born in the year two thousand.", "the year two thousand", "2000"),
    ("It happened in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("It happened in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("The ceasefire held through the winter of 1994.", "the winter of 1994", "1994-WI"),
    ("Sales peaked in summer 2024.", "summer 2024", "2024-SU"),
    ("Sales doubled in late November 2024.", "late November 2024", "2024-11"),
    ("Sales doubled in early 2023.", "early 2023", "2023"),
    ("The rule dates from the early 1990s.", "the early 1990s", "199"),
    ("The data cover the third quarter of last year.", "the third quarter of last year", "2024-Q3"),
    ("They met in March 2025 to talk.", "March 2025", "2025-03"),
    ("They met in May 2023 to talk.", "May 2023", "2023-05"),
    ("The deal closed on Dec. 14.", "Dec. 14", "2024-12-14"),
    ("The deal closed on April 30.", "April 30", "2025-04-30"),
    ("The deal closes on June 2.", "June 2", "2025-06-02"),
    ("The 19th of May was sunny.", "The 19th of May", "2025-05-19"),
    # deictic days and times
    ("The company said today that profits fell.", "today", "2025-05-19"),
    ("The company said yesterday that profits fell.", "yesterday", "2025-05-18"),
    ("The board will vote tomorrow on the plan.", "tomorrow", "2025-05-20"),
    ("The minister spoke this morning in parliament.", "this morning", "2025-05-19TMO"),
    ("The talks resumed yesterday afternoon.", "yesterday afternoon", "2025-05-18TAF"),
    ("Rebels attacked the town last night.", "last night", "2025-05-18TNI"),
    ("The blast occurred at 10:35 a.m. near the station.", "10:35 a.m.", "2025-05-19T10:35"),
    ("The offer expires at 5 p.m. Friday.", "5 p.m. Friday", "2025-05-16T17:00"),
    ("Voting ends at noon Thursday.", "noon Thursday", "2025-05-15T12:00"),
    ("The offer was extended until 5 p.m. EST, June 2.", "5 p.m. EST, June 2", "2025-06-02T17:00"),
    ("The vote is set for 9 a.m. on May 22.", "9 a.m. on May 22", "2025-05-22T09:00"),
    ("The meeting began around 7:15 p.m. with a speech.", "around 7:15 p.m.", "2025-05-19T19:15"),
    # weekdays and direction
    ("Samsung signed the deal on Friday.", "Friday", "2025-05-16"),
    ("Samsung will sign the deal on Friday.", "Friday", "2025-05-23"),
    ("The ministry said it would sign the deal on Friday.", "Friday", "2025-05-23"),
    ("Samsung is scheduled to sign the deal on Friday.", "Friday", "2025-05-23"),
    ("Samsung plans to sign the deal on Thursday.", "Thursday", "2025-05-22"),
    ("Samsung said on Monday that it would invest.", "Monday", "2025-05-19"),
    ("Police arrested two men Tuesday night.", "Tuesday night", "2025-05-13TNI"),
    ("Police arrested two men Sunday morning.", "Sunday morning", "2025-05-18TMO"),
    ("The offer had been scheduled to expire on Friday.", "Friday", "2025-05-16"),
    ("The vote took place as previously planned on Thursday.", "Thursday", "2025-05-15"),
    ("The envoy arrived last Friday.", "last Friday", "2025-05-16"),
    ("The envoy arrives next Wednesday.", "next Wednesday", "2025-05-21"),
    ("The envoy left on Tuesday, the ministry said.", "Tuesday", "2024-11-05", WED),
    ("The envoy will leave on Thursday.", "Thursday", "2024-11-07", WED),
    ("Trading resumed on Wednesday after a halt.", "Wednesday", "2024-11-06", WED),
    # relative units
    ("Rates rose last week.", "last week", "2025-W20"),
    ("Rates rose this week.", "this week", "2025-W21"),
    ("Rates will rise next week.", "next week", "2025-W22"),
    ("Rates rose last month.", "last month", "2025-04"),
    ("Rates will rise next month.", "next month", "2025-06"),
    ("Rates rose this month.", "this month", "2025-05"),
    ("Rates rose last year.", "last year", "2024"),
    ("Rates will rise next year.", "next year", "2026"),
    ("Rates rose earlier this year.", "earlier this year", "2025"),
    ("Rates will rise later this year.", "later this year", "2025"),
    ("Rates will rise early next year.", "early next year", "2026"),
    ("Rates rose sharply over the past decade.", "the past decade", "201"),
    ("Rates rose sharply over the past year.", "the past year", "2024"),
    ("Rates were flat this quarter.", "this quarter", "2025-Q2"),
    ("Rates were flat last quarter.", "last quarter", "2025-Q1"),
    ("Rates were flat this decade.", "this decade", "202"),
    ("Crowds gathered over the weekend.", "the weekend", "2025-W20-WE"),
    ("Crowds gathered last weekend.", "last weekend", "2025-W20-WE"),
    ("Crowds will gather this weekend.", "this weekend", "2025-W21-WE"),
    # ago / earlier / later
    ("The firm was founded two years ago.", "two years ago", "2023"),
    ("The firm was founded 50 years ago.", "50 years ago", "1975"),
    ("The firm was founded six months ago.", "six months ago", "2024-11"),
    ("The firm was founded three weeks ago.", "three weeks ago", "2025-W18"),
    ("The firm was founded 10 days ago.", "10 days ago", "2025-05-09"),
    ("The firm was founded a decade ago.", "a decade ago", "2015"),
    ("The firm was founded several years ago.", "several years ago", "PAST_REF"),
    ("The firm was founded nearly four years ago.", "nearly four years ago", "2021"),
    ("Profit was $2 million in 2023, up from $1 million a year earlier.", "a year earlier", "2022"),
    ("The plant opened in March 2020 and closed two months later.", "two months later", "2020-05"),
    # quarters, halves, seasons without a year
    ("Profit rose in the third quarter.", "the third quarter", "2025-Q3", dt.date(2025, 10, 20)),
    ("Third-quarter profit rose.", "Third-quarter", "2025-Q3", dt.date(2025, 10, 20)),
    ("Profit rose in the fourth quarter.", "the fourth quarter", "2024-Q4", dt.date(2025, 1, 20)),
    ("Weak demand should last through the first two quarters of 2026.", "the first two quarters of 2026", "2026-H1"),
    ("Output will rise in the last two quarters of next year.", "the last two quarters of next year", "2026-H2"),
    ("Profit rose in the first half.", "the first half", "2025-H1", dt.date(2025, 8, 1)),
    ("In the quarter ended Sept. 30, profit rose.", "the quarter", "2025-Q3", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. For the quarter a year ago, it was flat.", "the quarter a year ago", "2024-Q3",
     dt.date(2025, 10, 20)),
    ("Net rose in the third quarter, up from the corresponding period last year.", "the corresponding period last year",
     "2024-Q3", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. Sales for last year's quarter were flat.", "last year's quarter", "2024-Q3",
     dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. Analysts see losses through the second quarter of 2026. In the year-ago period, "
     "net fell.", "the year-ago period", "2024-Q3", dt.date(2025, 10, 20)),
    ("The firm said yesterday that sales rose to $9 million from $5 million a year earlier.", "a year earlier", "2024"),
    ("Sales rose on Friday, the firm said, from a month earlier.", "a month earlier", "2025-04"),
    ("The treaty was signed on June 3, 1990. A year earlier, talks had failed.", "A year earlier", "1989-06-03"),
    ("Net rose in the third quarter. For the first nine months, net was $9 million, up from $7 million a year "
     "earlier.", "a year earlier", "2024", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. For the nine months, net fell from year-earlier net of $5 million.",
     "year-earlier", "2024", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. In the first nine months, it was $9 million, against $8 million in the 2024 "
     "period.", "the 2024 period", "2024", dt.date(2025, 10, 20)),
    ("The first nine months were weak. Net rose in the third quarter from a year earlier.", "a year earlier",
     "2024-Q3", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. In the year-earlier third quarter, it lost $2 million.",
     "the year-earlier third quarter", "2024-Q3", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. In the comparable year-ago quarter, it was flat.",
     "the comparable year-ago quarter", "2024-Q3", dt.date(2025, 10, 20)),
    ("The year-ago second quarter was weak.", "The year-ago second quarter", "2024-Q2", dt.date(2025, 8, 1)),
    ("Net rose in the third quarter. After a weak second quarter, margins widened. Costs were lower than in the "
     "year-earlier period.", "the year-earlier period", "2024-Q3", dt.date(2025, 10, 20)),
    ("Net rose in the third quarter. The second quarter was weak; results for that quarter included a charge.",
     "that quarter", "2025-Q2", dt.date(2025, 10, 20)),
    ("The latest quarter a year ago was weak.", "The latest quarter", "2025-Q3", dt.date(2025, 10, 20)),
    ("Profit rose in the latest quarter.", "the latest quarter", "2025-Q3", dt.date(2025, 10, 20)),
    ("The launch is planned for this spring.", "this spring", "2025-SP"),
    ("The launch happened last fall.", "last fall", "2024-FA"),
    ("The launch is planned for next summer.", "next summer", "2026-SU", dt.date(2025, 8, 20)),
    ("The launch slipped to this summer.", "this summer", "2025-SU"),
    ("The launch is planned for the fall.", "the fall", "2025-FA"),
    # months without a year
    ("The talks began in November.", "November", "2024-11"),
    ("The talks will resume in August.", "August", "2025-08"),
    ("The talks began in late April.", "late April", "2025-04"),
    ("The talks began last November.", "last November", "2024-11"),
    ("The talks resume next March.", "next March", "2026-03"),
    ("The rally took place in mid-November.", "mid-November", "2024-11"),
    ("The talks ended in early May.", "early May", "2025-05"),
    ("Elections are due by May.", "May", "2025-05"),
    ("Ten members had filed reports by Wednesday.", "Wednesday", "2025-05-14"),
    ("Until Thursday, the police had not named a suspect.", "Thursday", "2025-05-15"),
    ("On Friday, the ministry planned to pay the first claims.", "Friday", "2025-05-16"),
    ("The ministry planned to pay the first claims on Friday.", "Friday", "2025-05-23"),
    ("The suspect could not be located Wednesday in his home town.", "Wednesday", "2025-05-14"),
    ("Members must file reports by Wednesday.", "Wednesday", "2025-05-21"),
    ("The ministers decided to admit both states in early July.", "early July", "2025-07"),
    ("The vote was set for December.", "December", "2025-12", dt.date(2025, 10, 20)),
    ("Officials said rules to be published in December will decide.", "December", "2025-12"),
    ("In October, the firm brought in a new chief.", "October", "2024-10"),
    ("The split would be paid on an unspecified date in December.", "December", "2025-12"),
    # a month just ahead of the reference date: the coming one after a report verb, the past one after a past event
    ("In January, the firm brought in a new chief.", "January", "2025-01", dt.date(2025, 10, 20)),
    ("Since the fund bought the mill in February, it has cut jobs.", "February", "2025-02", dt.date(2025, 10, 20)),
    ("The firm said it agreed to buy the mill in January.", "January", "2026-01", dt.date(2025, 10, 20)),
    ("The firm said it would open the mill in January.", "January", "2026-01", dt.date(2025, 10, 20)),
    ("The loan, which had been expected, is to be repaid by February.", "February", "2026-02", dt.date(2025, 10, 20)),
    ("In the fiscal year ended June 30, the chain earned $4 million.", "June 30", "2024-06-30", dt.date(2025, 5, 19)),
    ("For the quarter ended May 31, sales rose.", "May 31", "2024-05-31", dt.date(2025, 5, 19)),
    ("At mid-afternoon yesterday, the shares were up 2%.", "mid-afternoon yesterday", "2025-05-18TAF"),
    ("By mid afternoon, officials were reporting gunfire.", "mid afternoon", "2025-05-19TAF"),
    ("Trading resumed in mid-morning Friday.", "mid-morning Friday", "2025-05-16TMO"),
    ("The summit will be held on June 24 and 25 in Madrid.", "25", "2025-06-25"),
    ("Polls open on June 3 or 10, officials said.", "10", "2025-06-10"),
    ("Fund sales were flat this year through August.", "August", "2025-08", dt.date(2025, 10, 20)),
    ("The day before last Thursday's hearing, the lawyers met.", "The day before last Thursday", "2025-05-14"),
    ("The plant reopened the day after Nov. 3, 2024.", "the day after Nov. 3, 2024", "2024-11-04"),
    ("Shares closed lower on Friday, down 4% from the previous Friday.", "the previous Friday", "2025-05-09"),
    ("The accord was signed on June 4, 1997. The following Monday it was ratified.", "The following Monday",
     "1997-06-09"),
    ("Prices fell on Friday, when dealers sold heavily in the morning.", "the morning", "2025-05-16TMO"),
    ("The talks resume in the afternoon.", "the afternoon", "2025-05-19TAF"),
    ("The convoy will leave at 4 in the morning (4 a.m. GMT Wednesday), officials said.", "4 in the morning",
     "2025-05-21T04:00"),
    ("The polls closed at 9 o'clock in the evening.", "9 o'clock in the evening", "2025-05-19T21:00"),
    # holidays
    ("Shops close on Christmas Day.", "Christmas Day", "2024-12-25"),
    ("Pilgrims arrived in Rome for Easter week.", "Easter week", "2025-W16", dt.date(2025, 4, 14)),
    ("Shops were closed on Christmas Day.", "Christmas Day", "2025-12-25", dt.date(2025, 12, 20)),
    ("Shoppers crowded stores on Thanksgiving Day 2024.", "Thanksgiving Day 2024", "2024-11-28"),
    # reference words
    ("The company is now profitable.", "now", "PRESENT_REF"),
    ("The company currently employs 500 people.", "currently", "PRESENT_REF"),
    ("The company recently hired 500 people.", "recently", "PAST_REF"),
    ("The company may expand in the future.", "the future", "FUTURE_REF"),
    ("Hiring slowed in recent years.", "recent years", "PAST_REF"),
    ("Hiring will pick up in the coming months.", "the coming months", "FUTURE_REF"),
    ("Rates were fixed at half the then current price.", "then current", "PAST_REF"),
    ("Hiring will stay weak in coming quarters.", "coming quarters", "FUTURE_REF"),
    ("Margins shrank over the past several quarters.", "the past several quarters", "PAST_REF"),
    ("Margins will stay thin in the near term.", "the near term", "FUTURE_REF"),
    ("The firm will raise more capital at a later date.", "a later date", "FUTURE_REF"),
    ("Solar power may one day supply most homes.", "one day", "FUTURE_REF"),
    ("The index has risen 8% since year-end.", "year-end", "2024-12-31"),
    ("The merger should close by year end.", "year end", "2025"),
    ("New capital rules should be in force by year's end.", "year's end", "2025"),
    # the (full / fiscal) year of a report: the current year
    ("For the year, sales of pet food were flat.", "the year", "2025"),
    ("The firm expects a loss for the full year.", "the full year", "2025"),
    ("Earnings will be lower for the fiscal year.", "the fiscal year", "2025"),
    ("The stock hit a high for the year in June.", "the year", "2025"),
    # weeks and holidays
    ("A court hearing is set for the week of June 2.", "the week of June 2", "2025-W23"),
    ("Voters go to the polls on Election Day.", "Election Day", "2024-11-05", dt.date(2024, 10, 20)),
    # anaphoric
    ("The treaty was signed on June 3, 1990. Later that year it was ratified.", "Later that year", "1990"),
    ("Troops crossed the border on June 3, 1990. The following day they withdrew.", "The following day", "1990-06-04"),
]


def _ids(case) -> str:
    return f"{case[1]}->{case[2]}"


@pytest.mark.parametrize("case", CASES, ids=[_ids(c) for c in CASES])
def test_dates_table_span_and_value(case):
    sentence, span, value = case[0], case[1], case[2]
    ref = case[3] if len(case) > 3 else REF
    found = find_dates(sentence, ref)
    matching = [m for m in found if m.text == span]
    assert matching, f"{span!r} not found in {[(m.text, m.value) for m in found]}"
    assert matching[0].value == value
    assert sentence[matching[0].start:matching[0].end] == span


def test_dates_table_has_at_least_100_cases():
    assert len(CASES) >= 100


def test_dates_found_alike_in_ascii_text_and_beside_letters_beyond_ascii():
    ref = dt.date(1996, 8, 30)
    text = "ANKARA 1996-08-28 -- Talks resume on MONDAY and end by Sept. 4, officials said on Friday."
    plain = [(m.start, m.end, m.value) for m in find_dates(text, ref)]
    assert plain and ("MONDAY" in [text[a:b] for a, b, _ in plain])
    for prefix in ("\u0130STANBUL / ", "Z\u00fcrich: ", "\u00c9T\u00c9 "):   # (lower() would lengthen "\u0130")
        shifted = [(m.start - len(prefix), m.end - len(prefix), m.value) for m in find_dates(prefix + text, ref)]
        assert shifted == plain
