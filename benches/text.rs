//! Finding the figures in report text (the five seeds concatenated, ≈80 KB, and 10 MB of generated
//! report sentences), binding them, and auditing the text; and one sentence of 100,000 figures, to
//! show the time stays linear. Throughput is in bytes of text.

#![allow(
    missing_docs,
    reason = "criterion_group! and criterion_main! generate public items that cannot carry docs"
)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEEDS: [&str; 5] = [
    include_str!("../tests/data/seeds/000_reform_innovation_2018.txt"),
    include_str!("../tests/data/seeds/001_county_committee_2018.txt"),
    include_str!("../tests/data/seeds/002_self_inspection_2023.txt"),
    include_str!("../tests/data/seeds/003_reform_meeting_speech_2020.txt"),
    include_str!("../tests/data/seeds/004_reform_summary_2021.txt"),
];

/// 10 MB of sentences in the shape statistics releases use, figures varying.
fn generated(bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut i: u64 = 0;
    while text.len() < bytes {
        i += 1;
        let _ = writeln!(
            text,
            "1至{}月，全县完成固定资产投资{}万元，同比增长{}.{}%，占年度任务数的{}.{}％，快于序时进度{}.{}个百分点；\
             社会消费品零售总额{}.{}亿元，下降{}.{}%，其中限额以上单位{}家。一是推进三次产业融合，落实〔2021〕{}号文件。",
            i % 12 + 1,
            10_000 + i * 37 % 90_000,
            i % 20,
            i % 10,
            80 + i % 40,
            i % 10,
            i % 5,
            i % 10,
            i % 300,
            i % 100,
            i % 9,
            i % 10,
            i % 500,
            i % 40,
        );
    }
    text
}

fn bench(c: &mut Criterion) {
    let seeds = SEEDS.concat();
    let big = generated(10 * 1024 * 1024);
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(seeds.len() as u64));
    group.bench_function("figures_in_five_seeds", |b| {
        b.iter(|| black_box(tongji::text::figures(black_box(&seeds)).count()))
    });
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("figures_in_10mb", |b| {
        b.iter(|| black_box(tongji::text::figures(black_box(&big)).count()))
    });
    group.bench_function("statements_in_10mb", |b| {
        b.iter(|| black_box(tongji::text::statements(black_box(&big)).len()))
    });
    group.bench_function("audit_text_10mb", |b| {
        b.iter(|| black_box(tongji::audit::text(black_box(&big)).map(|r| r.len())))
    });
    // One sentence of 100,000 figures (no 。 anywhere): still linear.
    let long: String = (0..100_000)
        .map(|i| format!("固定资产投资{i}万元、"))
        .collect();
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("audit_one_sentence_of_100k_figures", |b| {
        b.iter(|| black_box(tongji::audit::text(black_box(&long)).map(|r| r.len())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
