//! The main job on the bundled sample data: read the sample county's figures, and print each one
//! as written, in base units, and converted and rounded the way a county report prints it.
//!
//! ```text
//! cargo run --example county_report                 # examples/data/figures.csv
//! cargo run --example county_report -- my.csv       # 指标,数值 rows of your own
//! ```

use std::process::ExitCode;

use tongji::{Magnitude, Quantity, Rate, Rounding};

const SAMPLE: &str = include_str!("data/figures.csv");

/// How a report prints a money figure: 亿元 with 2 decimals when it is at least 1亿, else 万元 as
/// an integer; other quantities as written.
fn report_form(q: &Quantity) -> tongji::Result<String> {
    if q.unit() != tongji::Unit::YUAN {
        return Ok(q.to_string());
    }
    let yi = q.to_magnitude(Magnitude::Yi)?;
    if yi.value().abs() >= rust_decimal::Decimal::ONE {
        Ok(yi.rounded(Rounding::new(2))?.to_string())
    } else {
        Ok(q.to_magnitude(Magnitude::Wan)?
            .rounded(Rounding::new(0))?
            .to_string())
    }
}

fn main() -> ExitCode {
    let text = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => SAMPLE.to_string(),
    };
    let mut bad = 0;
    println!(
        "{:<16}\t{:<14}\t{:<22}\t报告口径",
        "指标", "原文", "基本单位"
    );
    for (index, line) in text.lines().enumerate().skip(1) {
        let line_no = index + 1;
        let Some((name, figure)) = line.split_once(',') else {
            eprintln!("line {line_no}: expected 指标,数值 but got {line:?}");
            bad += 1;
            continue;
        };
        if let Ok(rate) = figure.parse::<Rate>() {
            println!(
                "{name:<16}\t{figure:<14}\t{:<22}\t{}",
                rate.percent(),
                rate.rounded(Rounding::default())
            );
            continue;
        }
        match figure.parse::<Quantity>() {
            Ok(q) => {
                let base = format!("{}{}", q.base_value(), q.unit().base());
                match report_form(&q) {
                    Ok(shown) => println!("{name:<16}\t{figure:<14}\t{base:<22}\t{shown}"),
                    Err(e) => eprintln!("line {line_no}: {e}"),
                }
            }
            Err(e) => {
                eprintln!("line {line_no}: {e}");
                bad += 1;
            }
        }
    }
    if bad > 0 {
        eprintln!("{bad} row(s) not read (reported above); the others are printed");
    }
    ExitCode::SUCCESS
}
