"""The compose smoke test's counts (deploy/compose/smoke/run), all in one form: "key=n" pairs sorted by key.

    counts.py labels        `trendwatch label` JSON lines on stdin: labeled paragraphs per sector
    counts.py trends        GET /api/trends JSON on stdin: paragraphs per sector over its buckets
    counts.py targets       Prometheus's GET /api/v1/targets JSON on stdin: healthy targets per service
    counts.py query         Prometheus's GET /api/v1/query JSON on stdin: the value per sector
    counts.py add A B...    the sum of count lists
    counts.py at-least A B  exit 0 when A has B's keys, each with at least B's count
    counts.py body ARTICLE  the body of a JSON article (what `label -` reads)
"""
import collections
import json
import sys


def show(counts):
    return " ".join(f"{key}={n}" for key, n in sorted(counts.items()))


def parse(text):
    return collections.Counter({key: int(n) for key, n in (item.split("=") for item in text.split())})


def labels():
    lines = (json.loads(line) for line in sys.stdin if line.strip())
    return show(collections.Counter(label["sector"] for line in lines for label in line["labels"]))


def trends():
    counts = collections.Counter()
    for bucket in json.load(sys.stdin):
        counts[bucket["sector"]] += bucket["paragraphs"]
    return show(counts)


def targets():
    active = json.load(sys.stdin)["data"]["activeTargets"]
    return show(collections.Counter(t["labels"].get("service") for t in active if t["health"] == "up"))


def query():
    result = json.load(sys.stdin)["data"]["result"]
    return show({r["metric"]["sector"]: int(float(r["value"][1])) for r in result})


def add(*lists):
    return show(sum((parse(text) for text in lists), collections.Counter()))


def at_least(have, want):
    have, want = parse(have), parse(want)
    sys.exit(0 if have.keys() == want.keys() and all(have[k] >= n for k, n in want.items()) else 1)


def body(article):
    return json.loads(article)["body"]


if __name__ == "__main__":
    commands = {"labels": labels, "trends": trends, "targets": targets, "query": query, "add": add,
                "at-least": at_least, "body": body}
    print(commands[sys.argv[1]](*sys.argv[2:]))
