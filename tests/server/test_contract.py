"""The published OpenAPI document is the contract (issue 14, finding 7): it declares the
request bodies, the answers and errors, the headers writes need, and the bearer scheme, so a
client generator or a fuzzer can use it (tests/server/test_probe_openapi.py does)."""

from __future__ import annotations


def test_the_document_declares_bodies_answers_errors_and_the_bearer_scheme(market):
    document = market.client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http", "scheme": "bearer", "description": "An access token from POST /api/v1/auth/login or /refresh."}
    public = {("get", "/api/v1/health"), ("get", "/api/v1/time"), ("post", "/api/v1/auth/login"),
              ("post", "/api/v1/auth/refresh")}
    without_body = {"send-for-approval", "withdraw", "retire", "approve", "open-financial", "award", "logout"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert bool(operation.get("security")) == ((method, path) not in public), where
            if method in ("put", "patch") or (method == "post" and path.rsplit("/", 1)[-1] not in without_body):
                schema = operation["requestBody"]["content"]["application/json"]["schema"]
                assert "$ref" in schema or "oneOf" in schema, where
            errors = {code for code in operation["responses"] if code.startswith("4")}
            assert errors or (method, path) in {("get", "/api/v1/health"), ("get", "/api/v1/time")}, where
            assert all(operation["responses"][code]["content"]["application/json"]["schema"]
                                  == {"$ref": "#/components/schemas/Error"} for code in errors), where
            success = [code for code in operation["responses"] if code.startswith("2")]
            assert success, where
    bid = document["components"]["schemas"]["BidFields"]
    assert bid["additionalProperties"] is False and "items" in bid["required"]
    assert {p["name"] for p in document["paths"]["/api/v1/listings/{listing_id}"]["patch"]["parameters"]} >= {
        "If-Match", "Idempotency-Key"}
    # The catch-all verb routes are not in the document: each verb is an operation of its own.
    assert "/api/v1/bids/{bid_id}/{verb}" not in document["paths"]
    assert "/api/v1/bids/{bid_id}/award" in document["paths"] and "/api/v1/orders/{order_id}/deliver" in document["paths"]
