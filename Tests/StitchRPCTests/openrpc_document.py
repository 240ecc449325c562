"""Builds docs/openrpc.json, the OpenRPC document of Stitch's JSON-RPC methods, from the HTTP
interface's OpenAPI document (Sources/StitchHTTP/openapi.yaml), so the two cannot drift.

    .venv/bin/python3 Tests/StitchRPCTests/openrpc_document.py            # writes docs/openrpc.json (`make openrpc`)
    .venv/bin/python3 Tests/StitchRPCTests/openrpc_document.py --stdout   # prints it
    .venv/bin/python3 Tests/StitchRPCTests/openrpc_document.py --check    # checks docs/openrpc.json's structure

The mapping (docs/protocol.md, "HTTP"):
- each operation's `x-rpc-method` is a method, with the operation's summary, description and tags;
- params, by name: a record operation (`x-rpc-record: member`) takes the record as that one
  param; any other takes its path and query parameters and its body's properties (required as
  the body schema requires them); every method may also carry `auth`, the daemon's token;
- the 200 answer's schema is the result;
- the errors are those of the operation's error statuses (their schemas state the codes), with
  -32602 for every method (every method reads its params) and without -32700, -32600 and
  -32003, which are about a request line, not a method (the document's description says so);
- components.schemas are copied unchanged.
"""

import json
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
OPENAPI = ROOT / "Sources" / "StitchHTTP" / "openapi.yaml"
OPENRPC = ROOT / "docs" / "openrpc.json"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")
LINE_ERRORS = {-32700, -32600, -32003}
PROTOCOL_CODES = {-32700, -32600, -32601, -32602, -32603, -32001, -32002, -32003, -32004, -32005, -32006}
AUTH = {
    "name": "auth",
    "required": False,
    "description": (
        "The daemon's token, on every request when the daemon has one (over TCP it always does); "
        "missing or wrong: -32004, and nothing else is done."
    ),
    "schema": {"type": "string"},
}


def resolve(document, ref):
    """The object a local `$ref` (`#/components/...`) points to."""
    node = document
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def error_codes(document, schema):
    """The codes an error schema allows: its own `code` const or enum, or those of its parts."""
    if "$ref" in schema:
        return error_codes(document, resolve(document, schema["$ref"]))
    code = schema.get("properties", {}).get("code", {})
    if "const" in code:
        return [code["const"]]
    if "enum" in code:
        return list(code["enum"])
    for part in schema.get("allOf", []):
        if "$ref" not in part and (found := error_codes(document, part)):
            return found
    return []


def error_messages(document):
    """Each error code's message, from the titles of the Error schema's codes (whose
    descriptions say what each means)."""
    choices = document["components"]["schemas"]["Error"]["properties"]["code"]["oneOf"]
    return {choice["const"]: choice["title"] for choice in choices}


def params_of(document, operation, path_parameters):
    """The method's params, by name (see the module's description)."""
    body = operation.get("requestBody")
    body_schema = body["content"]["application/json"]["schema"] if body else None
    record = operation.get("x-rpc-record")
    if record:
        return [{"name": record, "required": True, "schema": body_schema}]
    params = []
    for parameter in path_parameters + operation.get("parameters", []):
        if "$ref" in parameter:
            parameter = resolve(document, parameter["$ref"])
        entry = {"name": parameter["name"], "required": parameter.get("required", False)}
        if "description" in parameter:
            entry["description"] = parameter["description"]
        entry["schema"] = parameter["schema"]
        params.append(entry)
    if body_schema:
        component = resolve(document, body_schema["$ref"])
        required = set(component.get("required", []))
        for name, schema in component.get("properties", {}).items():
            entry = {"name": name, "required": name in required}
            if "description" in schema:
                entry["description"] = schema["description"]
            entry["schema"] = schema
            params.append(entry)
    return params


def build(openapi_path=OPENAPI):
    """The OpenRPC document for the OpenAPI document at `openapi_path`."""
    document = yaml.safe_load(openapi_path.read_text(encoding="utf-8"))
    messages = error_messages(document)
    methods = []
    for path, item in document["paths"].items():
        path_parameters = item.get("parameters", [])
        for verb in HTTP_METHODS:
            operation = item.get(verb)
            if operation is None:
                continue
            codes = {-32602}
            for status, response in operation["responses"].items():
                if status.startswith("2"):
                    continue
                if "$ref" in response:
                    response = resolve(document, response["$ref"])
                codes.update(error_codes(document, response["content"]["application/json"]["schema"]))
            codes -= LINE_ERRORS
            result = operation["responses"]["200"]
            result_schema = result["content"]["application/json"]["schema"]
            description = operation.get("description", "")
            body = operation.get("requestBody")
            if body and not operation.get("x-rpc-record"):
                body_component = resolve(document, body["content"]["application/json"]["schema"]["$ref"])
                if "description" in body_component:
                    description = (description + "\n\n" if description else "") + "Params: " + body_component["description"].strip()
            method = {"name": operation["x-rpc-method"], "summary": operation["summary"]}
            if description:
                method["description"] = description.strip()
            method["tags"] = [{"name": tag} for tag in operation.get("tags", [])]
            method["paramStructure"] = "by-name"
            method["params"] = params_of(document, operation, path_parameters) + [AUTH]
            method["result"] = {
                "name": result_schema["$ref"].rsplit("/", 1)[-1][0].lower() + result_schema["$ref"].rsplit("/", 1)[-1][1:],
                "description": result["description"],
                "schema": result_schema,
            }
            method["errors"] = [
                {"code": code, "message": messages[code]} for code in sorted(codes, key=lambda c: (c > -32100, -c))
            ]
            method["x-http"] = f"{verb.upper()} /api{path}"
            methods.append(method)
    info = document["info"]
    return {
        "openrpc": "1.3.2",
        "info": {
            "title": info["title"],
            "version": info["version"],
            "description": (
                "The JSON-RPC 2.0 methods of the Stitch daemon (`stitch serve --stdio`, `--socket PATH`, "
                "`--tcp HOST:PORT`; docs/protocol.md). Built from the HTTP interface's OpenAPI document "
                "(Sources/StitchHTTP/openapi.yaml) by Tests/StitchRPCTests/openrpc_document.py: each method is the "
                "operation named by its `x-rpc-method` (`x-http`), with the same schemas. Params are by name; "
                "`null` for an optional param is read as absent, and any other key is refused. Besides each "
                "method's errors, any request line may get -32700 (not JSON), -32600 (not a request, or a "
                "batch over the limit) or -32003 (a line over the limit)."
            ),
            "license": info["license"],
        },
        "methods": methods,
        "components": {"schemas": document["components"]["schemas"]},
    }


def render(openrpc):
    """The document as docs/openrpc.json holds it."""
    return json.dumps(openrpc, indent=2, ensure_ascii=False) + "\n"


def check(openrpc):
    """The problems with an OpenRPC document's structure; empty when there are none.

    Checked with the `openrpc` package's model of the specification (no PyPI package carries
    the OpenRPC meta-schema itself), then: every `$ref` resolves, method and param names are
    unique, every schema is a valid JSON Schema, and every error is one of the protocol's codes.
    """
    import jsonschema
    from openrpc import OpenRPC

    problems = []
    try:
        OpenRPC.model_validate(openrpc)
    except Exception as error:  # the model's own report of what does not fit
        problems.append(f"not an OpenRPC document: {error}")

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    resolve(openrpc, ref)
                except (KeyError, TypeError):
                    problems.append(f"{where}: $ref {ref} does not resolve")
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(openrpc, "$")
    names = [method["name"] for method in openrpc["methods"]]
    if len(names) != len(set(names)):
        problems.append(f"method names repeat: {names}")
    validator = jsonschema.Draft202012Validator
    for name, schema in openrpc["components"]["schemas"].items():
        try:
            validator.check_schema(schema)
        except jsonschema.SchemaError as error:
            problems.append(f"components.schemas.{name}: {error.message}")
    for method in openrpc["methods"]:
        params = [p for p in method["params"] if "name" in p]
        if len({p["name"] for p in params}) != len(params):
            problems.append(f"{method['name']}: param names repeat")
        if method.get("paramStructure") != "by-name":
            problems.append(f"{method['name']}: params are by name")
        for p in params + [method["result"]]:
            try:
                validator.check_schema(p["schema"])
            except jsonschema.SchemaError as error:
                problems.append(f"{method['name']}.{p['name']}: {error.message}")
        for error in method["errors"]:
            if error["code"] not in PROTOCOL_CODES:
                problems.append(f"{method['name']}: error code {error['code']} is not the protocol's")
    return problems


if __name__ == "__main__":
    if "--check" in sys.argv:
        found = check(json.loads(OPENRPC.read_text(encoding="utf-8")))
        print("\n".join(found) if found else "docs/openrpc.json: no problems")
        sys.exit(1 if found else 0)
    text = render(build())
    if "--stdout" in sys.argv:
        sys.stdout.write(text)
    else:
        OPENRPC.write_text(text, encoding="utf-8")
