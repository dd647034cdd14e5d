"""Makes AWS calls with boto3 against a local endpoint, to seed moto and to read back its state.

Reads {"endpoint", "region"?, "calls": [{"service", "operation", "params", "region"?}]} on stdin and
prints a JSON list of the responses. Tests use it so that seeding and checking go through the
official SDK, independent of DialControl's own clients.
"""
import datetime
import json
import sys

try:
    import boto3
    import botocore.config
except ImportError:
    sys.stderr.write('boto3 is missing: pip install "moto[server]" boto3\n')
    sys.exit(3)


def default(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if hasattr(value, "read"):
        # A streamed body, such as Lambda Invoke's Payload: its text.
        return value.read().decode("utf-8", "replace")
    return str(value)


def main():
    spec = json.load(sys.stdin)
    results = []
    config = botocore.config.Config(retries={"max_attempts": 1})
    for call in spec["calls"]:
        client = boto3.client(
            call["service"],
            region_name=call.get("region") or spec.get("region") or "us-east-1",
            endpoint_url=spec["endpoint"],
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            config=config,
        )
        operation = getattr(client, call["operation"])
        response = operation(**call.get("params", {}))
        response.pop("ResponseMetadata", None)
        results.append(response)
    print(json.dumps(results, default=default))


if __name__ == "__main__":
    main()
