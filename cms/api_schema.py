"""Pieces of JSON Schema for the OpenAPI document (cms/openapi.py), importable from any model or
block module (no Django imports): a block's or a field's `api_schema` is built from these."""

NULL = {"type": "null"}
STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
BOOLEAN = {"type": "boolean"}
ANYTHING: dict = {}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, NULL]}


def obj(properties: dict, required=None, additional=False, description=None) -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": additional,
    }
    if description:
        schema["description"] = description
    return schema


IMAGE = ref("Image")
MEDIA = ref("Media")
PAGE_LINK = ref("PageLink")
TERM = ref("Term")
