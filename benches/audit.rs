//! The audit: a county table of 300 indicators × 24 periods (2022 and 2023, 1月 to 1—12月)
//! audited whole, and single checks (完成率, 同比增长, 总量 of three parts, 差额) one at a time.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tongji::audit;
use tongji::{
    Catalog, CsvOptions, Growth, Indicator, IndicatorKind, Magnitude, Quantity, Rate, Table, Unit,
};

const INDICATORS: usize = 300;

/// 100 totals of two parts each (300 flows); every 2023 row with a published growth.
fn county() -> Table {
    let mut catalog = Catalog::empty();
    for i in 0..INDICATORS {
        let code = format!("i{i:03}");
        let mut ind = Indicator::new(
            &code,
            &format!("指标{i:03}"),
            Unit::YUAN,
            Magnitude::TenThousand,
            IndicatorKind::Flow,
        )
        .expect("a valid indicator");
        if i < 100 {
            ind = ind.with_parts_complete(true);
        } else {
            ind = ind.with_parent(&format!("i{:03}", (i - 100) / 2));
        }
        catalog.add(ind).expect("unique codes");
    }
    let mut csv = String::from("地区,指标,时期,数值,同比增长\n");
    for i in 0..INDICATORS {
        // A part is 1000 + i 万元 a month, growing 5% a year; a total is the sum of its two parts.
        let monthly = |year: u32, i: usize| -> i64 {
            let base = if i < 100 {
                2000 + 2 * 100 + 4 * i as i64 + 1
            } else {
                1000 + i as i64
            };
            if year == 2022 { base * 100 } else { base * 105 }
        };
        for year in [2022u32, 2023] {
            for month in 1..=12i64 {
                let v = monthly(year, i) * month; // in 0.01万元
                let period = if month == 1 {
                    format!("{year}年1月")
                } else {
                    format!("{year}年1—{month}月")
                };
                let yoy = if year == 2023 { "5.0" } else { "" };
                writeln!(
                    csv,
                    "示例县,i{i:03},{period},{}.{:02}万元,{yoy}",
                    v / 100,
                    v % 100
                )
                .expect("to a string");
            }
        }
    }
    let (table, bad) = Table::read_csv_with(csv.as_bytes(), &CsvOptions::new().catalog(catalog))
        .expect("the generated CSV");
    assert!(bad.is_empty(), "{:?}", bad.first());
    assert_eq!(table.len(), INDICATORS * 24);
    table
}

fn bench(c: &mut Criterion) {
    let table = county();
    let report = table.audit();
    // Growth 288 × 12, 累计 300 × 22, parents 100 × 24.
    assert_eq!(report.len(), 300 * 12 + 300 * 22 + 100 * 24);
    let mut group = c.benchmark_group("audit");
    group.throughput(Throughput::Elements(report.len() as u64));
    group.bench_function("county_300_indicators_24_periods", |b| {
        b.iter(|| black_box(black_box(&table).audit().len()))
    });
    group.finish();

    let q = |s: &str| s.parse::<Quantity>().expect("a quantity");
    let (actual, target, stated) = (
        q("2.68亿元"),
        q("2.5亿元"),
        "107.42％".parse::<Rate>().expect("a rate"),
    );
    let (cur, prev) = (q("74.2万人次"), q("66.36万人次"));
    let growth: Growth = "-2.3%".parse().expect("a growth");
    let parts = [q("8.44亿元"), q("28.35亿元"), q("42.01亿元")];
    let total = q("78.80亿元");
    let (a, b, left) = (q("53670万元"), q("46596万元"), q("5992万元"));
    let mut group = c.benchmark_group("audit_single");
    group.throughput(Throughput::Elements(1));
    // Figures that stand, as most of a report's do.
    let fine = "107.2%".parse::<Rate>().expect("a rate");
    group.bench_function("completion_consistent", |bench| {
        bench.iter(|| {
            black_box(audit::completion(
                black_box(&actual),
                black_box(&target),
                black_box(&fine),
            ))
        })
    });
    let (shops, shops_prev, up) = (
        q("120.5亿元"),
        q("110亿元"),
        "增长9.5%".parse::<Growth>().expect("a growth"),
    );
    group.bench_function("growth_consistent", |bench| {
        bench.iter(|| {
            black_box(audit::growth(
                black_box(&shops),
                black_box(&shops_prev),
                black_box(&up),
            ))
        })
    });
    let (total_task, done, rest) = (q("2.85亿元"), q("2.68亿元"), q("0.16亿元"));
    group.bench_function("difference_consistent", |bench| {
        bench.iter(|| {
            black_box(audit::difference(
                black_box(&total_task),
                black_box(&done),
                black_box(&rest),
            ))
        })
    });
    // The seed's inconsistent figures, each with its hypothesis searched.
    group.bench_function("completion", |bench| {
        bench.iter(|| {
            black_box(audit::completion(
                black_box(&actual),
                black_box(&target),
                black_box(&stated),
            ))
        })
    });
    group.bench_function("growth", |bench| {
        bench.iter(|| {
            black_box(audit::growth(
                black_box(&cur),
                black_box(&prev),
                black_box(&growth),
            ))
        })
    });
    group.bench_function("sum_of_3", |bench| {
        bench.iter(|| black_box(audit::sum(black_box(&parts), black_box(&total))))
    });
    group.bench_function("difference", |bench| {
        bench.iter(|| {
            black_box(audit::difference(
                black_box(&a),
                black_box(&b),
                black_box(&left),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
