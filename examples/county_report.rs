//! The main job: read a county's indicators from a CSV export and print the report tables a work
//! report needs — level, last year's level, 同比增长 (published, or recomputed and marked),
//! 完成率 against the annual target, the gap to 序时进度 — the 三次产业结构, the township roll-up
//! checked against the county's own figures, 当月 figures derived from 累计, the 审核报告 that checks
//! every figure against the others (勾稽关系), and — for the bundled sample — the summary of its
//! reform-task ledger.
//!
//! ```text
//! cargo run --example county_report              # the bundled sample county, examples/data/county.csv
//! cargo run --example county_report -- my.csv    # your own file, same columns
//! ```
//!
//! The first region in the file is the county; the others are its townships. Bad rows are
//! reported with their line number and the good rows are still used.

use std::collections::BTreeSet;
use std::process::ExitCode;

use tongji::{Ledger, Observation, Period, Quantity, RollUp, Rounding, Table, structure};

const SAMPLE: &[u8] = include_bytes!("data/county.csv");
const LEDGER: &[u8] = include_bytes!("data/ledger_2021.csv");

/// The periods to report: for each indicator of the county, the latest year-to-date (or whole
/// year) period of the latest year it has.
fn report_periods(table: &Table, county: &str) -> BTreeSet<Period> {
    let mut latest: Vec<(&str, Period)> = Vec::new();
    for o in table.iter().filter(|o| o.region() == county) {
        let p = o.period();
        if !(p.is_cumulative() || p.months() == (1, 12)) {
            continue;
        }
        let code = o.indicator().code();
        match latest.iter_mut().find(|(c, _)| *c == code) {
            Some((_, best))
                if (p.calendar_year(), p.months().1) > (best.calendar_year(), best.months().1) =>
            {
                *best = p
            }
            Some(_) => {}
            None => latest.push((code, p)),
        }
    }
    latest.into_iter().map(|(_, p)| p).collect()
}

fn print_structure(table: &Table, county: &str, period: &Period) {
    let sectors = ["第一产业增加值", "第二产业增加值", "第三产业增加值"];
    let parts: Option<Vec<Quantity>> = sectors
        .iter()
        .map(|s| table.get(county, s, period).map(|o| o.value()))
        .collect();
    let Some(parts) = parts else { return };
    match structure(&parts) {
        Ok(s) => {
            println!("三次产业结构 {s}");
            if let Ok(err) = s.sum_error() {
                if !err.value().is_zero() {
                    println!("（各项舍入后合计偏差{err}，未作机械调整）");
                }
            }
        }
        Err(e) => eprintln!("三次产业结构: {e}"),
    }
}

fn print_roll_up(
    table: &Table,
    county: &str,
    towns: &[&str],
    rolled: &[Observation],
    period: &Period,
) {
    let rows: Vec<_> = rolled.iter().filter(|o| o.period() == *period).collect();
    if rows.is_empty() {
        return;
    }
    println!("乡镇汇总 {period}（{}）", towns.join("、"));
    for o in rows {
        let name = table
            .catalog()
            .get(o.indicator())
            .map_or_else(|| o.indicator(), |i| i.name());
        // A weighted roll-up (人均) is exact; the county's figure is rounded as written: compare
        // the two at the county's written digits.
        let check = match table.get(county, o.indicator(), period) {
            None => "全县无此数".to_string(),
            Some(c) => {
                let written = Rounding::new(c.value().value().scale());
                let rolled = o
                    .value()
                    .to_magnitude(c.value().magnitude())
                    .and_then(|q| q.to_unit(c.value().unit()));
                match rolled.and_then(|q| q.rounded(written)) {
                    Ok(r) if r == c.value() => format!("与全县一致（{r}）"),
                    Ok(r) => match c.value().checked_sub(&r) {
                        Ok(d) => format!("全县{}，相差{d}", c.value()),
                        Err(e) => e.to_string(),
                    },
                    Err(e) => e.to_string(),
                }
            }
        };
        println!("  {name}  {check}");
    }
}

fn print_months(table: &Table, county: &str, indicator: &str, year: i32) {
    match table.monthly_from_cumulative(county, indicator, year) {
        Ok(months) if !months.is_empty() => {
            let text: Vec<String> = months
                .iter()
                .map(|o| format!("{}月{}", o.period().months().1, o.value()))
                .collect();
            println!(
                "{indicator}当月值（累计相减，1—2月合并发布）: {}",
                text.join("，")
            );
        }
        Ok(_) => {}
        Err(e) => eprintln!("{indicator}: {e}"),
    }
}

fn main() -> ExitCode {
    let input = match std::env::args().nth(1) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.to_vec(),
    };
    let (table, bad_rows) = match Table::read_csv(input.as_slice()) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    for e in &bad_rows {
        eprintln!("未读入: {e}");
    }
    let regions: Vec<&str> = table.regions().collect();
    let Some((&county, towns)) = regions.split_first() else {
        eprintln!("no observations read");
        return ExitCode::FAILURE;
    };
    println!(
        "读入{}条数据，{}行有误（见上）",
        table.len(),
        bad_rows.len()
    );
    // One roll-up of the townships over every indicator and period; each report shows its period.
    let rolled = if towns.is_empty() {
        Vec::new()
    } else {
        table
            .roll_up("乡镇合计", towns, RollUp::new())
            .unwrap_or_else(|e| {
                eprintln!("roll-up: {e}");
                Vec::new()
            })
    };
    for period in report_periods(&table, county) {
        println!();
        match table.report(county, &period) {
            Ok(report) => print!("{report}"),
            Err(e) => eprintln!("{e}"),
        }
        print_structure(&table, county, &period);
        print_roll_up(&table, county, towns, &rolled, &period);
    }
    if let Some(year) = table.iter().map(|o| o.period().calendar_year()).max() {
        println!();
        print_months(&table, county, "固定资产投资", year);
    }
    // 数据审核: every relation the table's figures allow, with the rounding they are written with.
    println!();
    print!("{}", table.audit());
    // The reform ledger that goes with the bundled county (ledger_report prints it in full).
    if std::env::args().nth(1).is_none() {
        match Ledger::read_csv(LEDGER) {
            Ok((ledger, _)) => {
                let s = ledger.summary();
                println!();
                println!(
                    "改革台账：{}，出台制度性成果{}项。",
                    s.sentence(),
                    s.overall().institutional()
                );
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    ExitCode::SUCCESS
}
