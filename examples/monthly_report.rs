//! A 月报 as offices export it — a wide table, GBK or UTF-8, CSV or a workbook — read as it is and
//! turned into the report table and the 审核报告: what used to take a user's own decoding, title
//! parsing and wide-to-long code.
//!
//! ```text
//! cargo run --example monthly_report                     # the bundled GBK/CRLF 月报, examples/data/monthly_gbk.csv
//! cargo run --example monthly_report -- 月报.xlsx [sheet]  # your own workbook (the first sheet unless named)
//! cargo run --example monthly_report -- 月报.csv          # or CSV: comma, tab or semicolon
//! ```
//!
//! The region and period come from the title row ("XX县2023年1-10月主要经济指标完成情况"). Bad cells
//! are reported with their line (or sheet cell) on stderr; the good ones are used.

use std::process::ExitCode;

use tongji::{Table, WideOptions};

const SAMPLE: &[u8] = include_bytes!("data/monthly_gbk.csv");

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut options = WideOptions::new();
    if let Some(sheet) = args.get(1) {
        options = options.sheet(sheet);
    }
    let (layout, read) = match args.first() {
        None => (
            Table::inspect_wide_csv(SAMPLE, &options),
            Table::read_wide_csv(SAMPLE, &options),
        ),
        Some(path) if [".xlsx", ".xls", ".ods"].iter().any(|e| path.ends_with(e)) => (
            Table::inspect_xlsx(path, &options),
            Table::read_xlsx(path, &options),
        ),
        Some(path) => match std::fs::read(path) {
            Ok(bytes) => (
                Table::inspect_wide_csv(bytes.as_slice(), &options),
                Table::read_wide_csv(bytes.as_slice(), &options),
            ),
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let (layout, (table, bad)) = match (layout, read) {
        (Ok(layout), Ok(read)) => (layout, read),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for e in &bad {
        eprintln!("{e}");
    }
    println!("读表 · how the file was read\n{layout}");
    let (Some(region), Some(period)) = (layout.region(), layout.period()) else {
        eprintln!("the file names no region or period");
        return ExitCode::FAILURE;
    };
    match table.report(region, &period) {
        Ok(report) => println!("{report}"),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{}", table.audit());
    ExitCode::SUCCESS
}
