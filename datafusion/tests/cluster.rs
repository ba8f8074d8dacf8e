//! The report SQL on a Ballista cluster — a scheduler and two executors on localhost, each with
//! tongji's functions registered — over a Parquet dataset of three files, gives the rows the
//! single-process run gives.

use std::fs::File;

use ballista::prelude::SessionContextExt;
use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use datafusion::arrow::util::pretty::pretty_format_batches;
use datafusion::execution::SessionStateBuilder;
use datafusion::parquet::arrow::ArrowWriter;
use datafusion::prelude::*;
use tongji::Table;

const COUNTY: &[u8] = include_bytes!("../../examples/data/county.csv");

/// The dictionary columns are cast to text first: Ballista 55's shuffle hands them on as plain
/// text, and a window partitioned on a dictionary column then fails on the executors
/// ("RowConverter column schema mismatch, expected Dictionary(Int32, Utf8) got Utf8").
const REPORT: &str = "SELECT region, indicator, period, value,
        tongji_last_year(period, value) OVER s AS last_year,
        tongji_yoy(period, value) OVER s AS yoy,
        tongji_growth(value, tongji_last_year(period, value) OVER s, 2) AS yoy2,
        tongji_monthly(period, value) OVER s AS monthly,
        tongji_growth_from_levels(indicator) AS from_levels
    FROM (SELECT CAST(region AS VARCHAR) AS region, CAST(indicator AS VARCHAR) AS indicator,
                 CAST(period AS VARCHAR) AS period, value FROM observations)
    WINDOW s AS (PARTITION BY region, indicator)
    ORDER BY region, indicator, period";

/// The county table as three Parquet files (partitions) in a new directory.
fn dataset() -> std::path::PathBuf {
    let (table, _) = Table::read_csv(COUNTY).unwrap();
    let batch = tongji_datafusion::to_record_batch(&table).unwrap();
    let dir = std::env::temp_dir().join(format!("tongji-cluster-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let n = batch.num_rows();
    for (i, start) in [0, n / 3, 2 * n / 3].into_iter().enumerate() {
        let end = [n / 3, 2 * n / 3, n][i];
        let part = batch.slice(start, end - start);
        let mut w = ArrowWriter::try_new(
            File::create(dir.join(format!("part-{i}.parquet"))).unwrap(),
            part.schema(),
            None,
        )
        .unwrap();
        w.write(&part).unwrap();
        w.close().unwrap();
    }
    dir
}

async fn report(ctx: &SessionContext, dir: &std::path::Path) -> String {
    ctx.register_parquet(
        "observations",
        dir.to_str().unwrap(),
        ParquetReadOptions::default(),
    )
    .await
    .unwrap();
    let batches = ctx.sql(REPORT).await.unwrap().collect().await.unwrap();
    pretty_format_batches(&batches).unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scheduler_and_two_executors_give_the_single_process_rows() {
    let dir = dataset();
    let local = SessionContext::new();
    tongji_datafusion::register(&local);
    let want = report(&local, &dir).await;
    let (table, _) = Table::read_csv(COUNTY).unwrap();
    // Borders, the header, and a line a row.
    assert_eq!(want.lines().count(), table.len() + 4);
    // 示例县's 2023年1—10月 社会消费品零售总额: 18829 over 17563万元, 7.2% (7.21 at two places).
    let line = want
        .lines()
        .find(|l| l.contains("示例县") && l.contains("| retail ") && l.contains("2023年1—10月"))
        .unwrap();
    assert!(
        line.contains("| 7.2 ") && line.contains("| 7.21 "),
        "{line}"
    );

    // The cluster: every process's session state has the functions.
    let mut state = SessionStateBuilder::new().with_default_features().build();
    tongji_datafusion::register_with(&mut state).unwrap();
    let scheduler = ballista_scheduler::standalone::new_standalone_scheduler_from_state(&state)
        .await
        .unwrap();
    let url = format!("http://localhost:{}", scheduler.port());
    let client = loop {
        match SchedulerGrpcClient::connect(url.clone()).await {
            Ok(c) => break c,
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
        }
    };
    for _ in 0..2 {
        ballista_executor::new_standalone_executor_from_state(client.clone(), 1, &state)
            .await
            .unwrap();
    }
    let remote = SessionContext::remote_with_state(&url, state)
        .await
        .unwrap();
    // The client's state is rebuilt with Ballista's own functions: register tongji's again.
    tongji_datafusion::register(&remote);
    let got = report(&remote, &dir).await;
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(got, want);
}
