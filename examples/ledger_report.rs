//! The reform-task ledger report: the summary sentence, the per-domain table (as CSV, like a work
//! report's 附件), the deferred tasks with their reasons, and the overdue and due-soon lists that
//! 改革办 chases each month.
//!
//! ```text
//! cargo run --example ledger_report                          # examples/data/ledger_2021.csv, as of 2022-07-01
//! cargo run --example ledger_report -- my.csv 2021-12-31     # your ledger, as of a date
//! ```

use std::process::ExitCode;

use chrono::NaiveDate;
use tongji::{Ledger, TaskStatus, WriteOptions};

const SAMPLE: &[u8] = include_bytes!("data/ledger_2021.csv");

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let input = match args.next() {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.to_vec(),
    };
    let as_of = match args.next() {
        None => NaiveDate::from_ymd_opt(2022, 7, 1),
        Some(text) => text.parse().ok(),
    };
    let Some(as_of) = as_of else {
        eprintln!("expected a date such as 2022-07-01");
        return ExitCode::FAILURE;
    };
    let (ledger, bad_rows) = match Ledger::read_csv(input.as_slice()) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for e in &bad_rows {
        eprintln!("未读入: {e}");
    }
    let summary = ledger.summary();
    println!(
        "{}，出台制度性成果{}项。",
        summary.sentence(),
        summary.overall().institutional()
    );
    println!(
        "（完成率按应完成任务计{}，按全部任务计{}）",
        summary.completion_rate(),
        summary.completion_rate_all()
    );
    println!();
    println!("各领域改革任务完成情况");
    if let Err(e) = summary.write_csv(std::io::stdout().lock(), &WriteOptions::new()) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    println!();
    for t in ledger
        .tasks()
        .iter()
        .filter(|t| t.status() == TaskStatus::Deferred)
    {
        println!(
            "延期：{}（{}，{}）原因：{}",
            t.title(),
            t.domain(),
            t.lead(),
            t.reason().unwrap_or("—")
        );
    }
    println!();
    let overdue = ledger.overdue(as_of);
    println!("截至{as_of}逾期未完成（挂账督办）：{}项", overdue.len());
    for t in overdue {
        println!(
            "  {} {}，牵头单位{}，时限{}",
            t.id(),
            t.title(),
            t.lead(),
            t.deadline()
        );
    }
    let soon = ledger.due_within(as_of, 183);
    println!("半年内到期：{}项", soon.len());
    for t in soon {
        println!(
            "  {} {}，牵头单位{}，时限{}，{}",
            t.id(),
            t.title(),
            t.lead(),
            t.deadline(),
            t.status()
        );
    }
    ExitCode::SUCCESS
}
