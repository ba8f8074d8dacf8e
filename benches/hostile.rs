//! Inputs crafted to make a careless implementation quadratic, at 10,000 and 40,000 rows: the
//! time of the 40k run over the 10k run should be about 4 (linear) and at most 5 (n log n).
//! Distinct region names in a CSV (keys of a hash map), distinct ledger domains and rectification
//! sources, ledger task ids, and a table built by `Table::insert` newest-first.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]

use std::hint::black_box;
use std::io::Write;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use tongji::{Ledger, Observation, Period, Rectification, Table};

const SIZES: [usize; 2] = [10_000, 40_000];

/// A long CSV whose every row has its own region.
fn distinct_regions(rows: usize) -> Vec<u8> {
    let mut csv = "地区,指标,时期,数值\n".as_bytes().to_vec();
    for i in 0..rows {
        writeln!(csv, "区{i:08}乡,retail,2023年,{i}万元").unwrap();
    }
    csv
}

/// A ledger whose every task has its own domain (and id).
fn distinct_domains(rows: usize) -> Vec<u8> {
    let mut csv = "编号,领域,任务,牵头单位,完成时限,状态\n"
        .as_bytes()
        .to_vec();
    for i in 0..rows {
        writeln!(csv, "{i},领域{i},任务{i},单位,2021年12月,推进中").unwrap();
    }
    csv
}

/// A rectification list whose every problem has its own source.
fn distinct_sources(rows: usize) -> Vec<u8> {
    let mut csv = "来源,问题,状态\n".as_bytes().to_vec();
    for i in 0..rows {
        writeln!(csv, "来源{i},问题{i},整改中").unwrap();
    }
    csv
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    for rows in SIZES {
        let csv = distinct_regions(rows);
        group.bench_with_input(
            BenchmarkId::new("read_csv_distinct_regions", rows),
            &csv,
            |b, csv| b.iter(|| black_box(Table::read_csv(csv.as_slice()).unwrap().0.len())),
        );
        let ledger = distinct_domains(rows);
        group.bench_with_input(
            BenchmarkId::new("ledger_read_and_summary_distinct_domains", rows),
            &ledger,
            |b, csv| {
                b.iter(|| {
                    let (l, _) = Ledger::read_csv(csv.as_slice()).unwrap();
                    black_box(l.summary().domains().len())
                })
            },
        );
        let list = distinct_sources(rows);
        group.bench_with_input(
            BenchmarkId::new("rectification_by_source_distinct_sources", rows),
            &list,
            |b, csv| {
                b.iter(|| {
                    let (r, _) = Rectification::read_csv(csv.as_slice()).unwrap();
                    black_box(r.by_source().len())
                })
            },
        );
        let observations: Vec<Observation> = (0..rows)
            .rev()
            .map(|i| {
                let year = 2000 + (i / 12) as i32;
                let month = 1 + (i % 12) as u8;
                Observation::new(
                    "示例县",
                    "retail",
                    Period::month(year, month).unwrap(),
                    "1万元".parse().unwrap(),
                )
            })
            .collect();
        group.bench_with_input(
            BenchmarkId::new("table_insert_newest_first", rows),
            &observations,
            |b, obs| {
                b.iter(|| {
                    let mut t = Table::new();
                    for o in obs {
                        let _ = t.insert(o.clone());
                    }
                    black_box(t.len())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
