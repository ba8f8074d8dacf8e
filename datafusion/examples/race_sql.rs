//! The race job (every row's 同比增长 over the same month last year, one place) three ways on
//! one long CSV, with wall times and the rows where DataFusion's own decimal SQL differs from
//! tongji's exact figure:
//!
//! 1. the main crate: `Table::read_csv`, then `Table::report_cells` for the growth column;
//! 2. SQL with tongji's functions over a Parquet file of the table (`tongji_yoy … OVER`);
//! 3. DataFusion's built-in decimal SQL over the same file: a self-join on last year's month and
//!    `round((a.value / b.value - 1) * 100, 1)` on `DECIMAL(20, 2)` (the race data's figures have
//!    two places), as a user of the engine would write it.
//!
//! ```text
//! cargo run --release --example load_csv -- 1000000 --write /tmp/race.csv   # in the main crate
//! cargo run --release --example race_sql -- /tmp/race.csv [RUNS]
//! ```

use std::collections::HashMap;
use std::fs::File;
use std::time::Instant;

use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::*;
use tongji::{ReportCells, Table, WriteOptions};

const TONGJI_SQL: &str = "SELECT region, indicator, period, tongji_yoy(period, value) OVER s AS g
    FROM observations WINDOW s AS (PARTITION BY region, indicator)";

const BUILTIN_SQL: &str = "WITH t AS (
      SELECT region, indicator, period, CAST(value AS DECIMAL(20, 2)) AS value,
             CAST(substr(period, 1, 4) AS INT) AS year, substr(period, 6) AS rest
      FROM observations)
    SELECT a.region, a.indicator, a.period, round((a.value / b.value - 1) * 100, 1) AS g
    FROM t a LEFT JOIN t b
      ON a.region = b.region AND a.indicator = b.indicator AND a.rest = b.rest
     AND a.year = b.year + 1";

type Key = (String, String, String);

/// (region, indicator, period) → the growth cell as text, of a query's result.
fn figures(
    batches: &[RecordBatch],
) -> Result<HashMap<Key, Option<String>>, Box<dyn std::error::Error>> {
    let mut out = HashMap::new();
    for b in batches {
        let c: Vec<_> = b
            .columns()
            .iter()
            .map(|c| cast(c, &DataType::Utf8))
            .collect::<Result<_, _>>()?;
        let text = |k: usize, i: usize| {
            let a = c[k].as_string::<i32>();
            (!a.is_null(i)).then(|| a.value(i).to_string())
        };
        for i in 0..b.num_rows() {
            let key = (
                text(0, i).unwrap_or_default(),
                text(1, i).unwrap_or_default(),
                text(2, i).unwrap_or_default(),
            );
            out.insert(key, text(3, i));
        }
    }
    Ok(out)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: race_sql DATA.csv [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let parquet = std::env::temp_dir().join(format!("tongji-race-{}.parquet", std::process::id()));
    let (mut main_path, mut with_tongji, mut builtin) = (Vec::new(), Vec::new(), Vec::new());
    let (mut ours, mut theirs) = (HashMap::new(), HashMap::new());
    let mut rows = 0;
    for run in 0..runs {
        // 1. The main crate, from the CSV.
        let start = Instant::now();
        let (table, _) = Table::read_csv(File::open(path)?)?;
        let mut cells = ReportCells::only(&[3]);
        let mut written = 0usize;
        for o in table.iter() {
            table.report_cells(&o, &WriteOptions::new(), &mut cells);
            written += cells.get(3).len();
        }
        main_path.push(start.elapsed().as_secs_f64());
        rows = table.len();
        if run == 0 {
            eprintln!("{rows} rows; {written} bytes of growth cells");
            let batch = tongji_datafusion::to_record_batch(&table)?;
            let mut w = ArrowWriter::try_new(File::create(&parquet)?, batch.schema(), None)?;
            w.write(&batch)?;
            w.close()?;
        }
        drop(table);
        let ctx = SessionContext::new();
        tongji_datafusion::register(&ctx);
        let file = parquet.to_string_lossy().to_string();
        ctx.register_parquet("observations", &file, ParquetReadOptions::default())
            .await?;
        // 2. SQL with tongji's functions.
        let start = Instant::now();
        let got = ctx.sql(TONGJI_SQL).await?.collect().await?;
        with_tongji.push(start.elapsed().as_secs_f64());
        // 3. DataFusion's own decimal SQL.
        let start = Instant::now();
        let other = ctx.sql(BUILTIN_SQL).await?.collect().await?;
        builtin.push(start.elapsed().as_secs_f64());
        if run == 0 {
            ours = figures(&got)?;
            theirs = figures(&other)?;
        }
    }
    std::fs::remove_file(&parquet)?;
    let number = |c: &Option<String>| c.as_deref().and_then(|t| t.parse::<tongji::Decimal>().ok());
    let computed = ours.values().filter(|g| g.is_some()).count();
    let mut differing: Vec<_> = ours
        .iter()
        .filter(|(k, g)| theirs.get(*k).map(number) != Some(number(g)))
        .collect();
    let differ = differing.len();
    differing.sort();
    for (k, g) in differing.iter().take(3) {
        println!(
            "  e.g. {k:?}: tongji {g:?}, built-in {:?}",
            theirs.get(*k).cloned().flatten()
        );
    }
    println!("rows {rows}, runs {runs} (medians, wall)");
    println!(
        "main crate (read CSV + report cells)      {:>8.3} s",
        median(main_path)
    );
    println!(
        "SQL with tongji's functions (Parquet)     {:>8.3} s",
        median(with_tongji)
    );
    println!(
        "DataFusion's own decimal SQL (Parquet)    {:>8.3} s",
        median(builtin)
    );
    println!(
        "growths computed by tongji: {computed}; rows where the built-in SQL differs: {differ}"
    );
    Ok(())
}
