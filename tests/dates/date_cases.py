"""The date case table shared by the date tests: calendar forms with hand-worked values, and the relative
expressions the property tests resolve against every reference date.

Written from calendar knowledge and the TIMEX3 guidelines, not from any test suite.  R is Monday 19 May 2025
(ISO week 2025-W21, in the second quarter and in spring); L is Thursday 29 February 2024 (2024-W09, winter).
"""
from __future__ import annotations

import datetime as dt

R = dt.date(2025, 5, 19)
L = dt.date(2024, 2, 29)

# Every relative expression the grammar resolves against a reference date (or an anchor); the property tests
# put each one in a past and a future sentence against every reference date of a leap and a common year.
RELATIVE_EXPRESSIONS = [
    "today", "tonight", "yesterday", "tomorrow", "the day before yesterday", "the day after tomorrow",
    "on Friday", "on Monday", "last Friday", "next Friday", "this Friday", "this past Sunday", "this coming Sunday",
    "on Tuesday night", "on Friday morning", "at 10 a.m. Friday", "at noon Thursday", "last night",
    "this morning", "yesterday afternoon", "in mid-afternoon yesterday",
    "last week", "this week", "next week", "the week before", "the following week", "last weekend",
    "this weekend", "over the weekend",
    "last month", "this month", "next month", "the following month", "the same month",
    "last year", "this year", "next year", "the following year", "the previous year",
    "last decade", "this decade", "next decade", "this century", "last century", "next century",
    "in March", "last March", "next March", "in early May", "in late December", "on May 5", "on Feb. 29",
    "on Dec. 31", "on Jan. 1", "in the week of March 6",
    "in the third quarter", "in the fourth quarter", "in the first half", "in the second half", "last quarter",
    "this quarter", "next quarter", "the previous quarter", "the latest quarter", "the year-ago quarter",
    "in Q1", "in 3Q", "in the third quarter of last year", "in the first half of next year",
    "last fiscal year", "this fiscal year", "next fiscal year",
    "last spring", "last summer", "last fall", "last winter", "this spring", "this summer", "this winter",
    "next spring", "next summer", "next winter", "in winter", "in the summer", "by summer", "this past winter",
    "at Christmas", "at Easter", "on Thanksgiving", "on New Year's Day", "on Labor Day", "on Good Friday",
    "two days ago", "three weeks ago", "six months ago", "two years ago", "a decade ago", "a century ago",
    "a year earlier", "two days later", "a week later", "a month later", "three years later", "a year ago",
    "5000 years ago", "200000 days ago", "999999999 days ago", "several years ago",
    "at year-end", "by year end", "the year-earlier period", "the day before Friday", "the day after Friday",
    "the previous Friday", "the following Monday", "on April 24 and 25", "at the end of the month",
    "at the beginning of next year", "by the end of this week", "in mid-March", "now", "recently",
    "in the 1990s", "in the early 2000s",
    # anchored and counted days
    "on the first of March", "on the 29th of February", "on June the twenty-first", "on Tuesday the 19th",
    "on Friday the 13th", "on Sat 31 May", "on the 15th", "on the 31st", "by the 5th", "on the 2nd of next month",
    "on the fifth of last month", "on the first Tuesday of October", "on the last Monday in March",
    "on the last day of the month", "on the last day of February", "on the first day of next month",
    "on the second Monday of last month", "on the last Friday of next month", "in the first week of next month",
    "in the last week of the year", "on the last Sunday of the year",
    "on Wednesday of next week", "on Friday of last week", "on Monday this week", "on Wednesday after next",
    "the week after next", "the month after next", "the quarter after next", "the year before last",
    "7 days hence", "three months hence", "two weeks from now", "a year from now", "a week from tomorrow",
    "ten days from yesterday", "a fortnight ago", "in 2005 summer",
]

# (sentence, expected span, expected value, reference date): calendar forms with values worked out by hand.
CASES: list[tuple] = [
    # numeric and ISO variants (numbers read month first unless the first is over 12; a year first is Y-M-D)
    ("The filing is dated 2015-3-3.", "2015-3-3", "2015-03-03", R),
    ("The filing is dated 2024/11/05.", "2024/11/05", "2024-11-05", R),
    ("The filing is dated 2024.11.5 in the register.", "2024.11.5", "2024-11-05", R),
    ("The plan covers 2014-10 only.", "2014-10", "2014-10", R),
    ("The report is dated 11/2024.", "11/2024", "2024-11", R),
    ("The filing is dated 31/Oct/1974.", "31/Oct/1974", "1974-10-31", R),
    ("The filing is dated 5-Nov-2024.", "5-Nov-2024", "2024-11-05", R),
    ("The filing is dated 07.Mar.1999 in Bonn.", "07.Mar.1999", "1999-03-07", R),
    ("The filing is dated Nov-05-2024.", "Nov-05-2024", "2024-11-05", R),
    ("The filing is dated 31.10.1974.", "31.10.1974", "1974-10-31", R),
    ("The filing is dated 12.24.1990.", "12.24.1990", "1990-12-24", R),
    ("The filing is dated 03-15-2021.", "03-15-2021", "2021-03-15", R),
    ("The filing is dated 15/03/2021.", "15/03/2021", "2021-03-15", R),
    ("The filing is dated 04/05/2021.", "04/05/2021", "2021-04-05", R),
    ("The filing is dated 4/5/21.", "4/5/21", "2021-04-05", R),
    # spelled and numbered days with a month
    ("The summit opened on the first of March.", "the first of March", "2025-03-01", R),
    ("The summit will open on the third of October.", "the third of October", "2025-10-03", R),
    ("The talks ended on the twenty-first of April.", "the twenty-first of April", "2025-04-21", R),
    ("The talks will end on the thirty first of May.", "the thirty first of May", "2025-05-31", R),
    ("The vote will be held on March the 3rd.", "March the 3rd", "2026-03-03", R),
    ("The plant will open on June the twenty-first.", "June the twenty-first", "2025-06-21", R),
    ("The plant will open on June twenty-second.", "June twenty-second", "2025-06-22", R),
    ("The plant will open on June 22nd, 2026.", "June 22nd, 2026", "2026-06-22", R),
    ("The plant opened on 3rd March 2015.", "3rd March 2015", "2015-03-03", R),
    ("The plant opened on the 3rd of March 2015.", "the 3rd of March 2015", "2015-03-03", R),
    ("The treaty was signed on the fourth of July 1998.", "the fourth of July 1998", "1998-07-04", R),
    # weekday with a day
    ("The board will meet on Tuesday the 20th.", "Tuesday the 20th", "2025-05-20", R),
    ("The board met on Friday the 16th.", "Friday the 16th", "2025-05-16", R),
    ("The board will meet on Thursday, the 22nd.", "Thursday, the 22nd", "2025-05-22", R),
    ("The launch is set for Friday the 13th.", "Friday the 13th", "2025-06-13", R),
    ("The board met on Sunday 11th.", "Sunday 11th", "2025-05-11", R),
    ("The board will meet on Thu 22nd.", "Thu 22nd", "2025-05-22", R),
    ("The board meets on Monday, 17 March 2014.", "Monday, 17 March 2014", "2014-03-17", R),
    ("The board met on Thu, March 6.", "Thu, March 6", "2025-03-06", R),
    ("The board will meet on Sat 31 May.", "Sat 31 May", "2025-05-31", R),
    # a day counted inside a month or a year
    ("Elections are held on the first Tuesday of October.", "the first Tuesday of October", "2025-10-07", R),
    ("Elections will be held on the first Tuesday in October.", "the first Tuesday in October", "2025-10-07", R),
    ("The fair was held on the last Monday of March.", "the last Monday of March", "2025-03-31", R),
    ("The fair will be held on the fourth Thursday in November.", "the fourth Thursday in November", "2025-11-27", R),
    ("The fair was held on the second Sunday of May 2024.", "the second Sunday of May 2024", "2024-05-12", R),
    ("The fair was held on the 2nd Sunday of May 2024.", "the 2nd Sunday of May 2024", "2024-05-12", R),
    ("The term ends on the last day of October 2015.", "the last day of October 2015", "2015-10-31", R),
    ("The term ended on the last day of February 2024.", "the last day of February 2024", "2024-02-29", R),
    ("The term ends on the last day of February 2025.", "the last day of February 2025", "2025-02-28", R),
    ("The term will end on the third day of October.", "the third day of October", "2025-10-03", R),
    ("The census began on the 15th day of March.", "the 15th day of March", "2025-03-15", R),
    ("The board met on the first Monday of this month.", "the first Monday of this month", "2025-05-05", R),
    ("The board met on the second Monday of last month.", "the second Monday of last month", "2025-04-14", R),
    ("The board will meet on the last Friday of next month.", "the last Friday of next month", "2025-06-27", R),
    ("The fee is due on the first day of next month.", "the first day of next month", "2025-06-01", R),
    ("The fee is due on the last day of the month.", "the last day of the month", "2025-05-31", R),
    ("The fee is due on the last day of the year.", "the last day of the year", "2025-12-31", R),
    ("The fee is due on the first day of 2026.", "the first day of 2026", "2026-01-01", R),
    ("The fee was due on the last day of the month.", "the last day of the month", "2024-02-29", L),
    ("The fair opens in the first week of October.", "the first week of October", "2025-W41", R),
    ("The fair was held in the last week of September 2014.", "the last week of September 2014", "2014-W39", R),
    # the day of the month alone: after a preposition of time, before the end of its phrase
    ("Payments are due on the 15th.", "the 15th", "2025-06-15", R),
    ("The board met on the 15th.", "the 15th", "2025-05-15", R),
    ("The board will meet on the 30th, in Geneva.", "the 30th", "2025-05-30", R),
    ("The filing must arrive by the 5th.", "the 5th", "2025-06-05", R),
    ("The fee is due on the 2nd of next month.", "the 2nd of next month", "2025-06-02", R),
    ("The fee was paid on the 10th of this month.", "the 10th of this month", "2025-05-10", R),
    ("The fee was paid on the fifth of last month.", "the fifth of last month", "2025-04-05", R),
    # weekday of a week
    ("The board will meet on Wednesday of next week.", "Wednesday of next week", "2025-05-28", R),
    ("The board will meet on Wednesday next week.", "Wednesday next week", "2025-05-28", R),
    ("The board met on Friday of last week.", "Friday of last week", "2025-05-16", R),
    ("The board met on Monday of this week.", "Monday of this week", "2025-05-19", R),
    ("The board meets on Sunday this week.", "Sunday this week", "2025-05-25", R),
    ("The board will meet on Wednesday after next.", "Wednesday after next", "2025-05-28", R),
    ("The board met on Wednesday before last.", "Wednesday before last", "2025-05-07", R),
    # weeks, months and years after next / before last
    ("The board meets the week after next.", "the week after next", "2025-W23", R),
    ("The board met the week before last.", "the week before last", "2025-W19", R),
    ("The board meets the month after next.", "the month after next", "2025-07", R),
    ("The board met the year before last.", "the year before last", "2023", R),
    ("The board meets the year after next.", "the year after next", "2027", R),
    # counted from now
    ("The vote will be held 7 days hence.", "7 days hence", "2025-05-26", R),
    ("The vote will be held three months hence.", "three months hence", "2025-08", R),
    ("The vote will be held two years hence.", "two years hence", "2027", R),
    ("The vote will be held two weeks from now.", "two weeks from now", "2025-W23", R),
    ("The vote will be held a year from now.", "a year from now", "2026", R),
    ("The vote will be held ten days from today.", "ten days from today", "2025-05-29", R),
    ("The vote will be held a week from tomorrow.", "a week from tomorrow", "2025-05-27", R),
    ("The vote was held 7 days ago.", "7 days ago", "2025-05-12", R),
    # quarters and halves take the tense: the next one when the sentence speaks of the future
    ("Deliveries will begin in the third quarter.", "the third quarter", "2025-Q3", R),
    ("Deliveries will begin in the 3rd quarter.", "the 3rd quarter", "2025-Q3", R),
    ("Deliveries will begin in the first quarter.", "the first quarter", "2026-Q1", R),
    ("Sales rose in the first quarter.", "the first quarter", "2025-Q1", R),
    ("Deliveries will start in the second half.", "the second half", "2025-H2", R),
    ("Sales rose in the second half.", "the second half", "2024-H2", R),
    ("Deliveries begin in the fourth quarter of next year.", "the fourth quarter of next year", "2026-Q4", R),
    ("Deliveries begin in Q3 2026.", "Q3 2026", "2026-Q3", R),
    ("Deliveries will begin in the third qtr.", "the third qtr", "2025-Q3", R),
    ("Deliveries will begin in Q1.", "Q1", "2026-Q1", R),
    ("Sales rose in Q1.", "Q1", "2025-Q1", R),
    ("Deliveries will begin in H2.", "H2", "2024-H2", L),
    # a month-day (or holiday) just behind the reference date is the next one in a future "on" phrase
    ("The party will be held on Christmas Day.", "Christmas Day", "2025-12-25", dt.date(2025, 1, 10)),
    ("The party was held on Christmas Day.", "Christmas Day", "2024-12-25", dt.date(2025, 1, 10)),
    ("The vote will be held on Jan. 5.", "Jan. 5", "2026-01-05", dt.date(2025, 1, 10)),
    ("The vote was held on Jan. 5.", "Jan. 5", "2025-01-05", dt.date(2025, 1, 10)),
    ("Bids are due by Jan. 5.", "Jan. 5", "2025-01-05", dt.date(2025, 1, 10)),
    # an abbreviation's period at the end of a sentence is the sentence's
    ("The fee is due on the 2nd of Jun. The bank agreed.", "the 2nd of Jun", "2025-06-02", R),
    # seasons with a year before or after them, and with tense
    ("The station opened in summer 2005.", "summer 2005", "2005-SU", R),
    ("The station opened in 2005 summer.", "2005 summer", "2005-SU", R),
    ("The station opened in the summer of 2005.", "the summer of 2005", "2005-SU", R),
    ("The station opened in the winter of 2023.", "the winter of 2023", "2023-WI", R),
    ("The station will open next spring.", "next spring", "2026-SP", R),
    ("The station opened last autumn.", "last autumn", "2024-FA", R),
    ("The station opened last winter.", "last winter", "2022-WI", L),
    ("The station will open this fall.", "this fall", "2025-FA", R),
    ("The festival will return in autumn.", "autumn", "2025-FA", R),
    # decades
    ("Prices soared in the '70s.", "the '70s", "197", R),
    ("Prices soared in the seventies.", "the seventies", "197", R),
]

# sentences with no date (each a form the grammar must not mistake for one)
NOT_DATES = [
    "The club won the 2009-10 season title.",
    "He bogeyed the 17th, where the wind turned.",
    "Frankfurt prices closed lower again, the fourth decline in five days.",
    "She is in her 70s and still works.",
    "His first-serve percentage was only in the 40s.",
    "He finished the 15th in the rankings.",
    "The score was 3-1-2 after the break.",
    "The ratio rose to 1.5.2 in the model.",
]
