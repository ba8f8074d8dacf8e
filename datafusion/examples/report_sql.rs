//! The report job in SQL: a long CSV read by tongji, written as Parquet (Decimal128 figures,
//! dictionary text), and 上年同期, 同比增长 and 当月 computed by tongji's functions in DataFusion.
//! 同比增长 is recomputed only where the catalog allows it: 地区生产总值's and 固定资产投资's are
//! published at comparable prices or coverage (公布增速), not derived from the levels.
//!
//! ```text
//! cargo run --example report_sql                    # the bundled sample county
//! cargo run --example report_sql -- data.csv        # a long CSV of your own
//! cargo run --example report_sql -- data.csv out.parquet   # and keep the Parquet file
//! ```

use std::fs::File;
use std::path::PathBuf;

use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::*;
use tongji::Table;

const SAMPLE: &[u8] = include_bytes!("../../examples/data/county.csv");

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (table, bad) = match args.first() {
        Some(path) => Table::read_csv(File::open(path)?)?,
        None => Table::read_csv(SAMPLE)?,
    };
    for e in &bad {
        eprintln!("skipped: {e}");
    }
    let parquet = match args.get(1) {
        Some(p) => PathBuf::from(p),
        None => std::env::temp_dir().join(format!("tongji-report-{}.parquet", std::process::id())),
    };
    let batch = tongji_datafusion::to_record_batch(&table)?;
    let mut writer = ArrowWriter::try_new(File::create(&parquet)?, batch.schema(), None)?;
    writer.write(&batch)?;
    writer.close()?;

    let ctx = SessionContext::new();
    tongji_datafusion::register(&ctx);
    ctx.register_parquet(
        "observations",
        parquet.to_string_lossy().as_ref(),
        ParquetReadOptions::default(),
    )
    .await?;
    let report = ctx
        .sql(
            "SELECT region AS 地区, indicator AS 指标, period AS 时期, value AS 本期, unit AS 单位,
                    tongji_last_year(period, value) OVER s AS 上年同期,
                    yoy AS 公布增速,
                    CASE WHEN tongji_growth_from_levels(indicator) IS NOT FALSE
                         THEN tongji_yoy(period, value) OVER s END AS 同比增长,
                    tongji_monthly(period, value) OVER s AS 当月
             FROM observations
             WINDOW s AS (PARTITION BY region, indicator)
             ORDER BY 地区, 指标, 时期
             LIMIT 20",
        )
        .await?
        .collect()
        .await?;
    println!("{}", pretty_format_batches(&report)?);
    if args.get(1).is_none() {
        std::fs::remove_file(&parquet)?;
    }
    Ok(())
}
