"""The canonicalizer's parts, one module per job.

The public API and its contract are in ``normalizer.canonicalize``: ``Canonicalizer`` is put
together from the rule families here (listed spellings, unlisted romanizations, initials,
document respellings, short forms, and the edges of a found mention), which share the
document views (``views``), the candidate type (``match``) and the helpers that read the words
around a name (``gaps``, ``align``, ``nearby``, ``layout``, ``name_parts``, ``kin``,
``nations``, ``mentions``). The rest of the package imports ``Canonicalizer`` and ``Match``
from ``normalizer.canonicalize``; only tests and the evaluation reach in here.
"""
