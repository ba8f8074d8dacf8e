//! Indicator math on 1,000,000 generated pairs: growth (with 1-place rounding), completion,
//! structure. Throughput is in elements, so criterion reports time per call.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tongji::{Magnitude, Quantity, Rounding, Unit, completion, growth, structure};

const PAIRS: usize = 1_000_000;

/// Deterministic pseudo-random pairs of money figures in 万元, 2 decimals, like county data.
fn pairs() -> Vec<(Quantity, Quantity)> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % 10_000_000) as i64 + 1
    };
    (0..PAIRS)
        .map(|_| {
            let a =
                Quantity::new(Decimal::new(next(), 2), Magnitude::TenThousand, Unit::YUAN).unwrap();
            let b =
                Quantity::new(Decimal::new(next(), 2), Magnitude::TenThousand, Unit::YUAN).unwrap();
            (a, b)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let data = pairs();
    let mut group = c.benchmark_group("indicators");
    group.sample_size(10);
    group.throughput(Throughput::Elements(PAIRS as u64));
    group.bench_function("growth_rounded_1dp", |b| {
        b.iter(|| {
            for (cur, prev) in &data {
                let g = growth(black_box(cur), black_box(prev)).unwrap();
                black_box(g.rate().map(|r| Rounding::new(1).apply(r.percent())));
            }
        })
    });
    group.bench_function("growth_to_text", |b| {
        b.iter(|| {
            for (cur, prev) in &data {
                black_box(growth(black_box(cur), black_box(prev)).unwrap().to_string());
            }
        })
    });
    group.bench_function("completion", |b| {
        b.iter(|| {
            for (actual, target) in &data {
                black_box(completion(black_box(actual), black_box(target)).unwrap());
            }
        })
    });
    group.throughput(Throughput::Elements(PAIRS as u64 / 2));
    group.bench_function("structure_of_2", |b| {
        b.iter(|| {
            for (x, y) in &data[..PAIRS / 2] {
                black_box(structure(&[*x, *y]).unwrap().rounded());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
