"""The date case table shared by the date tests: relative expressions (for the property tests).

Written from calendar knowledge and the TIMEX3 guidelines, not from any test suite.
"""
from __future__ import annotations

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
]

# (sentence, expected span, expected value, reference date): calendar forms with values worked out by hand.
CASES: list[tuple] = []
