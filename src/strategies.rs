//! Property-test strategies for tongji's values, for the CI of code that uses the crate (feature
//! `proptest`).
//!
//! Every strategy makes valid values by construction — nothing is generated and then filtered
//! away — and leans to the edges: zero and the bounds, the smallest and largest magnitudes, rates
//! tied at the rounding digit (x.x5, where 四舍五入 and banker's rounding part), negative growth,
//! 1—2月 and 前三季度. Each takes a parameter struct whose `Default` is a county report's range;
//! the value types implement proptest's `Arbitrary` with the same parameters.
//!
//! [`consistent_reports`] writes report sentences whose figures agree, and [`mutated_reports`]
//! the same sentences with one printed figure wrong in a way a typist makes it (moved by some
//! units of its last digit, two digits swapped, computed against the wrong base), so an audit —
//! tongji's or your own — can be tested for false flags and for misses.
//!
//! ```
//! use proptest::prelude::*;
//! use tongji::audit::{self, Verdict};
//! use tongji::proptest::{self as strategies, QuantityParams, ReportParams};
//!
//! proptest!(ProptestConfig::with_cases(64), |(
//!     q in strategies::quantities(QuantityParams::default()),
//!     ok in strategies::consistent_reports(ReportParams::default()),
//!     bad in strategies::mutated_reports(ReportParams::default()),
//! )| {
//!     // Whatever a quantity prints reads back as the same quantity.
//!     prop_assert_eq!(q.to_string().parse::<tongji::Quantity>().unwrap(), q);
//!     // A consistent report is not flagged; a mutated one is.
//!     prop_assert_eq!(audit::text(&ok.text).unwrap().count(Verdict::Inconsistent), 0, "{}", ok.text);
//!     prop_assert!(audit::text(&bad.text).unwrap().count(Verdict::Inconsistent) >= 1, "{:?}", bad);
//! });
//! ```

use std::ops::RangeInclusive;

use ::proptest::prelude::*;
use rust_decimal::Decimal;

use crate::value::precision::Precision;
use crate::{Growth, Ledger, Magnitude, Period, Quantity, Rate, Unit};

/// The largest integer part [`quantities`] writes: with 万亿 and four decimals the base value
/// stays within a decimal's 28 digits.
pub const MAX_INTEGER: i64 = 1_000_000_000_000_000;

/// What [`quantities`] makes: numbers with an integer part in `min..=max` (at most
/// [`MAX_INTEGER`] either way) and `decimals` places (at most 4), in one of `magnitudes` and
/// `units`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityParams {
    /// The least integer part (negative for a loss or a fall).
    pub min: i64,
    /// The greatest integer part.
    pub max: i64,
    /// The decimal places written.
    pub decimals: RangeInclusive<u32>,
    /// The magnitudes written (万, 亿 …).
    pub magnitudes: Vec<Magnitude>,
    /// The units.
    pub units: Vec<Unit>,
}

impl Default for QuantityParams {
    /// 0 to 999,999 with 0 to 4 places, in 个, 万 or 亿, of 元, 人次, 亩, 公斤, 吨 or 项.
    fn default() -> Self {
        QuantityParams {
            min: 0,
            max: 999_999,
            decimals: 0..=4,
            magnitudes: vec![
                Magnitude::One,
                Magnitude::TenThousand,
                Magnitude::HundredMillion,
            ],
            units: vec![
                Unit::YUAN,
                Unit::PERSON_TIME,
                Unit::MU,
                Unit::KILOGRAM,
                Unit::TONNE,
                Unit::ITEM,
            ],
        }
    }
}

/// An integer in `lo..=hi`, drawn at the ends and zero a tenth of the time each way.
fn edgy_int(lo: i128, hi: i128) -> BoxedStrategy<i128> {
    let (lo, hi) = (lo.min(hi), lo.max(hi));
    let zero = if lo <= 0 && 0 <= hi { 0 } else { lo };
    prop_oneof![
        1 => Just(lo),
        1 => Just(hi),
        1 => Just(zero),
        7 => lo..=hi,
    ]
    .boxed()
}

/// Quantities as a table or a report writes them: each reads back from what it prints.
pub fn quantities(params: QuantityParams) -> impl Strategy<Value = Quantity> {
    let min = params.min.clamp(-MAX_INTEGER, MAX_INTEGER);
    let max = params.max.clamp(-MAX_INTEGER, MAX_INTEGER);
    let decimals = (*params.decimals.start()).min(4)..=(*params.decimals.end()).min(4);
    let magnitudes = if params.magnitudes.is_empty() {
        vec![Magnitude::One]
    } else {
        params.magnitudes
    };
    let units = if params.units.is_empty() {
        vec![Unit::YUAN]
    } else {
        params.units
    };
    (
        decimals,
        prop::sample::select(magnitudes),
        prop::sample::select(units),
    )
        .prop_flat_map(move |(places, magnitude, unit)| {
            let scale = 10i128.pow(places);
            edgy_int(i128::from(min) * scale, i128::from(max) * scale)
                .prop_map(move |mantissa| written_quantity(mantissa, places, magnitude, unit))
        })
}

/// A quantity written as `mantissa × 10^-places` in `magnitude` and `unit`; within the bounds of
/// [`quantities`] it always fits, and a figure that did not would be 0 of the unit.
fn written_quantity(mantissa: i128, places: u32, magnitude: Magnitude, unit: Unit) -> Quantity {
    let value = Decimal::try_from_i128_with_scale(mantissa, places).unwrap_or(Decimal::ZERO);
    Quantity::written(value, magnitude, unit, None).unwrap_or_else(|_| Quantity::zero(unit))
}

/// What [`rates`] makes: percentages from `min_percent` to `max_percent` at `decimals` places;
/// with `ties`, a quarter of them one place longer and ending in 5 (7.25% at 1 place is a tie).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateParams {
    /// The least percentage (−100 or above for a growth).
    pub min_percent: i64,
    /// The greatest percentage.
    pub max_percent: i64,
    /// The places written.
    pub decimals: RangeInclusive<u32>,
    /// Whether to draw ties at the rounding digit.
    pub ties: bool,
}

impl Default for RateParams {
    /// −50% to 200%, 0 to 2 places, with ties.
    fn default() -> Self {
        RateParams {
            min_percent: -50,
            max_percent: 200,
            decimals: 0..=2,
            ties: true,
        }
    }
}

/// Rates as written ("7.25%"): they print with their digits and read back equal.
pub fn rates(params: RateParams) -> impl Strategy<Value = Rate> {
    let (lo, hi) = (
        params.min_percent.clamp(-1_000_000, 1_000_000),
        params.max_percent.clamp(-1_000_000, 1_000_000),
    );
    let decimals = (*params.decimals.start()).min(8)..=(*params.decimals.end()).min(8);
    let ties = params.ties;
    // A quarter of them ties, by integer weights (no float in the crate).
    let tie = prop_oneof![3 => Just(false), u32::from(ties) => Just(true)];
    (decimals, tie).prop_flat_map(move |(places, tie)| {
        let scale = 10i128.pow(places);
        edgy_int(i128::from(lo) * scale, i128::from(hi) * scale).prop_map(move |m| {
            // A tie: one more place, ending in 5.
            let (mantissa, places) = if tie {
                (m * 10 + if m < 0 { -5 } else { 5 }, places + 1)
            } else {
                (m, places)
            };
            let d = Decimal::try_from_i128_with_scale(mantissa, places).unwrap_or(Decimal::ZERO);
            Rate::from_percent(d)
                .as_written()
                .with_precision(Precision::written(d))
        })
    })
}

/// Growths: a rate (as [`rates`]) most of the time, else one of the states (新增, 扭亏为盈 …).
pub fn growths(params: RateParams) -> impl Strategy<Value = Growth> {
    prop_oneof![
        8 => rates(params).prop_map(Growth::Rate),
        1 => prop::sample::select(vec![
            Growth::New,
            Growth::NewLoss,
            Growth::TurnedProfit,
            Growth::TurnedLoss,
            Growth::LossNarrowed,
            Growth::LossWidened,
            Growth::LossUnchanged,
        ]),
    ]
}

/// What [`periods`] makes: periods of the years in `years` (clamped to 1949–2100).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodParams {
    /// The years.
    pub years: RangeInclusive<i32>,
}

impl Default for PeriodParams {
    /// 2015 to 2025.
    fn default() -> Self {
        PeriodParams { years: 2015..=2025 }
    }
}

/// Periods of every kind a report names: 年, 月, 1—N月 (1—2月 among them), 季度, 前三季度, 上半年.
pub fn periods(params: PeriodParams) -> impl Strategy<Value = Period> {
    let years = (*params.years.start()).clamp(1949, 2100)..=(*params.years.end()).clamp(1949, 2100);
    (years, 0u8..6, 1u8..=12).prop_map(|(year, kind, n)| {
        let made = match kind {
            0 => Period::year(year),
            1 => Period::month(year, n),
            // 1—2月 is published combined: a tenth of the cumulative periods.
            2 => Period::year_to_month(year, if n == 1 { 2 } else { n }),
            3 => Period::quarter(year, 1 + n % 4),
            4 => Period::first_three_quarters(year),
            _ => Period::half(year, 1 + n % 2),
        };
        made.unwrap_or_else(|_| Period::year_clamped(year))
    })
}

/// Magnitudes, all of them ([`Magnitude::ALL`]).
pub fn magnitudes() -> impl Strategy<Value = Magnitude> {
    prop::sample::select(Magnitude::ALL.to_vec())
}

/// Units of one word, every one the process knows ([`Unit::all`]).
pub fn units() -> impl Strategy<Value = Unit> {
    prop::sample::select(Unit::all())
}

/// What [`ledgers`] makes: up to `max_tasks` tasks in up to `domains` domains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerParams {
    /// The most tasks.
    pub max_tasks: usize,
    /// The most domains (领域).
    pub domains: usize,
}

impl Default for LedgerParams {
    /// Up to 60 tasks in up to 8 domains, as the 2021 ledger of seed 004.
    fn default() -> Self {
        LedgerParams {
            max_tasks: 60,
            domains: 8,
        }
    }
}

/// One task line of [`ledger_csvs`]: domain, status, deadline month.
fn task_line(i: usize, domain: usize, status: u8, month: u8) -> String {
    let (status, reason) = match status {
        0 => ("已完成", ""),
        1 => ("推进中", ""),
        2 => ("延期", "上级方案未印发"),
        3 => ("未启动", ""),
        _ => ("取消", "机构调整"),
    };
    format!("{i},领域{domain},任务{i},牵头单位{domain},2021年{month}月,{status},{reason}\n")
}

/// 改革台账 CSV (编号,领域,任务,牵头单位,完成时限,状态,延期原因): every status, deferred and
/// cancelled tasks with their reason.
pub fn ledger_csvs(params: LedgerParams) -> impl Strategy<Value = String> {
    let domains = params.domains.max(1);
    prop::collection::vec((0..domains, 0u8..5, 1u8..=12), 0..=params.max_tasks).prop_map(|tasks| {
        let mut csv = String::from("编号,领域,任务,牵头单位,完成时限,状态,延期原因\n");
        for (i, (domain, status, month)) in tasks.into_iter().enumerate() {
            csv.push_str(&task_line(i + 1, domain, status, month));
        }
        csv
    })
}

/// Ledgers, read from [`ledger_csvs`] (which every row of reads).
pub fn ledgers(params: LedgerParams) -> impl Strategy<Value = Ledger> {
    ledger_csvs(params).prop_map(|csv| {
        Ledger::read_csv(csv.as_bytes()).map_or_else(|_| Ledger::new(), |(ledger, _)| ledger)
    })
}

/// What [`long_csvs`] makes: `regions` × the built-in money indicators `indicators` × `years`
/// rows, each key once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvParams {
    /// How many regions (示例县, 甲镇, 乙乡 …).
    pub regions: usize,
    /// Indicator codes of the built-in catalog, in 万元.
    pub indicators: Vec<&'static str>,
    /// The years, each a 1—10月 row.
    pub years: RangeInclusive<i32>,
}

impl Default for CsvParams {
    /// Three regions, 固定资产投资 and 社会消费品零售总额, 2021 to 2023.
    fn default() -> Self {
        CsvParams {
            regions: 3,
            indicators: vec!["fai", "retail"],
            years: 2021..=2023,
        }
    }
}

/// A long CSV (地区,指标,时期,数值,同比增长) that reads without a bad row: distinct keys, figures
/// in 万元 at 0 to 2 places, a published growth on some rows.
pub fn long_csvs(params: CsvParams) -> impl Strategy<Value = String> {
    let years: Vec<i32> = params.years.clone().collect();
    let regions: Vec<String> = (0..params.regions.max(1))
        .map(|i| match i {
            0 => "示例县".to_string(),
            i => format!("第{i}镇"),
        })
        .collect();
    let mut keys = Vec::new();
    for r in &regions {
        for i in &params.indicators {
            for y in &years {
                keys.push((r.clone(), *i, *y));
            }
        }
    }
    let n = keys.len();
    prop::collection::vec(
        (
            quantities(QuantityParams {
                min: 1,
                max: 9_999_999,
                decimals: 0..=2,
                magnitudes: vec![Magnitude::TenThousand],
                units: vec![Unit::YUAN],
            }),
            prop_oneof![7 => Just(None), 3 => rates(RateParams::default()).prop_map(Some)],
        ),
        n..=n,
    )
    .prop_map(move |cells| {
        let mut csv = String::from("地区,指标,时期,数值,同比增长\n");
        for ((region, indicator, year), (value, yoy)) in keys.iter().zip(cells) {
            let yoy = yoy.map(|r| r.to_string()).unwrap_or_default();
            csv.push_str(&format!(
                "{region},{indicator},{year}年1—10月,{value},{yoy}\n"
            ));
        }
        csv
    })
}

/// What [`consistent_reports`] and [`mutated_reports`] make: 完成率 sentences of levels and
/// targets of at least `min_level` 万元 (so that a wrong figure lies outside what their rounding
/// allows) written at `places` (1 or 2) places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportParams {
    /// The least level and target, in 万元 (at least 1,000).
    pub min_level: i64,
    /// The places of the printed 完成率 (1 or 2).
    pub places: u32,
}

impl Default for ReportParams {
    /// Levels of 10,000 to 999,999 万元; 完成率 at 1 place.
    fn default() -> Self {
        ReportParams {
            min_level: 10_000,
            places: 1,
        }
    }
}

/// A report sentence whose figures agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsistentReport {
    /// The text: "2023年1—10月，全县完成固定资产投资46596万元，完成年度目标任务数44000万元的105.9%。"
    pub text: String,
    /// The level, the target and the printed 完成率, as written in it.
    pub figures: [String; 3],
}

/// How [`mutated_reports`] made a figure wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mutation {
    /// Moved by this many units of its last digit: never 0, and never −1, since one unit down can
    /// be the figure cut instead of rounded (64.0% printed 63.9% when the levels allow 63.9998%),
    /// which an audit reports as a hint, not an inconsistency.
    Shifted(i64),
    /// Two adjacent different digits swapped (107.24% for 107.42%).
    SwappedDigits,
    /// Computed against a target this many percent off the one written.
    WrongBase(i64),
}

/// A [`ConsistentReport`] with its 完成率 made wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MutatedReport {
    /// The text with the wrong figure.
    pub text: String,
    /// The wrong 完成率 as printed in it.
    pub figure: String,
    /// What was done to it.
    pub mutation: Mutation,
}

/// 完成率 of `level` against `target` in percent at `places`, 四舍五入, as printed.
fn completion_text(level: i64, target: i64, places: u32) -> String {
    let rate = crate::Rounding::new(places)
        .apply(Decimal::from(level) * Decimal::ONE_HUNDRED / Decimal::from(target.max(1)));
    format!("{rate}%")
}

fn report_text(period: &str, level: i64, target: i64, completion: &str) -> String {
    format!(
        "{period}，全县完成固定资产投资{level}万元，完成年度目标任务数{target}万元的{completion}。"
    )
}

fn report_parts(params: &ReportParams) -> impl Strategy<Value = (String, i64, i64)> + use<> {
    let low = params.min_level.max(1_000);
    (
        2015i32..=2025,
        2u8..=12,
        low..=low.saturating_mul(100),
        50i64..=150,
    )
        .prop_map(|(year, month, target, percent)| {
            let level = target * percent / 100 + 1;
            (format!("{year}年1—{month}月"), level, target)
        })
}

/// Report sentences whose 完成率 is what their level and target give: an audit must not flag them.
pub fn consistent_reports(params: ReportParams) -> impl Strategy<Value = ConsistentReport> {
    let places = params.places.clamp(1, 2);
    report_parts(&params).prop_map(move |(period, level, target)| {
        let completion = completion_text(level, target, places);
        ConsistentReport {
            text: report_text(&period, level, target, &completion),
            figures: [format!("{level}万元"), format!("{target}万元"), completion],
        }
    })
}

/// Swaps the first pair of adjacent, different digits of `figure` from the right.
fn swap_digits(figure: &str) -> Option<String> {
    let mut chars: Vec<char> = figure.chars().collect();
    let digits: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_digit())
        .collect();
    // Adjacent in the text, different, and not making a leading zero (010.0%).
    let pair = digits.windows(2).rev().find(|w| {
        w[1] == w[0] + 1 && chars[w[0]] != chars[w[1]] && !(w[0] == digits[0] && chars[w[1]] == '0')
    })?;
    chars.swap(pair[0], pair[1]);
    Some(chars.into_iter().collect())
}

/// The sentences of [`consistent_reports`] with the 完成率 wrong by a [`Mutation`]: an audit must
/// flag each one.
pub fn mutated_reports(params: ReportParams) -> impl Strategy<Value = MutatedReport> {
    let places = params.places.clamp(1, 2);
    let unit = Decimal::new(1, places);
    (report_parts(&params), 0u8..3, 1i64..=50, prop::bool::ANY).prop_map(
        move |((period, level, target), kind, k, down)| {
            let right = completion_text(level, target, places);
            let signed = if down { -(k + 1) } else { k };
            let shifted = || {
                let value: Decimal = right.trim_end_matches('%').parse().unwrap_or(Decimal::ZERO);
                (
                    format!("{}%", value + unit * Decimal::from(signed)),
                    Mutation::Shifted(signed),
                )
            };
            let (figure, mutation) = match kind {
                0 => shifted(),
                1 => swap_digits(&right).map_or_else(shifted, |f| (f, Mutation::SwappedDigits)),
                _ => {
                    // 5% to 50% off the written target: far outside what rounding allows.
                    let wrong = target + target * (4 + k) / 100 * if down { -1 } else { 1 };
                    (
                        completion_text(level, wrong.max(1), places),
                        Mutation::WrongBase(signed),
                    )
                }
            };
            MutatedReport {
                text: report_text(&period, level, target, &figure),
                figure,
                mutation,
            }
        },
    )
}

impl Arbitrary for Quantity {
    type Parameters = QuantityParams;
    type Strategy = BoxedStrategy<Quantity>;

    fn arbitrary_with(params: QuantityParams) -> Self::Strategy {
        quantities(params).boxed()
    }
}

impl Arbitrary for Rate {
    type Parameters = RateParams;
    type Strategy = BoxedStrategy<Rate>;

    fn arbitrary_with(params: RateParams) -> Self::Strategy {
        rates(params).boxed()
    }
}

impl Arbitrary for Growth {
    type Parameters = RateParams;
    type Strategy = BoxedStrategy<Growth>;

    fn arbitrary_with(params: RateParams) -> Self::Strategy {
        growths(params).boxed()
    }
}

impl Arbitrary for Period {
    type Parameters = PeriodParams;
    type Strategy = BoxedStrategy<Period>;

    fn arbitrary_with(params: PeriodParams) -> Self::Strategy {
        periods(params).boxed()
    }
}

impl Arbitrary for Magnitude {
    type Parameters = ();
    type Strategy = BoxedStrategy<Magnitude>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        magnitudes().boxed()
    }
}

impl Arbitrary for Unit {
    type Parameters = ();
    type Strategy = BoxedStrategy<Unit>;

    fn arbitrary_with((): ()) -> Self::Strategy {
        units().boxed()
    }
}

impl Arbitrary for Ledger {
    type Parameters = LedgerParams;
    type Strategy = BoxedStrategy<Ledger>;

    fn arbitrary_with(params: LedgerParams) -> Self::Strategy {
        ledgers(params).boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_swap_from_the_right() {
        assert_eq!(swap_digits("107.42%").as_deref(), Some("107.24%"));
        assert_eq!(swap_digits("100.0%"), None); // 010.0% is not a typist's slip
        assert_eq!(swap_digits("105.9%").as_deref(), Some("150.9%")); // adjacent digits only, not across the point

        assert_eq!(swap_digits("11.1%"), None);
        assert_eq!(completion_text(46596, 44000, 1), "105.9%");
        assert_eq!(completion_text(1025, 10000, 1), "10.3%"); // a tie, 四舍五入
    }
}
