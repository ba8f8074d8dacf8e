//! Reading a 10,000-row wide 月报 (title row, header, one indicator a row with 本月, 1-本月累计,
//! 上年同期累计, 累计增长(%) and 年度目标: three observations a row) into a table, from CSV and from
//! an .xlsx workbook with number formats. Throughput is in rows of the file.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tongji::{Table, WideOptions};

const ROWS: usize = 10_000;
const UNITS: [&str; 4] = ["万元", "万千瓦时", "万人次", "吨"];

/// The figures of row `i`: 本月, 累计, 上年同期累计 (integers, as offices print them), growth in
/// tenths of a percent, and a target.
fn figures(i: usize) -> (u64, u64, u64, i64, u64) {
    let cumulative = 10_000 + (i as u64 * 7_919) % 90_000;
    let previous = cumulative - cumulative / 20 + (i as u64 % 37);
    let growth = ((cumulative * 1000 / previous) as i64) - 1000;
    (
        cumulative / 10,
        cumulative,
        previous,
        growth,
        cumulative + cumulative / 5,
    )
}

fn wide_csv() -> String {
    let mut csv = String::from(
        "XX县2023年1-10月主要经济指标完成情况\n指标名称,计量单位,本月,1-本月累计,上年同期累计,累计增长(%),年度目标\n",
    );
    for i in 0..ROWS {
        let (month, cumulative, previous, growth, target) = figures(i);
        let sign = if growth < 0 { "-" } else { "" };
        let g = growth.unsigned_abs();
        let _ = writeln!(
            csv,
            "指标{i:05},{},{month},{cumulative},{previous},{sign}{}.{},{target}",
            UNITS[i % UNITS.len()],
            g / 10,
            g % 10
        );
    }
    csv
}

#[cfg(feature = "xlsx")]
fn wide_xlsx(path: &std::path::Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(
            0,
            0,
            0,
            6,
            "XX县2023年1-10月主要经济指标完成情况",
            &Format::new(),
        )
        .expect("title");
    for (c, h) in [
        "指标名称",
        "计量单位",
        "本月",
        "1-本月累计",
        "上年同期累计",
        "累计增长(%)",
        "年度目标",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(1, c as u16, *h).expect("header");
    }
    let int = Format::new().set_num_format("0");
    let one = Format::new().set_num_format("0.0");
    for i in 0..ROWS {
        let (month, cumulative, previous, growth, target) = figures(i);
        let r = i as u32 + 2;
        sheet
            .write_string(r, 0, format!("指标{i:05}"))
            .expect("name");
        sheet
            .write_string(r, 1, UNITS[i % UNITS.len()])
            .expect("unit");
        for (c, v) in [(2, month), (3, cumulative), (4, previous), (6, target)] {
            sheet
                .write_number_with_format(r, c, v as f64, &int)
                .expect("level");
        }
        // Tenths as a double, as a spreadsheet holds 6.6.
        let text = format!("{}.{}", growth / 10, (growth % 10).unsigned_abs());
        let g: f64 = text.parse().expect("growth");
        sheet
            .write_number_with_format(r, 5, g, &one)
            .expect("growth");
    }
    book.save(path).expect("saving the workbook");
}

fn bench(c: &mut Criterion) {
    let csv = wide_csv();
    let mut group = c.benchmark_group("wide");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("read_wide_csv_10k_rows", |b| {
        b.iter(|| {
            let (table, bad) =
                Table::read_wide_csv(black_box(csv.as_bytes()), &WideOptions::new()).unwrap();
            assert!(bad.is_empty(), "{bad:?}");
            assert_eq!(table.len(), 3 * ROWS);
            black_box(table.len())
        })
    });
    #[cfg(feature = "xlsx")]
    {
        let path = std::env::temp_dir().join(format!("tongji-bench-{}.xlsx", std::process::id()));
        wide_xlsx(&path);
        group.bench_function("read_xlsx_10k_rows", |b| {
            b.iter(|| {
                let (table, bad) = Table::read_xlsx(black_box(&path), &WideOptions::new()).unwrap();
                assert!(bad.is_empty(), "{:?}", &bad[..bad.len().min(3)]);
                assert_eq!(table.len(), 3 * ROWS);
                black_box(table.len())
            })
        });
        let _ = std::fs::remove_file(&path);
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
