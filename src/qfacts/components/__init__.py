"""The qfacts spaCy components. Importing this package registers every factory:

``qfacts_dates``, ``qfacts_places``, ``qfacts_orgs``, ``qfacts_agreements``, ``qfacts_facts``.
They are also exposed through the ``spacy_factories`` entry point, so ``nlp.add_pipe("qfacts_places")`` works
on any pipeline once qfacts is installed.
"""
from .agreements import AgreementsComponent, make_agreements
from .common import register_extensions
from .dates import DatesComponent, make_dates
from .facts import FactsComponent, make_facts
from .orgs import OrgsComponent, make_orgs
from .places import PlacesComponent, make_places

register_extensions()

__all__ = ["AgreementsComponent", "DatesComponent", "FactsComponent", "OrgsComponent", "PlacesComponent",
           "make_agreements", "make_dates", "make_facts", "make_orgs", "make_places"]
