"""The analyst's reports, one module each: its builder, its typed result and its view.

- :mod:`~dgcompare.reports.listing`: ``list``;
- :mod:`~dgcompare.reports.comparison`: ``show A B [C ...]``;
- :mod:`~dgcompare.reports.detail`: ``show FRAMEWORK:N``;
- :mod:`~dgcompare.reports.gaps`: ``gaps TARGET``;
- :mod:`~dgcompare.reports.matrix`: ``matrix``;
- :mod:`~dgcompare.reports.coverage`: ``coverage A B [C ...]``;
- :mod:`~dgcompare.reports.diff`: ``diff OLD NEW``;
- :mod:`~dgcompare.reports.search`: ``search TEXT``;
- :mod:`~dgcompare.reports.explanation`: ``explain A:N B:M``;
- :mod:`~dgcompare.reports.validation`: ``validate``.

A builder takes a catalog (or a :class:`~dgcompare.matcher.MatcherIndex` of it) and returns a frozen result;
nothing here reads files, the environment or the clock. Every format is a view of that one result: its
``model_dump`` is the JSON, its ``table()`` the rows of CSV and Markdown, its view the terminal table, HTML and
SVG. Views import Rich only when they draw, so that building a report needs no terminal library.
"""
