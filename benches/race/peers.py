"""The race job done by the tools people would pick instead of tongji: for every row of the long
CSV (地区,指标,时期,数值,同比增长; 数值 a number and its unit, one unit a file), the growth over
the same month last year, rounded to 1 place the way each tool rounds, written as CSV
(地区,时期,指标,同比增长).

    python peers.py pandas|polars|duckdb IN.csv OUT.csv

Each peer is written as a user of that tool would write it: floats, the tool's own round.
"""
import sys


def pandas_job(src, dst):
    import pandas as pd

    df = pd.read_csv(src, dtype={"同比增长": str})
    df["v"] = df["数值"].str.extract(r"^([0-9.]+)", expand=False).astype(float)
    df["year"] = df["时期"].str[:4].astype(int)
    df["month"] = df["时期"].str[5:-1]
    prev = df[["地区", "指标", "year", "month", "v"]].copy()
    prev["year"] += 1
    m = df.merge(prev, on=["地区", "指标", "year", "month"], how="left", suffixes=("", "_prev"))
    m["growth"] = ((m["v"] / m["v_prev"] - 1) * 100).round(1)
    m[["地区", "时期", "指标", "growth"]].rename(columns={"growth": "同比增长"}).to_csv(dst, index=False)


def polars_job(src, dst):
    import polars as pl

    df = (
        pl.scan_csv(src, schema_overrides={"同比增长": pl.Utf8})
        .with_columns(
            pl.col("数值").str.extract(r"^([0-9.]+)").cast(pl.Float64).alias("v"),
            pl.col("时期").str.slice(0, 4).cast(pl.Int32).alias("year"),
            pl.col("时期").str.extract(r"年(\d+)月").alias("month"),
        )
    )
    prev = df.select("地区", "指标", (pl.col("year") + 1).alias("year"), "month", pl.col("v").alias("v_prev"))
    out = (
        df.join(prev, on=["地区", "指标", "year", "month"], how="left")
        .with_columns(((pl.col("v") / pl.col("v_prev") - 1) * 100).round(1).alias("同比增长"))
        .select("地区", "时期", "指标", "同比增长")
    )
    out.sink_csv(dst)


def duckdb_job(src, dst):
    import duckdb

    duckdb.sql(
        f"""
        COPY (
          WITH t AS (
            SELECT 地区, 指标, 时期,
                   CAST(regexp_extract(数值, '^([0-9.]+)', 1) AS DOUBLE) AS v,
                   CAST(substr(时期, 1, 4) AS INTEGER) AS year,
                   regexp_extract(时期, '年(\\d+)月', 1) AS month
            FROM read_csv('{src}', header = true, all_varchar = true)
          )
          SELECT a.地区, a.时期, a.指标, round((a.v / b.v - 1) * 100, 1) AS 同比增长
          FROM t a LEFT JOIN t b
            ON a.地区 = b.地区 AND a.指标 = b.指标 AND a.month = b.month AND a.year = b.year + 1
        ) TO '{dst}' (HEADER)
        """
    )


if __name__ == "__main__":
    peer, src, dst = sys.argv[1:4]
    {"pandas": pandas_job, "polars": polars_job, "duckdb": duckdb_job}[peer](src, dst)
