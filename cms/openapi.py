"""The OpenAPI 3.1 document of the public API (/api/v2/schema/), generated from what the API serves.

One API, one serialising layer: the document describes Wagtail API v2 as Bridges serves it, built
from the same things that build the answers, so it cannot drift from them:
- each page type's fields from the serializer Wagtail builds for it (the models' `api_fields`:
  DRF fields give the types of model fields; our own serializer fields and blocks carry an
  `api_schema`);
- each StreamField from its block definitions, block by block (a block whose API representation
  is its own says its shape with an `api_schema(schema_of)` method beside its
  `get_api_representation`);
- the parameters from the view classes' filters (cms/api.py).
tests/api/test_openapi.py checks the document against the API's answers (schemathesis) and that
no block or field is left undescribed.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from rest_framework import fields as drf
from wagtail import blocks
from wagtail.api.v2.serializers import StreamField as StreamFieldSerializer
from wagtail.models import Locale, get_page_models

from cms.api import PublicPagesAPIViewSet, api_router, with_cache_headers
from cms.api_schema import (
    ANYTHING,
    BOOLEAN,
    IMAGE,
    INTEGER,
    NULL,
    NUMBER,
    PAGE_LINK,
    STRING,
    nullable,
    obj,
    ref,
)

COMPONENTS = {
    "Error": obj({"message": STRING}, description="Every error: the message names the parameter."),
    "Rendition": obj({"url": STRING, "width": nullable(INTEGER), "height": nullable(INTEGER)}),
    "Image": obj(
        {
            "id": nullable(INTEGER),
            "title": STRING,
            "alt": STRING,
            "credit": STRING,
            "width": nullable(INTEGER),
            "height": nullable(INTEGER),
            "renditions": {
                "type": "object",
                "description": "thumbnail (fill-400x300), small (max-640), medium (max-1280), "
                "large (max-2048), and any size a block adds (a 360° photo's equirectangular)",
                "properties": {
                    name: ref("Rendition") for name in ("thumbnail", "small", "medium", "large")
                },
                "required": ["thumbnail", "small", "medium", "large"],
                "additionalProperties": ref("Rendition"),
            },
        },
        description="An image with ready-made renditions; `id` is null for a video's own "
        "thumbnail file.",
    ),
    "CaptionTrack": obj({"language": STRING, "label": STRING, "url": STRING}),
    "Media": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "type": {"type": "string", "enum": ["video", "audio"]},
            "url": STRING,
            "mime_type": nullable(STRING),
            "duration": nullable(NUMBER),
            "width": nullable(INTEGER),
            "height": nullable(INTEGER),
            "poster": nullable(IMAGE),
            "caption_tracks": {"type": "array", "items": ref("CaptionTrack")},
            "transcript": nullable(STRING),
            "credit": nullable(STRING),
        }
    ),
    "Document": obj({"id": INTEGER, "title": STRING, "url": STRING}),
    "PageLink": obj(
        {
            "id": nullable(INTEGER),
            "type": nullable(STRING),
            "title": STRING,
            "locale": nullable(STRING),
            "html_url": STRING,
            "api_url": nullable(STRING),
        },
        description="A link to a page (in the reader's language where translated, live and "
        "public), or to another site (then id, type, locale and api_url are null).",
    ),
    "Term": obj({"slug": STRING, "name": STRING}),
    "PageMeta": obj(
        {
            "type": STRING,
            "detail_url": STRING,
            "html_url": nullable(STRING),
            "slug": STRING,
            "show_in_menus": BOOLEAN,
            "seo_title": STRING,
            "search_description": STRING,
            "first_published_at": nullable({"type": "string", "format": "date-time"}),
            "alias_of": NULL,
            "parent": nullable(PAGE_LINK),
            "locale": STRING,
            "translations": {"type": "array", "items": PAGE_LINK},
        },
        required=[],
        description="`locale` is the language this version is in (with fallback=true: the "
        "reader's where translated, else the source's); `translations` the page's other live, "
        "public translations.",
    ),
    "PageListingItem": obj(
        {"id": INTEGER, "meta": ref("PageMeta"), "title": STRING},
        required=["id", "meta"],
        additional=True,
        description="A page in a listing: the fields asked for with `fields=` (any field of the "
        "type given with `type=`; see the page types' schemas).",
    ),
    "PageListing": obj(
        {
            "meta": obj({"total_count": INTEGER}),
            "items": {"type": "array", "items": ref("PageListingItem")},
        }
    ),
    "FileListingItem": obj(
        {"id": INTEGER, "meta": {"type": "object"}, "title": STRING},
        required=["id", "meta"],
        additional=True,
    ),
    "FileListing": obj(
        {
            "meta": obj({"total_count": INTEGER}),
            "items": {"type": "array", "items": ref("FileListingItem")},
        }
    ),
}


class SchemaBuilder:
    """Schemas of blocks and page types, named blocks shared as components."""

    def __init__(self):
        self.components: dict = dict(COMPONENTS)
        # Blocks and fields with an API shape of their own that says nothing of it.
        self.undescribed: list[str] = []

    # --- blocks ---

    def block(self, block) -> dict:
        cls = type(block)
        # Our struct and stream blocks are components named after their class (the same block
        # in a story and a walk is one schema); Wagtail's own and the small ones are inline.
        named = isinstance(
            block, (blocks.StructBlock, blocks.StreamBlock)
        ) and not cls.__module__.startswith("wagtail")
        if not named:
            return self._block_schema(block)
        name = f"{cls.__module__.split('.')[0]}_{cls.__name__}"
        if name not in self.components:
            self.components[name] = {}  # placeholder while a block's children are described
            self.components[name] = self._block_schema(block)
        return ref(name)

    def _block_schema(self, block) -> dict:
        if hasattr(block, "api_schema"):
            return block.api_schema(self.block)
        if not type(block).get_api_representation.__module__.startswith("wagtail"):
            self.undescribed.append(f"{type(block).__module__}.{type(block).__qualname__}")
            return dict(ANYTHING)
        if isinstance(block, blocks.StreamBlock):
            return {
                "type": "array",
                "items": {
                    "anyOf": [
                        obj(
                            {
                                "type": {"const": name},
                                "value": self.block(child),
                                "id": STRING,
                            }
                        )
                        for name, child in block.child_blocks.items()
                    ]
                },
            }
        if isinstance(block, blocks.StructBlock):
            return obj({name: self.block(child) for name, child in block.child_blocks.items()})
        if isinstance(block, blocks.ListBlock):
            return {"type": "array", "items": self.block(block.child_block)}
        if isinstance(block, blocks.StaticBlock):
            return NULL
        if isinstance(block, blocks.BooleanBlock):
            return BOOLEAN
        if isinstance(block, blocks.IntegerBlock):
            return nullable(INTEGER)
        if isinstance(block, (blocks.FloatBlock, blocks.DecimalBlock)):
            return nullable(NUMBER)
        if isinstance(block, blocks.DateBlock):
            return nullable({"type": "string", "format": "date"})
        if isinstance(block, blocks.DateTimeBlock):
            return nullable({"type": "string", "format": "date-time"})
        if isinstance(block, blocks.TimeBlock):
            return nullable(STRING)
        if isinstance(block, blocks.MultipleChoiceBlock):
            return {"type": "array", "items": STRING}
        if isinstance(block, blocks.ChooserBlock):
            return nullable(INTEGER)  # a bare id
        if isinstance(block, (blocks.RichTextBlock, blocks.FieldBlock)):
            return nullable(STRING) if not block.required else STRING
        self.undescribed.append(f"{type(block).__module__}.{type(block).__qualname__}")
        return dict(ANYTHING)

    # --- fields ---

    def field(self, model, name, field) -> dict:
        schema = getattr(field, "api_schema", None)
        if schema is not None:
            return schema
        if isinstance(field, StreamFieldSerializer):
            return self.block(model._meta.get_field(field.source or name).stream_block)
        schema = self._drf_field(field)
        if schema is None:
            # A property or method of the model: its shape is the model's to say.
            schema = getattr(model, "api_field_schemas", {}).get(name)
        if schema is None:
            self.undescribed.append(f"{model._meta.label}.{name}")
            return dict(ANYTHING)
        return nullable(schema) if getattr(field, "allow_null", False) else schema

    def _drf_field(self, field) -> dict | None:
        if isinstance(field, drf.BooleanField):
            return BOOLEAN
        if isinstance(field, drf.IntegerField):
            return INTEGER
        if isinstance(field, drf.FloatField):
            return NUMBER
        if isinstance(field, drf.DecimalField):
            return {"type": "string", "format": "decimal"}
        if isinstance(field, drf.DateTimeField):
            return {"type": "string", "format": "date-time"}
        if isinstance(field, drf.DateField):
            return {"type": "string", "format": "date"}
        if isinstance(field, drf.ChoiceField):
            choices = [key for key in field.choices if key not in ("", None)]
            return {"type": "string", "enum": choices} if choices else STRING
        if isinstance(field, (drf.CharField, drf.TimeField)):
            return STRING
        if isinstance(field, drf.ListField):
            return {"type": "array", "items": self._drf_field(field.child) or ANYTHING}
        if isinstance(field, drf.JSONField):
            return ANYTHING
        return None

    # --- page types ---

    def page_type(self, model, viewset) -> str:
        name = f"{model._meta.app_label}.{model.__name__}"
        component = f"{model._meta.app_label}_{model.__name__}"
        serializer_class = viewset._get_serializer_class(
            api_router, model, [("*", False, None)], show_details=True
        )
        serializer = serializer_class(context={"request": None, "view": None})
        body = {}
        for field_name, field in serializer.fields.items():
            if field_name in ("id", "meta", "title"):
                continue
            if field_name in viewset.get_meta_fields_names(model):
                continue
            body[field_name] = self.field(model, field_name, field)
        meta = {
            "allOf": [ref("PageMeta")],
            "properties": {"type": {"const": name}},
        }
        self.components[component] = obj(
            {"id": INTEGER, "meta": meta, "title": STRING, **body},
            required=["id", "meta"],
            description=(model.__doc__ or "").strip().split("\n")[0] or name,
        )
        return component


def query(name, schema, description, required=False) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }


def page_parameters(locales: list[str]) -> list[dict]:
    page_id = {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}
    return [
        query(
            "type",
            STRING,
            "Only pages of these types, comma-separated (`stories.StoryPage`); needed before "
            "`fields=` names a type's own field.",
        ),
        query(
            "locale",
            ref("Language"),
            "Only pages in this language (never aliases); with `fallback=true` every page once, "
            "in this language where translated, else in its source language.",
        ),
        query(
            "fallback",
            {"type": "boolean"},
            "With `locale=`: the reader's translation where one is live, else the original "
            "(`meta.locale` says which); counts and pagination count each page once.",
        ),
        query("child_of", page_id, "Only the children of this page."),
        query("descendant_of", page_id, "Only pages below this page."),
        query("ancestor_of", page_id, "Only the pages above this page."),
        query("translation_of", page_id, "Only the translations of this page."),
    ]


def listing_parameters(max_limit: int) -> list[dict]:
    return [
        query(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": max_limit},
            f"Items per answer (default 20, at most {max_limit}).",
        ),
        query(
            "offset",
            {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
            "Items to skip.",
        ),
        query(
            "fields",
            STRING,
            "Fields to add (`summary,image`), `*` for all, `-title` to leave one out, `_` for none.",
        ),
        query(
            "order",
            STRING,
            "Order by a field (`title`, `-first_published_at`), or `random` (without offset).",
        ),
        query("search", STRING, "Full-text search."),
        query(
            "search_operator",
            {"type": "string", "enum": ["and", "or"]},
            "Whether every search word must match (`and`) or any (`or`).",
        ),
    ]


CACHE_HEADERS = {
    "ETag": {"schema": STRING, "description": "Over the body: send it back as If-None-Match."},
    "Cache-Control": {
        "schema": STRING,
        "description": "public, short max-age, stale-while-revalidate",
    },
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "schema": STRING,
    "description": "The ETag of an earlier answer: a 304 without a body while it is current.",
}


def responses(ok_schema: dict, description: str) -> dict:
    error = {"content": {"application/json": {"schema": ref("Error")}}}
    return {
        "200": {
            "description": description,
            "headers": CACHE_HEADERS,
            "content": {"application/json": {"schema": ok_schema}},
        },
        "304": {"description": "Not modified: the If-None-Match ETag is current."},
        "400": {"description": "A bad parameter, named in the message.", **error},
        "404": {"description": "Not found.", **error},
    }


def find_responses() -> dict:
    error = {"content": {"application/json": {"schema": ref("Error")}}}
    return {
        "302": {
            "description": "Found: the Location header is the item's detail address, with the "
            "other parameters kept.",
            "headers": {"Location": {"schema": STRING}},
        },
        "400": {"description": "A bad parameter, named in the message.", **error},
        "404": {"description": "Nothing at that address.", **error},
    }


def build_document() -> dict:
    """The whole OpenAPI document."""
    builder = SchemaBuilder()
    max_limit = settings.WAGTAILAPI_LIMIT_MAX
    locales = sorted(Locale.objects.values_list("language_code", flat=True)) or [
        code for code, _name in settings.LANGUAGES
    ]
    builder.components["Language"] = {
        "type": "string",
        "enum": locales,
        "description": "A language code of the site's locales.",
    }
    page_types = [
        builder.page_type(model, PublicPagesAPIViewSet)
        for model in sorted(get_page_models(), key=lambda m: m._meta.label)
        if model._meta.app_label != "wagtailcore"
    ]
    page_detail = {"anyOf": [ref(name) for name in page_types]}
    page_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
    }
    language_parameters = page_parameters(locales)[1:3]
    paths = {
        "/api/v2/pages/": {
            "get": {
                "operationId": "list_pages",
                "summary": "Live, public pages",
                "tags": ["pages"],
                "parameters": [
                    *listing_parameters(max_limit),
                    *page_parameters(locales),
                    IF_NONE_MATCH,
                ],
                "responses": responses(ref("PageListing"), "A page of results."),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "operationId": "get_page",
                "summary": "One page in full (StreamFields included)",
                "description": "With `locale=` its live translation in that language (a 404 "
                "without one); with `locale=…&fallback=true` that translation where it exists, "
                "else the page in its source language.",
                "tags": ["pages"],
                "parameters": [
                    page_id,
                    query("fields", STRING, "Fields to leave out (`-body`) or `*`."),
                    *language_parameters,
                    IF_NONE_MATCH,
                ],
                "responses": responses(page_detail, "The page (one of the page types)."),
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "operationId": "find_page",
                "summary": "Find a page by its public path or id",
                "tags": ["pages"],
                "parameters": [
                    query(
                        "html_path",
                        STRING,
                        "A page's public path with its language prefix (`/sk/stories/…/`); "
                        "the Slovak address of an untranslated page finds the original.",
                    ),
                    query(
                        "id", {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}, "A page id."
                    ),
                    *language_parameters,
                ],
                "responses": find_responses(),
            }
        },
    }
    for endpoint, title in (
        ("images", "Images"),
        ("documents", "Documents"),
        ("media", "Video and audio"),
    ):
        file_id = dict(page_id)
        paths[f"/api/v2/{endpoint}/"] = {
            "get": {
                "operationId": f"list_{endpoint}",
                "summary": f"{title} (never files awaiting review)",
                "tags": [endpoint],
                "parameters": [*listing_parameters(max_limit), IF_NONE_MATCH],
                "responses": responses(ref("FileListing"), "A page of results."),
            }
        }
        paths[f"/api/v2/{endpoint}/{{id}}/"] = {
            "get": {
                "operationId": f"get_{endpoint.rstrip('s')}",
                "summary": f"One of the {title.lower()}",
                "tags": [endpoint],
                "parameters": [file_id, IF_NONE_MATCH],
                "responses": responses(ref("FileListingItem"), "The file's record."),
            }
        }
        paths[f"/api/v2/{endpoint}/find/"] = {
            "get": {
                "operationId": f"find_{endpoint.rstrip('s')}",
                "summary": f"Find one of the {title.lower()} by id",
                "tags": [endpoint],
                "parameters": [
                    query("id", {"type": "integer", "minimum": 0, "maximum": 2**31 - 1}, "Its id.")
                ],
                "responses": find_responses(),
            }
        }
    paths["/api/v2/preview/"] = {
        "get": {
            "operationId": "preview_page",
            "summary": "A draft, for a headless front end's preview",
            "description": "An editor's Preview opens HEADLESS_PREVIEW_URL with `content_type` "
            "and `token`; pass them on here. The token is signed and expires; without a valid "
            "one nothing of a draft is returned. Never cached.",
            "tags": ["preview"],
            "parameters": [
                query(
                    "content_type", STRING, "From the preview address (`stories.storypage`).", True
                ),
                query("token", STRING, "From the preview address.", True),
                query(
                    "id",
                    {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
                    "The page's id: a token for another page is refused.",
                ),
            ],
            "responses": {
                key: value
                for key, value in responses(
                    page_detail, "The draft (one of the page types)."
                ).items()
                if key != "304"
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Bridges public API",
            "version": "2",
            "description": "Read-only JSON of MINE's stories, walks, centres, events and pages "
            "in eleven languages (Wagtail API v2 as Bridges serves it). No key needed. Every "
            "GET has an ETag and Cache-Control; errors are JSON naming the parameter.",
        },
        "servers": [{"url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")}],
        "paths": paths,
        "components": {"schemas": builder.components},
        "x-undescribed": builder.undescribed,
    }


def schema_view(request):
    """The OpenAPI 3.1 document of this API (cms/openapi.py)."""
    response = JsonResponse(build_document(), json_dumps_params={"ensure_ascii": False})
    return with_cache_headers(request, response)


def docs_view(request):
    """Human docs: Swagger UI (served from our static files, never a CDN) on the document."""
    response = render(request, "api/docs.html", {"schema_url": reverse("api_schema")})
    return with_cache_headers(request, response)
