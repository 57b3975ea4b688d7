"""The search backend: PostgreSQL's full text search with a text search configuration per language
(German is stemmed as German, Slovak folded to plain letters), SQLite's own full text search
otherwise (development, tests without DATABASE_URL).

modelsearch's PostgreSQL backend indexes and queries every object with one configuration
(`SEARCH_CONFIG`, "english" by default). Here each page is indexed with its locale's configuration
and a query names the configuration of the language searched (`search(..., config=...)`; cms/search.py
chooses it), so a German query meets German stems. Each language's pages are only ever searched with
their own language's configuration.
"""

import copy
from collections import defaultdict
from contextlib import contextmanager
from itertools import islice

from django.conf import settings
from django.db import connection

# PostgreSQL's own configurations where it has one; the others (Slovak, Czech, Slovenian,
# Bulgarian, Ukrainian) get `bridges_unaccent`: no stemming, case and accents folded ("zena"
# finds "žena"), made by migration core 0005.
UNACCENT_CONFIG = "bridges_unaccent"
CONFIGS = {
    "en": "english",
    "de": "german",
    "hu": "hungarian",
    "nl": "dutch",
    "it": "italian",
    "sr": "serbian",
}


def search_config(language_code: str | None) -> str:
    """The PostgreSQL text search configuration for a language (the default language's when
    none is given)."""
    return CONFIGS.get(language_code or settings.LANGUAGE_CODE, UNACCENT_CONFIG)


def object_language(obj) -> str:
    """The language an indexed object is written in: its locale's (pages, snippets), else the
    default language (images, documents, media). An alias is indexed in its own locale's
    configuration, as that locale's searches will query it."""
    from cms.localized import language_code

    locale_id = getattr(obj, "locale_id", None)
    return language_code(locale_id) if locale_id else settings.LANGUAGE_CODE


def SearchBackend(params):  # noqa: N802 (the name modelsearch looks for in a backend module)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite" and backend.__class__.__name__ == "SQLiteSearchBackend":
        return _sqlite_backend_class()(params)
    return backend  # SQLite without FTS5, MySQL: modelsearch's own


# -- ranked in the index first, the queryset's filters only on the best ones -------------------
#
# A common word is in a third of the pages. Ranking them all reads the index's rows only; the
# queryset's filters (the language rule: up to four index lookups a page) cost more than the
# rank and are needed only for the few pages shown. A database given both in one query checks
# every match before ranking (PostgreSQL) or ranks each page with a query of its own (modelsearch
# on SQLite: the whole match again for every page, 5 s for 3,000 matches). So the index entries
# are ranked first, and then checked against the queryset in that order until the page is full.


def _integer_pk(model) -> bool:
    pk = model._meta.pk
    while pk.is_relation:  # a page type's pk is its link to wagtailcore_page
        pk = pk.target_field
    return pk.get_internal_type() in {"AutoField", "BigAutoField", "IntegerField"}


class RankedResults:
    """Search results (a mixin before modelsearch's) whose page comes from the compiler's
    `ranked_pks` where it can rank in the index (`ranks_in_index`), and which count no further
    than asked (`count_up_to`, for the site's paginator)."""

    def _ranks_in_index(self) -> bool:
        # Autocomplete (the admin's choosers) has a compiler of modelsearch's own.
        ranks_in_index = getattr(self.query_compiler, "ranks_in_index", None)
        return ranks_in_index is not None and ranks_in_index(self._score_field)

    def _nothing(self) -> bool:
        # A queryset.none() has no SQL to check the entries against.
        return self.query_compiler.queryset.query.is_empty()

    def _do_search(self):
        compiler = self.query_compiler
        if not self._ranks_in_index():
            return super()._do_search()
        if self._nothing():
            return []
        pks = compiler.ranked_pks(compiler.get_config(self.backend), self.start, self.stop)
        found = {obj.pk: obj for obj in compiler.queryset.filter(pk__in=pks)}
        return [found[pk] for pk in pks if pk in found]

    def count_up_to(self, limit: int) -> int:
        """The number of results, counted no further than `limit`."""
        compiler = self.query_compiler
        if not self._ranks_in_index():
            return min(self.count(), limit)
        if self._nothing():
            return 0
        return compiler.count_up_to(compiler.get_config(self.backend), limit)


def _sqlite_backend_class():
    from django.db.models import F, IntegerField
    from django.db.models.functions import Cast
    from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteFTSIndexEntry,
        SQLiteSearchBackend,
        SQLiteSearchQueryCompiler,
        SQLiteSearchResults,
    )
    from modelsearch.query import MatchAll, Not, Phrase, PlainText
    from modelsearch.utils import get_descendants_content_types_pks

    # Pages checked against the queryset at once: a page of results and some to spare.
    chunk = 100

    class RankedQueryCompiler(SQLiteSearchQueryCompiler):
        def ranks_in_index(self, score_field=None) -> bool:
            return (
                self.fields is None
                and self.order_by_relevance
                and score_field is None
                and not isinstance(normalize(self.query), MatchAll | Not)
                and _integer_pk(self.queryset.model)
            )

        def _entries(self, config):
            query = self.build_search_query(normalize(self.query), config=config)
            return (
                SQLiteFTSIndexEntry.objects.filter(MatchExpression(self.FTS_TABLE_FIELDS, query))
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(
                        self.queryset.model
                    )
                )
                .annotate(found_pk=Cast("index_entry__object_id", IntegerField()))
            )

        def _wanted(self, pks):
            """Those of `pks` (an iterator) the queryset holds, in their order, read and
            checked `chunk` at a time: the caller stops when it has enough."""
            while part := list(islice(pks, chunk)):
                held = set(self.queryset.filter(pk__in=part).values_list("pk", flat=True))
                yield from (pk for pk in part if pk in held)

        def ranked_pks(self, config, start: int, stop: int | None) -> list:
            # bm25() is lower for a better match; modelsearch orders SQLite's results so.
            query = normalize(self.query)
            if isinstance(query, PlainText | Phrase):
                # modelsearch's rank, bm25 × title_norm + bm25 × 1, with bm25() run once a
                # row, not twice (it is most of the time taken: 340 ms to 200 for 33,000).
                rank = BM25() * (F("index_entry__title_norm") + 1.0)
            else:
                rank = self._build_rank_expression(self.get_search_vectors(), config)
            ranked = self._entries(config).annotate(score=rank).order_by("score", "-found_pk")
            pks = ranked.values_list("found_pk", flat=True).iterator(chunk_size=chunk)
            return list(islice(self._wanted(pks), start, stop))

        def count_up_to(self, config, limit: int) -> int:
            pks = self._entries(config).values_list("found_pk", flat=True).iterator(chunk)
            return sum(1 for _pk in islice(self._wanted(pks), limit))

    class RankedSQLiteResults(RankedResults, SQLiteSearchResults):
        pass

    class RankedSQLiteBackend(SQLiteSearchBackend):
        query_compiler_class = RankedQueryCompiler
        results_class = RankedSQLiteResults

        def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
            # modelsearch quotes each word for FTS5 without doubling a '"' in it, so `a"b`
            # was a server error ("unterminated string"); a quote is never part of a word.
            if isinstance(query, str):
                query = query.replace('"', " ").strip()
            return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)

    return RankedSQLiteBackend


def _postgres_backend_class():
    # Imported only on PostgreSQL: the module refuses to load its models elsewhere.
    from django.db import connections, transaction
    from django.db.models import F, IntegerField, Q
    from django.db.models.functions import Cast
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from modelsearch.conf import get_app_config
    from modelsearch.query import Fuzzy, MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    index_entry = get_app_config().get_model("IndexEntry")

    class LanguageIndex(PostgresIndex):
        """Each object indexed with its language's configuration."""

        def add_items(self, model, objs):
            by_config = defaultdict(list)
            for obj in objs:
                by_config[search_config(object_language(obj))].append(obj)
            for config, group in by_config.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def __init__(self, *args, config=None, **kwargs):
            super().__init__(*args, **kwargs)
            self.language_config = config

        def get_config(self, backend):
            return self.language_config or backend.config

        def _whole_index(self) -> bool:
            """A search of the stored index (no `fields=`), not MatchAll, Not or Fuzzy."""
            return self.fields is None and not isinstance(self.query, MatchAll | Not | Fuzzy)

        def search(self, config, start, stop, score_field=None, backend=None):
            """modelsearch matches `title || body` against the query: an expression no index
            covers, so every entry is read. Matching title and body each (`@@` on the columns
            with their GIN indexes, OR-ed) finds the same pages through the indexes; the rank
            is modelsearch's."""
            if not self._whole_index():
                return super().search(config, start, stop, score_field, backend)
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            matches = Q(index_entries__title=search_query) | Q(index_entries__body=search_query)
            return self._apply_ordering_and_scoring(
                self.queryset.filter(matches), rank_expression, start, stop, score_field
            )

        # Ranked in a subquery of its own (its ORDER BY keeps PostgreSQL from merging it into
        # the outer query), then each entry checked against the queryset in that order with a
        # correlated EXISTS (OFFSET 0 keeps it from becoming a join, which PostgreSQL would
        # run for every match) until the slice is full.

        def ranks_in_index(self, score_field=None) -> bool:
            return (
                self._whole_index()
                and self.order_by_relevance
                and score_field is None
                and _integer_pk(self.queryset.model)
            )

        def _entries(self, config):
            search_query = self.build_tsquery(self.query, config=config)
            rank = self._build_rank_expression(
                [(F("title"), F("title_norm")), (F("body"), 1.0)], config
            )
            return (
                index_entry._default_manager.filter(
                    content_type_id__in=get_descendants_content_types_pks(self.queryset.model)
                )
                .filter(Q(title=search_query) | Q(body=search_query))
                # The content types are the model's: every object_id is an integer pk.
                .annotate(found_pk=Cast("object_id", IntegerField()), rank=rank)
            )

        def _in_queryset(self, alias: str):
            sql, params = self.queryset.order_by().values("pk").query.sql_with_params()
            return (
                f"EXISTS (SELECT 1 FROM ({sql}) AS wanted (pk) "
                f"WHERE wanted.pk = {alias}.found_pk OFFSET 0)",
                params,
            )

        def ranked_pks(self, config, start: int, stop: int | None) -> list:
            ranked = self._entries(config).order_by("-rank", "-found_pk")
            ranked_sql, ranked_params = ranked.values("found_pk", "rank").query.sql_with_params()
            wanted_sql, wanted_params = self._in_queryset("ranked")
            sql = (
                f"SELECT ranked.found_pk FROM ({ranked_sql}) AS ranked WHERE {wanted_sql} "
                "ORDER BY ranked.rank DESC, ranked.found_pk DESC OFFSET %s"
            )
            params = [*ranked_params, *wanted_params, start]
            if stop is not None:
                sql += " LIMIT %s"
                params.append(stop - start)
            return [row[0] for row in self._run(sql, params)]

        def count_up_to(self, config, limit: int) -> int:
            found_sql, found_params = (
                self._entries(config).order_by().values("found_pk").query.sql_with_params()
            )
            wanted_sql, wanted_params = self._in_queryset("found")
            sql = (
                f"SELECT count(*) FROM (SELECT 1 FROM ({found_sql}) AS found "
                f"WHERE {wanted_sql} LIMIT %s) AS counted"
            )
            return self._run(sql, [*found_params, *wanted_params, limit])[0][0]

        def _run(self, sql: str, params: list) -> list:
            """`sql` with two planner settings changed for it alone (EXPLAIN ANALYZE, 100,000
            pages): the correlated EXISTS makes PostgreSQL's cost estimate large enough to JIT-
            compile the query, which took 100-200 ms of a query that runs in 10; and, not
            knowing that a word is found in one language's rows, which lie together, it reads
            the whole table (every entry's two vectors matched: 110 ms) where the GIN indexes
            give the matching rows (the same ranking in 30)."""
            with self.planned(jit="off", enable_seqscan="off") as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()

        @contextmanager
        def planned(self, **settings):
            """A cursor with PostgreSQL `settings` changed until the block ends."""
            connection = connections[self.queryset.db]
            outer = connection.in_atomic_block
            with transaction.atomic(using=self.queryset.db), connection.cursor() as cursor:
                for name, value in settings.items():
                    cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
                yield cursor
                if outer:  # set_config(..., true) would last until the caller's transaction ends
                    for name in settings:
                        cursor.execute(f"RESET {name}")

    class LanguageSearchResults(RankedResults, PostgresSearchResults):
        def _do_count(self):
            # The exact count (the API's total_count): without JIT, as above (1.2 s, not 2.3,
            # for a word in a third of 100,000 pages with the API's fallback=true).
            planned = getattr(self.query_compiler, "planned", None)  # not autocomplete's
            if planned is None:
                return super()._do_count()
            with planned(jit="off"):
                return super()._do_count()

    class LanguageSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex
        results_class = LanguageSearchResults

        def with_config(self, config: str):
            backend = copy.copy(self)
            backend.config = config
            return backend

        def search(
            self,
            query,
            model_or_queryset,
            fields=None,
            operator=None,
            order_by_relevance=True,
            config=None,
        ):
            """As modelsearch's, and `config`: the text search configuration of the language
            searched (the default language's when not given)."""
            return self._search(
                self.query_compiler_class,
                query,
                model_or_queryset,
                fields=fields,
                operator=operator,
                order_by_relevance=order_by_relevance,
                config=config or search_config(None),
            )

    return LanguageSearchBackend
