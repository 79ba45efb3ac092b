"""Training the learned parts of qfacts from the annotated corpora in ``../shared``: ``python -m qfacts.train``."""
