//! The seeds' figures: every figure the library finds in seeds 002 and 004 reads back, and the
//! derived figures they print come out as the methodology says.

use rust_decimal::Decimal;
use tongji::{Quantity, Rate, Rounding, completion, per_household, per_unit, schedule_gap};

const SEED_002: &str = include_str!("data/seeds/002_self_inspection_2023.txt");
const SEED_004: &str = include_str!("data/seeds/004_reform_summary_2021.txt");

/// Every figure the library finds in `text`, as printed.
fn figures(text: &str) -> Vec<&str> {
    tongji::text::figures(text).map(|f| f.text()).collect()
}

/// Every figure found is a real one (the seeds' X placeholders are in other seeds), and each reads
/// back as a figure of its kind.
fn all_real(text: &str) -> Vec<String> {
    tongji::text::figures(text)
        .filter(|f| {
            f.is_placeholder()
                || !(f.text().parse::<Quantity>().is_ok() || f.text().parse::<Rate>().is_ok())
                    && f.text().chars().next().is_some_and(|c| c.is_ascii_digit())
        })
        .map(|f| f.text().to_string())
        .collect()
}

#[test]
fn every_figure_in_seed_002_parses() {
    let found = figures(SEED_002);
    assert!(found.len() >= 50, "found only {}: {found:?}", found.len());
    assert_eq!(all_real(SEED_002), Vec::<String>::new());
}

#[test]
fn every_figure_in_seed_004_parses() {
    let found = figures(SEED_004);
    assert!(found.len() >= 25, "found only {}: {found:?}", found.len());
    assert_eq!(all_real(SEED_004), Vec::<String>::new());
}

#[test]
fn seed_figures_have_the_right_values() {
    for (text, base, unit) in [
        ("53670万元", "536700000", "元"),
        ("46596万元", "465960000", "元"),
        ("2.85亿元", "285000000", "元"),
        ("0.16亿元", "16000000", "元"),
        ("101.2万公斤", "1012000", "公斤"),
        ("3554.85万元", "35548500", "元"),
        ("5.38万元", "53800", "元"),
        ("188.75亩", "188.75", "亩"),
        ("9公里", "9000", "米"),
        ("5500余户", "5500", "户"),
        ("1500余名", "1500", "名"),
        ("1000万元以上", "10000000", "元"),
    ] {
        assert!(
            SEED_002.contains(text) || SEED_004.contains(text),
            "{text} is not in the seeds"
        );
        let q: Quantity = text.parse().unwrap();
        assert_eq!(q.base_value(), base.parse::<Decimal>().unwrap(), "{text}");
        assert_eq!(q.unit().base().to_string(), unit, "{text}");
        assert_eq!(q.to_string(), text, "{text} displays as written");
    }
}

#[test]
fn seed_002_derived_figures() {
    let q = |s: &str| s.parse::<Quantity>().unwrap();
    // 1至10月预计出数46596万元，占年度任务数的105.9％: the task is about 4.4亿元.
    let r = completion(&q("46596万元"), &q("4.4亿元")).unwrap();
    assert_eq!(r.to_string(), "105.9%");
    // 46596 / 44000 is exactly 1.059: the computed rate equals the printed one, not just when rounded.
    assert_eq!(r, "105.9％".parse::<Rate>().unwrap());
    let elapsed = "2023年1—10月".parse::<tongji::Period>().unwrap().elapsed();
    assert_eq!(
        schedule_gap(&r, &elapsed).unwrap().to_string(),
        "快于序时进度22.6个百分点"
    );
    // 2.68亿元 of 2.5亿元 is 107.2%, not the 107.42% the seed prints.
    let r = completion(&q("2.68亿元"), &q("2.5亿元")).unwrap();
    assert_eq!(r.to_string(), "107.2%");
    assert_ne!(r.rounded(Rounding::new(2)).to_string(), "107.42%");
    // 均价35.13元: 3554.85万元 / 101.2万公斤.
    let price = per_unit(&q("3554.85万元"), &q("101.2万公斤")).unwrap();
    assert_eq!(
        price.rounded(Rounding::new(2)).unwrap().to_string(),
        "35.13元/公斤"
    );
    // 661户烟农: 3554.85万元 / 661户 is the gross sales per household (5.38万元 is the seed's income).
    let per_hh = per_household(&q("3554.85万元"), &q("661户")).unwrap();
    assert_eq!(
        per_hh.rounded(Rounding::new(0)).unwrap().to_string(),
        "53780元/户"
    );
}

#[test]
fn seed_004_completion() {
    // 44项 (其中4项延期), 40项全部完成, 完成率100%.
    let due = "44项"
        .parse::<Quantity>()
        .unwrap()
        .checked_sub(&"4项".parse().unwrap())
        .unwrap();
    let r = completion(&"40项".parse().unwrap(), &due).unwrap();
    assert_eq!(r.to_string(), "100.0%");
    let all = completion(&"40项".parse().unwrap(), &"44项".parse().unwrap()).unwrap();
    assert_eq!(all.to_string(), "90.9%");
}
