"""Counts, for each output of the race, the rows whose growth differs from the exact figure.

    python compare.py IN.csv TONGJI.csv [PEER=OUT.csv ...]

The exact figure is computed here with Python's decimal module from the input's digits:
(cur / prev - 1) × 100 rounded to 1 place half away from zero (四舍五入). Rows are those tongji
recomputed (its 同比增长 ends in （推算）); a peer's missing or different figure on such a row
counts as a difference, and so does any difference of tongji's own. Also counted: how many of
those rows are exact ties (x.x5 before rounding), where float rounding goes wrong.
"""
import csv
import re
import sys
from decimal import ROUND_HALF_UP, Decimal, getcontext

getcontext().prec = 40


def exact_growths(src):
    levels = {}
    with open(src, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            number = re.match(r"[0-9.]+", row["数值"]).group(0)
            levels[(row["地区"], row["指标"], row["时期"])] = Decimal(number)
    rounded, ties = {}, set()
    for (region, indicator, period), v in levels.items():
        prev = levels.get((region, indicator, str(int(period[:4]) - 1) + period[4:]))
        if prev:
            g = (v / prev - 1) * 100
            key = (region, period, indicator)
            rounded[key] = g.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            if abs(g * 10) % 1 == Decimal("0.5"):
                ties.add(key)
    return rounded, ties


def tongji_growth(text):
    """"增长9.9%（推算）" → 9.9; "下降1.2%（推算）" → -1.2; "持平（推算）" → 0."""
    if not text.endswith("（推算）"):
        return None
    body = text.removesuffix("（推算）")
    if body.startswith("持平"):
        return Decimal(0)
    sign = -1 if body.startswith("下降") else 1
    return sign * Decimal(body[2:].removesuffix("%"))


def main():
    src, tongji_out, *peers = sys.argv[1:]
    exact, ties = exact_growths(src)
    keys = set()
    wrong = 0
    with open(tongji_out, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            g = tongji_growth(row["同比增长"])
            if g is None:
                continue
            key = (row["地区"], row["时期"], row["指标"])
            keys.add(key)
            wrong += exact.get(key) != g
    print(f"tongji: {len(keys)} recomputed growths ({len(keys & ties)} exact x.x5 ties), {wrong} differ from exact")
    for spec in peers:
        name, path = spec.split("=", 1)
        got = {}
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["同比增长"]:
                    got[(row["地区"], row["时期"], row["指标"])] = Decimal(row["同比增长"])
        differ = [k for k in keys if got.get(k) is None or got[k] != exact[k]]
        at_ties = sum(1 for k in differ if k in ties)
        print(f"{name}: {len(differ)} of {len(keys)} differ from exact ({at_ties} of them at ties)")


if __name__ == "__main__":
    main()
