"""The store's lists of articles, quotes and figures, and the plumbing every browsing read uses.

A list is one page of rows in the order the dashboard shows them (newest article first), with
its total. The totals come from the summary tables where nothing is filtered; a speaker or a
figure kind seldom found is read from its matches, sorted, where walking the page order would
pass many articles for each match (`item_page`).
"""

from __future__ import annotations

from typing import Any

from newsevents.store import browse, tallies
from newsevents.store import rows as row_builders
from newsevents.store.browse import ItemQuery
from newsevents.store.search import Search

Row = dict[str, Any]
SORTED_PER_WALKED = 1.0  # a list's cost of sorting one match, in items walked in page order


class StoreLists:
    """Article, quote and figure pages over `core.SQLStore`'s `fetch_all`, `fetch_one`, `placeholder`."""

    placeholder: str
    keeps_join_order = False  # True where a CROSS JOIN fixes the loop order (SQLite)

    @property
    def text_search(self) -> Search:
        """Supplied by `core.SQLStore` and the dialects: how `q` is looked up."""
        raise NotImplementedError

    def fetch_all(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def fetch_one(self, sql: str, params: Any = ()) -> tuple[Any, ...]:
        """Supplied by `core.SQLStore`."""
        raise NotImplementedError

    def _page(self, queries: tuple[browse.Sql, browse.Sql], names: tuple[str, ...]) -> tuple[int, list[Row]]:
        (count_sql, count_params), (sql, params) = queries
        total = int(self.fetch_one(count_sql, count_params)[0])  # a SUM is NUMERIC on PostgreSQL
        found = self.fetch_all(sql, params)
        return total, [row_builders.decode(dict(zip(names, r, strict=True))) for r in found]

    def article_page(self, q: str | None, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page of article summaries with their event count), newest first; `q` searches
        title and text."""
        (count, page) = browse.article_page_sql(self.placeholder, q, limit, offset, search=self.text_search)
        if q is None:
            count = tallies.rows_sql(self.placeholder, "articles")
        return self._page((count, page), browse.ARTICLE_SUMMARY)

    def article(self, article_id: str) -> Row | None:
        """The article row with every child row under its table's name; None when unknown."""
        found: Row = {}
        for table in ("articles", *browse.CHILD_TABLES):
            cols = row_builders.COLUMNS[table]
            recs = self.fetch_all(browse.article_sql(self.placeholder, table), [article_id])
            found[table] = [row_builders.decode(dict(zip(cols, r, strict=True))) for r in recs]
            if table == "articles" and not recs:
                return None
        return {"article": found.pop("articles")[0], **found}

    def item_page(self, table: str, query: ItemQuery, limit: int, offset: int) -> tuple[int, list[Row]]:
        """(total, page) of `quotes` or `quantities` rows with the article's title and published."""
        ph, search = self.placeholder, self.text_search
        if query == ItemQuery():  # nothing filtered: the table's row count
            total = int(self.fetch_one(*tallies.rows_sql(ph, table))[0])
        else:
            total = int(self.fetch_one(*browse.item_count_sql(ph, table, query, search=search))[0])
        rare = False
        if query.speaker is not None or query.kind is not None:
            # Sorting the matches costs about `total` rows; walking the page order to the page's
            # end about (offset + limit) * rows / total: the cheaper one is taken.
            rows = int(self.fetch_one(*tallies.rows_sql(ph, table))[0])
            rare = total * total < SORTED_PER_WALKED * (offset + limit) * rows
        _, (sql, params) = browse.item_page_sql(ph, table, query, limit, offset, search, rare,
                                                self.keeps_join_order)  # fmt: skip
        names = browse.item_names(table)
        found = self.fetch_all(sql, params)
        return total, [row_builders.decode(dict(zip(names, r, strict=True))) for r in found]
