//! Reading a 1,000,000-row observation CSV (~59 MB, generated in code) into a table, reading it
//! then computing every row's year-on-year growth, and every row's report cells (the columnar
//! path of `tongji compute`). Throughput is in rows; `RAYON_NUM_THREADS=1` reads on one core.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tongji::Table;

#[path = "support/generate.rs"]
mod generate;

const ROWS: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let mut csv = Vec::with_capacity(ROWS * 60);
    generate::write_rows(&mut csv, ROWS).expect("writing to memory");
    let mut group = c.benchmark_group("csv");
    group.sample_size(10);
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("read_1m_rows", |b| {
        b.iter(|| {
            let (table, bad) = Table::read_csv(black_box(csv.as_slice())).unwrap();
            assert!(bad.is_empty());
            black_box(table.len())
        })
    });
    group.bench_function("read_and_growth_1m_rows", |b| {
        b.iter(|| {
            let (table, _) = Table::read_csv(black_box(csv.as_slice())).unwrap();
            black_box(
                table
                    .iter()
                    .filter(|o| table.yoy_of(o).growth().is_some())
                    .count(),
            )
        })
    });
    let (table, _) = Table::read_csv(csv.as_slice()).unwrap();
    group.bench_function("report_cells_1m_rows", |b| {
        let options = tongji::WriteOptions::new();
        let mut cells = tongji::ReportCells::new();
        b.iter(|| {
            let mut bytes = 0;
            for o in table.iter() {
                table.report_cells(&o, &options, &mut cells);
                bytes += cells.get(3).len();
            }
            black_box(bytes)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
