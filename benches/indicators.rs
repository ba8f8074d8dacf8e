//! Indicator math on 1,000,000 generated pairs: growth (with 1-place rounding), completion,
//! structure, and the integer kernels (on Decimals and on mantissas). Throughput is in elements,
//! so criterion reports time per call.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use tongji::{Magnitude, Quantity, Rounding, Unit, completion, growth, kernel, structure};

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
    // The kernels the columnar table calls: on the base values as Decimals (integer path inside),
    // and on the mantissas themselves.
    let bases: Vec<(Decimal, Decimal)> = data
        .iter()
        .map(|(a, b)| (a.base_value(), b.base_value()))
        .collect();
    let r1 = Rounding::new(1);
    group.bench_function("kernel_growth_rounded_1dp", |b| {
        b.iter(|| {
            for (cur, prev) in &bases {
                black_box(kernel::growth(black_box(*cur), black_box(*prev), r1).unwrap());
            }
        })
    });
    group.bench_function("kernel_completion", |b| {
        b.iter(|| {
            for (actual, target) in &bases {
                black_box(kernel::percent(black_box(*actual), black_box(*target), r1).unwrap());
            }
        })
    });
    let mantissas: Vec<(i128, u32, i128, u32)> = bases
        .iter()
        .map(|(a, b)| (a.mantissa(), a.scale(), b.mantissa(), b.scale()))
        .collect();
    group.bench_function("kernel_growth_scaled", |b| {
        b.iter(|| {
            for &(c, cs, p, ps) in &mantissas {
                black_box(kernel::growth_scaled(
                    black_box(c),
                    cs,
                    black_box(p),
                    ps,
                    r1,
                ));
            }
        })
    });
    group.bench_function("kernel_percent_scaled", |b| {
        b.iter(|| {
            for &(a, s, t, ts) in &mantissas {
                black_box(kernel::percent_scaled(
                    black_box(a),
                    s,
                    black_box(t),
                    ts,
                    r1,
                ));
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
