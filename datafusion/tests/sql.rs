//! tongji's functions in SQL: the same figures as the main crate, where DataFusion's own decimal
//! arithmetic gives others.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::datasource::MemTable;
use datafusion::prelude::*;
use tongji::{Decimal, Period, Rounding, Table};

const COUNTY: &[u8] = include_bytes!("../../examples/data/county.csv");

fn context() -> SessionContext {
    let ctx = SessionContext::new();
    tongji_datafusion::register(&ctx);
    ctx
}

fn county() -> Table {
    let (t, bad) = Table::read_csv(COUNTY).unwrap();
    // One row of the sample is a figure in words (XX万元), refused as it should be.
    assert!(bad.len() <= 1, "{bad:?}");
    t
}

async fn observations(ctx: &SessionContext, table: &Table) {
    let batch = tongji_datafusion::to_record_batch(table).unwrap();
    let mem = MemTable::try_new(batch.schema(), vec![vec![batch]]).unwrap();
    ctx.register_table("observations", Arc::new(mem)).unwrap();
}

/// Every cell of `batches` as text, a row a vector.
fn rows(batches: &[RecordBatch]) -> Vec<Vec<Option<String>>> {
    let mut out = Vec::new();
    for b in batches {
        let columns: Vec<_> = b
            .columns()
            .iter()
            .map(|c| cast(c, &DataType::Utf8).unwrap())
            .collect();
        for i in 0..b.num_rows() {
            out.push(
                columns
                    .iter()
                    .map(|c| {
                        let c = c.as_string::<i32>();
                        (!c.is_null(i)).then(|| c.value(i).to_string())
                    })
                    .collect(),
            );
        }
    }
    out
}

async fn query(ctx: &SessionContext, sql: &str) -> Vec<Vec<Option<String>>> {
    let batches = ctx.sql(sql).await.unwrap().collect().await.unwrap();
    rows(&batches)
}

#[tokio::test]
async fn worked_examples_from_the_methodology_and_the_seeds() {
    let ctx = context();
    let got = query(
        &ctx,
        "SELECT
           tongji_growth(CAST(238429.89 AS DECIMAL(10, 2)), CAST(220000.00 AS DECIMAL(10, 2))),
           tongji_percent(CAST(46596 AS DECIMAL(10, 0)), CAST(44000 AS DECIMAL(10, 0))),
           tongji_percent(CAST(2.68 AS DECIMAL(4, 2)), CAST(2.5 AS DECIMAL(4, 1)), 2),
           tongji_growth(CAST(471495 AS DECIMAL(10, 0)), CAST(439733 AS DECIMAL(10, 0))),
           tongji_points(CAST(8.4 AS DECIMAL(4, 1)), CAST(6.1 AS DECIMAL(4, 1))),
           tongji_round(CAST(35.125 AS DECIMAL(6, 3)), 2),
           tongji_round(CAST(35.125 AS DECIMAL(6, 3)), 2, 'half_even'),
           tongji_percent(1, 8, 0),
           tongji_percent(1, 8, 0, 'half_even')",
    )
    .await;
    let want = [
        "8.4",    // 238429.89 over 220000.00: 8.377…
        "105.9",  // 1至10月完成投资46596万元, 占年度任务数的105.9%
        "107.20", // seed 002: 2.68亿 of 2.5亿 is 107.20%, not the 107.42% it prints
        "7.2",    // 2023年社会消费品零售总额471495亿元, 比上年增长7.2% (国家统计局 统计公报)
        "2.3", "35.13", "35.12", "13", // 12.5 away from zero
        "12",
    ];
    let got: Vec<String> = got[0].iter().map(|c| c.clone().unwrap()).collect();
    assert_eq!(got, want);
}

#[tokio::test]
async fn states_and_zero_bases_are_null_and_wide_values_are_errors() {
    let ctx = context();
    let got = query(
        &ctx,
        "SELECT
           tongji_growth(CAST(5 AS DECIMAL(4, 0)), CAST(0 AS DECIMAL(4, 0))),
           tongji_growth(CAST(5 AS DECIMAL(4, 0)), CAST(-2 AS DECIMAL(4, 0))),
           tongji_growth(CAST(-5 AS DECIMAL(4, 0)), CAST(2 AS DECIMAL(4, 0))),
           tongji_growth(CAST(0 AS DECIMAL(4, 0)), CAST(2 AS DECIMAL(4, 0))),
           tongji_percent(CAST(5 AS DECIMAL(4, 0)), CAST(0 AS DECIMAL(4, 0))),
           tongji_growth(NULL, CAST(2 AS DECIMAL(4, 0)))",
    )
    .await;
    assert_eq!(
        got[0],
        [None, None, None, Some("-100.0".to_string()), None, None]
    );
    // 29 digits: beyond tongji's exact figures, an error and not a rounded rate.
    let wide = ctx
        .sql(
            "SELECT tongji_growth(CAST('12345678901234567890123456789' AS DECIMAL(38, 0)), \
             CAST(1 AS DECIMAL(38, 0)))",
        )
        .await
        .unwrap()
        .collect()
        .await;
    let e = wide.unwrap_err().to_string();
    assert!(e.contains("more than 28 digits"), "{e}");
    // A double is refused: its written digits are gone.
    let e = ctx
        .sql("SELECT tongji_growth(CAST(1.5 AS DOUBLE), CAST(1 AS DOUBLE))")
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("float"), "{e}");
    // Places are a literal from 0 to 10.
    let e = ctx
        .sql("SELECT tongji_growth(CAST(1 AS DECIMAL(4, 0)), CAST(1 AS DECIMAL(4, 0)), 11)")
        .await
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(e.contains("places 11"), "{e}");
}

/// DataFusion's own decimal division truncates its quotient: `(cur / prev - 1) * 100`, rounded
/// with its own (half away from zero) `round`, misses the figure where the truncated digits
/// decide it. tongji's function gives the exact figure.
#[tokio::test]
async fn builtin_decimal_sql_differs_where_tongji_is_right() {
    let ctx = context();
    let got = query(
        &ctx,
        "SELECT
           round((CAST(200001 AS DECIMAL(10, 0)) / CAST(160000 AS DECIMAL(10, 0)) - 1) * 100, 3),
           tongji_growth(CAST(200001 AS DECIMAL(10, 0)), CAST(160000 AS DECIMAL(10, 0)), 3)",
    )
    .await;
    // (200001 / 160000 − 1) × 100 = 25.000625 exactly → 25.001 at three places. DataFusion 55
    // gives 25.000: its quotient 1.250006… is cut at scale 4 (1.2500) before the subtraction.
    let exact = tongji::kernel::growth(
        "200001".parse().unwrap(),
        "160000".parse().unwrap(),
        tongji::Rounding::new(3),
    )
    .unwrap()
    .unwrap();
    assert_eq!(exact.to_string(), "25.001");
    assert_eq!(got[0][1].as_deref(), Some("25.001"));
    // A literal such as 200001.0 is a double in DataFusion, and comes out right there: the cut
    // is decimal division's.
    let t = query(&ctx, "SELECT arrow_typeof(200001.0)").await;
    assert_eq!(t[0][0].as_deref(), Some("Float64"));
    assert_ne!(
        got[0][0].as_deref(),
        Some("25.001"),
        "DataFusion's decimal division now keeps the digits: {:?}",
        got[0][0]
    );
}

#[tokio::test]
async fn the_county_data_gives_the_main_crates_growth_for_every_row() {
    let ctx = context();
    let table = county();
    observations(&ctx, &table).await;
    let got = query(
        &ctx,
        "SELECT region, indicator, period,
                tongji_yoy(period, value) OVER s,
                tongji_growth(value, tongji_last_year(period, value) OVER s, 2),
                tongji_monthly(period, value) OVER s,
                tongji_growth_from_levels(indicator)
         FROM observations
         WINDOW s AS (PARTITION BY region, indicator)",
    )
    .await;
    assert_eq!(got.len(), table.len());
    let (mut checked, mut monthly, mut refused) = (0, 0, 0);
    let number = |cell: &Option<String>| cell.as_deref().map(|c| c.parse::<Decimal>().unwrap());
    for row in &got {
        let [region, code, period, yoy, at2, month, levels] = &row[..] else {
            panic!("{row:?}")
        };
        let (region, code) = (region.as_deref().unwrap(), code.as_deref().unwrap());
        let period: Period = period.as_deref().unwrap().parse().unwrap();
        // The main crate's growth from the two levels (tongji::growth), rounded once.
        let now = table.get(region, code, &period).unwrap();
        let then = period
            .same_period_last_year()
            .ok()
            .and_then(|p| table.get(region, code, &p));
        let rate =
            then.and_then(|then| tongji::growth(&now.value(), &then.value()).unwrap().rate());
        let rounded =
            |places: u32| rate.map(|r| tongji::kernel::round(r.percent(), Rounding::new(places)));
        assert_eq!(number(yoy), rounded(1), "{region} {code} {period}");
        assert_eq!(number(at2), rounded(2), "{region} {code} {period}");
        checked += usize::from(yoy.is_some());
        // Where the catalog says no, the main crate refuses to recompute the growth (it is
        // published at comparable prices or coverage) unless one was published.
        if levels.as_deref() == Some("false") && now.yoy().is_none() && then.is_some() {
            let e = table.growth(region, code, &period).unwrap_err();
            assert_eq!(e.kind(), tongji::ErrorKind::NotRecomputable);
            refused += 1;
        }
        // 当月 from 累计: the main crate's monthly_from_cumulative.
        if let Ok(months) = table.monthly_from_cumulative(region, code, period.calendar_year()) {
            let (_, last) = period.months();
            let want = period
                .is_cumulative()
                .then(|| {
                    months
                        .iter()
                        .find(|m| m.period().months() == (last, last))
                        .map(|m| m.value().value())
                })
                .flatten();
            assert_eq!(number(month), want, "{region} {code} {period}");
            monthly += usize::from(want.is_some());
        }
    }
    assert!(checked >= 50, "{checked} growths checked");
    assert!(monthly >= 10, "{monthly} months checked");
    assert!(
        refused >= 4,
        "{refused} growths of indicators published at comparable prices"
    );
}

#[tokio::test]
async fn same_period_last_year_is_found_by_period_through_gaps_and_combined_months() {
    let ctx = context();
    // 2022: 1—2月 published combined, then 1—3月 … ; 2023: 1—4月 missing. lag() over the rows
    // would pair 2023年1—5月 with 2022年1—6月.
    let csv = "地区,指标,时期,数值\n\
        甲县,retail,2022年1—2月,100万元\n\
        甲县,retail,2022年1—3月,160万元\n\
        甲县,retail,2022年1—4月,200万元\n\
        甲县,retail,2022年1—5月,250万元\n\
        甲县,retail,2022年1—6月,310万元\n\
        甲县,retail,2023年1—2月,105万元\n\
        甲县,retail,2023年1—3月,170万元\n\
        甲县,retail,2023年1—5月,270万元\n\
        甲县,retail,2023年1—6月,330万元\n\
        乙县,retail,2022年1—5月,10万元\n\
        乙县,retail,2023年1—5月,11万元\n";
    let (table, bad) = Table::read_csv(csv.as_bytes()).unwrap();
    assert!(bad.is_empty());
    observations(&ctx, &table).await;
    let got = query(
        &ctx,
        "SELECT region, CAST(period AS VARCHAR) AS p, tongji_yoy(period, value) OVER s,
                tongji_last_year(period, value) OVER s, tongji_monthly(period, value) OVER s,
                lag(value) OVER (PARTITION BY region, indicator ORDER BY period)
         FROM observations WINDOW s AS (PARTITION BY region, indicator)
         ORDER BY region, p",
    )
    .await;
    let by: HashMap<(String, String), Vec<Option<String>>> = got
        .into_iter()
        .map(|r| {
            (
                (r[0].clone().unwrap(), r[1].clone().unwrap()),
                r[2..].to_vec(),
            )
        })
        .collect();
    let at = |region: &str, period: &str| by[&(region.to_string(), period.to_string())].clone();
    let s = |v: &str| Some(v.to_string());
    // 270 over 250: 8.0%; 2023年1—5月's last year is 2022年1—5月, whatever lies between.
    assert_eq!(at("甲县", "2023年1—5月")[..3], [s("8.0"), s("250"), None]);
    // 1—3月 − 1—2月 = 当月 3月; 1—2月 itself has no 当月 (January is not published alone).
    assert_eq!(
        at("甲县", "2023年1—3月")[..3],
        [s("6.3"), s("160"), s("65")]
    );
    assert_eq!(at("甲县", "2023年1—2月")[..3], [s("5.0"), s("100"), None]);
    // 1—6月 − 1—5月 in 2023 (1—4月 is missing, which does not matter here).
    assert_eq!(at("甲县", "2023年1—6月")[2], s("60"));
    assert_eq!(at("甲县", "2022年1—6月")[..3], [None, None, s("60")]);
    assert_eq!(at("乙县", "2023年1—5月")[..2], [s("10.0"), s("10")]);
    // Ordered within the partition (by the period's text, which does not sort as periods do),
    // the rows matched are the same.
    let ordered = query(
        &ctx,
        "SELECT region, CAST(period AS VARCHAR) AS p, tongji_yoy(period, value) OVER s
         FROM observations WINDOW s AS (PARTITION BY region, indicator ORDER BY period DESC)
         ORDER BY region, p",
    )
    .await;
    for r in ordered {
        let key = (r[0].clone().unwrap(), r[1].clone().unwrap());
        assert_eq!(r[2], by[&key][0], "{key:?}");
    }
}

#[tokio::test]
async fn two_rows_of_one_period_in_a_partition_are_an_error() {
    let ctx = context();
    let csv =
        "地区,指标,时期,数值\n甲县,retail,2023年1—9月,1万元\n乙县,retail,2023年前三季度,2万元\n";
    let (table, _) = Table::read_csv(csv.as_bytes()).unwrap();
    observations(&ctx, &table).await;
    // Partitioned by indicator alone, 前三季度 and 1—9月 are one period twice.
    let e = ctx
        .sql("SELECT tongji_yoy(period, value) OVER (PARTITION BY indicator) FROM observations")
        .await
        .unwrap()
        .collect()
        .await
        .unwrap_err()
        .to_string();
    assert!(e.contains("two rows of"), "{e}");
}

#[tokio::test]
async fn a_series_that_mixes_magnitudes_is_computed_on_base_values() {
    let ctx = context();
    // 1.2亿元 then 12500万元: 4.2% (12500 / 12000), as the main crate has it.
    let csv = "地区,指标,时期,数值\n甲县,retail,2022年,1.2亿元\n甲县,retail,2023年,12500万元\n";
    let (table, _) = Table::read_csv(csv.as_bytes()).unwrap();
    observations(&ctx, &table).await;
    let got = query(
        &ctx,
        "SELECT CAST(base AS VARCHAR), tongji_yoy(period, base) OVER s FROM observations
         WINDOW s AS (PARTITION BY region, indicator) ORDER BY CAST(period AS VARCHAR)",
    )
    .await;
    let p: Period = "2023年".parse().unwrap();
    let main = table.growth("甲县", "retail", &p).unwrap().rate().unwrap();
    assert_eq!(main.rounded(Rounding::new(1)).to_string(), "4.2%");
    assert_eq!(got[0], [Some("120000000".to_string()), None]);
    assert_eq!(
        got[1],
        [Some("125000000".to_string()), Some("4.2".to_string())]
    );
}

/// The yoy window of every generated table gives, row by row, the main crate's growth from the two
/// levels (`tongji::growth`), rounded once. Each case is a SQL query, so this property runs 300
/// cases; the scalar kernels' properties (tests/kernels.rs) run 10,000.
#[test]
fn windows_agree_with_the_main_crate_on_generated_tables() {
    use proptest::prelude::*;
    use tongji::proptest::{CsvParams, long_csvs};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let params = CsvParams {
        regions: 2,
        indicators: vec!["retail", "fai", "budget_revenue"],
        years: 2019..=2023,
    };
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(300));
    runner
        .run(&long_csvs(params), |text| {
            let (table, bad) = Table::read_csv(text.as_bytes()).unwrap();
            prop_assert!(bad.is_empty());
            let got = runtime.block_on(async {
                let ctx = context();
                observations(&ctx, &table).await;
                query(
                    &ctx,
                    "SELECT region, indicator, period, tongji_yoy(period, base) OVER s
                     FROM observations WINDOW s AS (PARTITION BY region, indicator)",
                )
                .await
            });
            prop_assert_eq!(got.len(), table.len());
            for row in got {
                let (region, code) = (row[0].clone().unwrap(), row[1].clone().unwrap());
                let period: Period = row[2].as_deref().unwrap().parse().unwrap();
                let now = table.get(&region, &code, &period).unwrap();
                let then = period
                    .same_period_last_year()
                    .ok()
                    .and_then(|p| table.get(&region, &code, &p));
                let want = then
                    .and_then(|then| tongji::growth(&now.value(), &then.value()).unwrap().rate())
                    .map(|r| tongji::kernel::round(r.percent(), Rounding::new(1)));
                let got = row[3].as_deref().map(|c| c.parse::<Decimal>().unwrap());
                prop_assert_eq!(got, want, "{} {} {}", region, code, period);
            }
            Ok(())
        })
        .unwrap();
}
