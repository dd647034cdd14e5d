"""Serialises one AWS request the way botocore, the official Python SDK, does, without sending it.

Reads {"service", "operation", "params", "protocol"?} as JSON on stdin and writes the request as JSON:
method, path (labels filled and encoded), query (name -> list of values), headers that describe the
body (Content-Type, X-Amz-Target), and the body (text, or form fields for the query protocol).
The wire contract tests compare DialControl's requests with this output.
"""
import json
import sys
import urllib.parse

try:
    import botocore.serialize
    import botocore.session
except ImportError:  # the contract tests turn this exit code into an install hint
    sys.stderr.write('botocore is missing: pip install "moto[server]" boto3\n')
    sys.exit(3)


def serialize(spec):
    session = botocore.session.get_session()
    model = session.get_service_model(spec["service"])
    protocol = spec.get("protocol") or model.protocol
    if protocol not in model.metadata.get("protocols", [model.metadata.get("protocol")]):
        raise SystemExit(f"{spec['service']} does not speak {protocol}")
    if protocol != model.metadata.get("protocol"):
        # CloudWatch lists several protocols; DialControl speaks awsJson1_0, which botocore also knows.
        model._service_description["metadata"]["protocol"] = protocol
        model._service_description["metadata"]["protocols"] = [protocol]
        model = botocore.model.ServiceModel(model._service_description, spec["service"])
    operation = model.operation_model(spec["operation"])
    serializer = botocore.serialize.create_serializer(protocol, include_validation=True)
    request = serializer.serialize_to_request(spec["params"], operation)
    body = request["body"]
    if isinstance(body, dict):
        form = {k: v for k, v in body.items()}
        body_out = {"form": {k: str(v) for k, v in form.items()}}
    else:
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        body_out = {"text": body or ""}
    query = {}
    for name, value in (request.get("query_string") or {}).items():
        query[name] = value if isinstance(value, list) else [str(value)]
    headers = {k.lower(): str(v) for k, v in request["headers"].items()
               if k.lower() in ("content-type", "x-amz-target")}
    path = request["url_path"]
    return {"method": request["method"], "path": path, "query": query, "headers": headers, **body_out}


if __name__ == "__main__":
    import botocore.model  # noqa: F401 (used above when the protocol is overridden)
    print(json.dumps(serialize(json.load(sys.stdin))))
