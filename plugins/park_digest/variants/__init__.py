"""Variants: the Traditional-script sites, derived from the written Simplified pages.

In: the pages the root run writes, the project's correction dictionary and each article's own
corrections. Out: ``output/<prefix>/`` for every entry of ``PARK_DIGEST_VARIANTS``, each page
converted (``convert``: OpenCC and the dictionary; ``one_to_many``: the characters to review;
``quotes``: 「」 on Hong Kong and Taiwan sites) and its URLs, languages and switch set for the
variant (``derive``); ``review`` lists the conversions worth an editor's look.
"""
