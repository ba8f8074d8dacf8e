//! # tongji (统计)
//!
//! Exact figures for Chinese government work reports and statistical communiqués: read
//! "2.85亿元", "46596万元", "105.9％", "101.2万公斤" into typed decimal values, compute the derived
//! figures reports print — 同比增长, 完成率, 占比/结构, 个百分点, 贡献率/拉动, 两年平均, 序时进度,
//! 均价/亩产 — by the official conventions, and write them back as Chinese report text.
//!
//! No floating point anywhere: every number is a [`Decimal`] inside a domain type, and a figure is
//! rounded once, when it is printed.
//!
//! ## Quick start
//!
//! ```
//! use tongji::{completion, growth, schedule_gap, structure, Magnitude, Period, Quantity, Rate};
//!
//! let q: Quantity = "2.85亿元".parse()?;
//! assert_eq!(q.to_magnitude(Magnitude::TenThousand)?.to_string(), "28500万元");
//! assert_eq!(q.checked_add(&"46596万元".parse()?)?.to_string(), "7.5096亿元");
//! assert!("X亿元".parse::<Quantity>().unwrap_err().is_placeholder()); // 占位符不是零
//!
//! let g = growth(&"1301亿元".parse()?, &"1250亿元".parse()?)?; // the later value first
//! assert_eq!(g.to_string(), "增长4.1%");
//! let r = completion(&"46596万元".parse()?, &"4.4亿元".parse()?)?;
//! let p: Period = "2023年1至10月".parse()?;
//! assert_eq!(schedule_gap(&r, &p.elapsed())?.to_string(), "快于序时进度22.6个百分点");
//! let s = structure(&["89755亿元".parse()?, "482589亿元".parse()?, "688238亿元".parse()?])?;
//! assert_eq!(s.to_string(), "7.1:38.3:54.6");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The [`cookbook`] has recipes for the figures of real report sentences; the glossary below maps
//! each Chinese term to its function. Searching the docs for a Chinese term (完成率, 同比增长,
//! 序时进度 …) finds its item.
//!
//! ## The model
//!
//! - [`Quantity`]: an exact value with a [`Unit`] (元, 公斤, 亩, 人次, 项 …) and the [`Magnitude`] it
//!   was written in (万, 亿 …). Equality and arithmetic are in base units, so "2.85亿元" equals
//!   "28500万元"; a unit mismatch (元 + 人次, 项 + 件) is an [`Error`], never a silent sum. A parsed
//!   figure knows its [`Precision`] ("2.68" is ± 0.005, "44项" is exact, "200余亩" approximate).
//! - [`Rate`] (percent or per mille), [`PercentPoints`] (个百分点), [`Multiple`] (倍), [`Growth`] (a
//!   rate, or 新增 / 扭亏为盈 / 减亏 … where the base is zero or negative).
//! - [`Period`]: 年, 上半年, 三季度, 10月, 1—10月, 前三季度, with 上年同期 and 序时进度.
//! - [`Table`]: observations by region × indicator × period against a [`Catalog`] that says how each
//!   indicator aggregates and whether its growth may be recomputed from levels; [`Report`] tables,
//!   roll-ups, 累计 and 当月.
//! - [`Ledger`] (改革台账) and [`Rectification`] (整改台账), with their 完成率 and 整改率.
//! - [`audit`] (勾稽关系): every stated derived figure checked against its operands, with the
//!   rounding of the digits as printed; [`Table::audit`] gives a Chinese 审核报告 and a versioned
//!   JSON; [`audit::text`] audits the relations a report's text states.
//! - [`text`]: the figures of report text found ([`text::figures`]) and bound to indicator, period
//!   and relation ([`text::statements`]); X templates filled ([`text::Template`]); sentences
//!   written from a table ([`Table::sentence`], [`Table::section`]).
//!
//! Two conventions hold everywhere. **The later value comes first**: `growth(current, previous)`,
//! `completion(actual, target)`, `share(part, total)`, `contributions(current, previous)`,
//! `cagr(last, first, years)`. **Options are set, values are copied**: option types take plain
//! by-value setters (`CsvOptions::new().strict(true)`, `WriteOptions::new().bom(true)`), while value
//! types, whose plain names are their getters, are copied with a field changed by `with_*`
//! (`Observation::new(..).with_status(..)`, `Rounding::new(1).with_mode(..)`).
//!
//! ## Glossary
//!
//! | 术语 | function | formula | METHODOLOGY § |
//! |---|---|---|---|
//! | 同比增长 / 环比增长 | [`growth`], [`Table::growth`], [`Yoy`] | (cur − prev) × 100 / prev | Growth |
//! | 增长X倍, 翻番 | [`Growth`] parsing, [`GrowthFormat::multiples`], [`doubling_rate`] | 增长X倍 = +100·X%; 翻n番 = ×2ⁿ | Growth |
//! | 新增, 扭亏为盈, 由盈转亏, 减亏, 增亏 | [`Growth`] states | no percentage on a zero or negative base | Growth |
//! | 个百分点 | [`percentage_points`], [`Rate::checked_sub`] | r_t − r_{t−1} | Percentage points |
//! | 增速回落, 降幅收窄 | [`rate_change_wording`] | sign of r_t − r_{t−1} | Percentage points |
//! | 占比, 比重 | [`share`], [`Table::share_of_parent`] | part × 100 / total | Shares and structure |
//! | 三次产业结构 | [`structure`], [`Structure::largest_remainder`] | s₁ : s₂ : s₃ | Shares and structure |
//! | 贡献率 | [`contributions`], [`approximate_contributions`], [`Contribution::share`] | Δᵢ / ΔY × 100 | Contribution to growth |
//! | 拉动 | [`Contribution::pull`], [`Contribution::pull_wording`] | Δᵢ / Y_{t−1} × 100 | Contribution to growth |
//! | 两年平均增长 | [`average_growth`] | √((1+g₁)(1+g₂)) − 1 | Averages over years |
//! | 年均增长 | [`cagr`] | (X_t / X_{t−n})^{1/n} − 1 | Averages over years |
//! | 累计, 当月 | [`Table::cumulate`], [`Table::monthly_from_cumulative`] | C_m = Σ x_k; x_m = C_m − C_{m−1} | Cumulative and single periods |
//! | 完成率 | [`completion`], [`Table::completion`] | actual × 100 / target | Targets and schedule |
//! | 超额完成 | [`excess_over_target`] | completion − 100 | Targets and schedule |
//! | 压减任务完成率 | [`reduction_completion`] | (base − actual) / (base − target) | Targets and schedule |
//! | 序时进度 | [`Period::elapsed`], [`elapsed_by_days`] | m / 12, d / 365 (366) | Targets and schedule |
//! | 快于/慢于序时进度 | [`schedule_gap`], [`Table::schedule_gap`] | completion − elapsed, each as printed | Targets and schedule |
//! | 均价 | [`per_unit`] | amount / quantity | Per-unit figures |
//! | 亩产 | [`yield_per_mu`] | output / area, 公斤/亩 | Per-unit figures |
//! | 户均, 人均 | [`per_household`], [`per_capita`] | total / households, total / persons | Per-unit figures |
//! | 改革任务完成率 | [`Summary::completion_rate`], [`Summary::completion_rate_all`] | completed / (total − deferred − cancelled) | Ledgers |
//! | 整改率 | [`RectificationCounts::rate`] | rectified / found | Ledgers |
//! | 四舍五入, 四舍六入五成双 | [`Rounding`], [`RoundingMode`] | half away from zero; half even (GB/T 8170) | Rounding |
//! | 上年同期 | [`Period::same_period_last_year`] | the same months a year before | Cumulative and single periods |
//! | 勾稽关系, 数据审核 | [`audit`], [`Table::audit`], [`audit::AuditReport`] | stated figure within the range its operands allow | Rounding |
//! | 文字审核, 找数 | [`audit::text`], [`text::figures`], [`text::statements`] | every relation a sentence states | Rounding |
//! | 填报模板 (X) | [`text::Template`] | placeholders bound and filled from a table | — |
//! | 万元, 亿元 | [`Magnitude::TenThousand`], [`Magnitude::HundredMillion`] | ×10⁴, ×10⁸ (SDMX `UNIT_MULT` 4, 8) | SDMX vocabulary |
//!
//! The last column names the section of the project's methodology (METHODOLOGY.md) that states
//! the convention and its sources.
//!
//! ## Rounding
//!
//! Figures are computed exactly (to 28 significant digits) and rounded once, when displayed.
//! Rounding is 四舍五入 — half away from zero (0.05% → "0.1%", −0.05% → "-0.1%") — unless a
//! [`Rounding`] with [`RoundingMode::HalfEven`] (GB/T 8170) or [`RoundingMode::Truncate`] is asked
//! for. A figure parsed from text displays with the digits it was written with ("107.42%" stays
//! "107.42%", "负增长1.21%" reworded is "下降1.21%"). A computed figure displays by its kind's
//! default: rates, shares, completion and percentage points at 1 decimal; 倍 at 2; money per unit
//! (均价) at 2; other per-unit ratios (亩产) at 0; sums and differences at their operands' places.
//! `format!("{:.2}", rate)` rounds half away from zero (the crate's own formatting: `Decimal`'s
//! `{:.N}` truncates). Every figure serializes with every digit of its value.
//!
//! The arithmetic itself is in [`kernel`]: growth, percentages and rounding on scaled integers
//! wherever they are proven to give the `Decimal` figure (with `Decimal` as the fallback), at the
//! `Decimal` level and on bare mantissas for front ends that keep columns of them.
//!
//! ## Tables and CSV
//!
//! CSV is long format, one observation a row, with Chinese or English headers: `地区/region`,
//! `指标/indicator` (code, name or alias), `时期/period`, `数值/value` (with its unit, or with a
//! `单位/unit` column), and optionally `状态/status`, `同比增长/yoy`, `目标/target`. UTF-8 with or
//! without BOM; GBK/GB18030 with the `gbk` feature (on by default). A bad row is reported with its
//! line and column, and the good rows are kept ([`CsvOptions::strict`] stops at the first instead).
//! Writers take [`WriteOptions`]: a BOM for Excel, the delimiter, the rounding of computed figures.
//! A table stores its observations as columns (46 bytes a row); large files are read on all cores
//! (feature `parallel`), with the same result as on one; [`Table::report_cells`] writes every
//! line's report cells into one reused buffer.
//! The delimiter is sniffed (comma, tab, semicolon) unless [`CsvOptions::delimiter`] names it; a
//! region or period the file does not carry is named by [`CsvOptions::region`] and
//! [`CsvOptions::period`]; an indicator the catalog does not know is an ad-hoc entry
//! ([`Indicator::is_ad_hoc`]) unless [`CsvOptions::strict_catalog`].
//!
//! The wide layout offices export — title rows, one indicator a row, columns 本月, 1-本月累计,
//! 上年同期, 同比增长(%), 年度目标, 完成率, footnotes, or regions as columns — is read by
//! [`Table::read_wide_csv`] and, from .xlsx/.xls/.ods sheets, [`Table::read_xlsx`] (with
//! [`WideOptions`]); [`Table::inspect_wide_csv`] shows how a file's columns were mapped
//! ([`WideLayout`]). Units are open ([`Unit::register`], [`UnitSpec`] for "万元"), and so is the
//! catalog ([`Catalog::read_csv`], [`Catalog::write_csv`]).
//!
//! ```
//! use tongji::{Period, Table};
//! let csv = "地区,指标,时期,数值,同比增长\n示例县,社会消费品零售总额,2023年,120.5亿元,\n示例县,社会消费品零售总额,2022年,110亿元,\n";
//! let (table, bad_rows) = Table::read_csv(csv.as_bytes())?;
//! assert!(bad_rows.is_empty());
//! let g = table.growth("示例县", "社会消费品零售总额", &"2023年".parse::<Period>()?)?;
//! assert_eq!(g.to_string(), "增长9.5%");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Features
//!
//! - `parallel` (default): read large CSV files on all cores (rayon); the table is the same.
//! - `gbk` (default): decode GBK/GB18030 CSV input (encoding_rs).
//! - `xlsx` (default): read workbooks — .xlsx, .xls, .ods — with calamine: [`Table::read_xlsx`],
//!   [`Table::read_xlsx_long`]. A numeric cell is the exact decimal of the shortest text of its
//!   double, padded to the places of its number format ("0.00"), a percentage for a "%" format.
//! - `proptest`: `tongji::proptest`, strategies for property tests of code that uses the crate —
//!   quantities, rates with ties at the rounding digit, growths, periods, ledgers, long CSV, report
//!   sentences that agree and ones with a typist's slip — and proptest's `Arbitrary` for the value
//!   types.
//! - `arbitrary`: `arbitrary::Arbitrary` for `Quantity`, `Rate`, `Growth`, `Period`, `Magnitude`
//!   and `Unit`, for cargo-fuzz targets. With proptest's prelude in scope as well, name the trait:
//!   `<Quantity as arbitrary::Arbitrary>::arbitrary(&mut u)`.
//!
//! JSON and CSV, by one rule — a round trip keeps every digit a figure was written with and never
//! changes what it prints:
//!
//! - a figure as written (read from text) serializes as its text, `"7.233%"`, and reads back from
//!   a string or a number (integers as written; a number with a fraction by its shortest text,
//!   refused beyond 15 significant digits, since a double may have lost them);
//! - a computed figure (a quotient, a roll-up's 人均) serializes as every digit and what it
//!   prints, `{"value": "33.333333333333333333333333333%", "shown": "33.3%"}`, and reads back as
//!   the same computed figure;
//! - a CSV cell holds what a report prints: a computed figure as it prints, or with every digit
//!   under [`WriteOptions::exact`].
//!
//! Periods also read in ISO forms ("2023-10", "2023-Q3", "2023-01/2023-10"). [`Table`],
//! [`Report`], [`Error`] and the audit report serialize; deserialized ledger counts are checked.
//!
//! ## Errors and bad input
//!
//! Nothing panics on any input. [`Error`] is one pointer wide; branch on [`Error::kind`] or its
//! `is_*` predicates. Every message quotes the text it refused and says what was expected; a row of
//! a file carries its [`Location`] (line, column, byte offset); a placeholder ("X", "XX", "—") is
//! [`ErrorKind::Placeholder`], never zero; numbers with more digits than a decimal holds are refused,
//! not rounded. `use tongji::*` is safe: [`Result`] has a default error type, so
//! `Result<(), Box<dyn std::error::Error>>` still means what it says.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        reason = "a test that cannot unwrap has failed, which is what it should do"
    )
)]

#[cfg(feature = "arbitrary")]
mod arbitrary;
mod error;
mod indicator;
mod io;
pub mod kernel;
mod ledger;
mod period;
#[cfg(feature = "proptest")]
#[path = "strategies.rs"]
pub mod proptest;
mod table;
pub mod text;
mod value;

pub mod audit;
pub mod cookbook;

pub use chrono::NaiveDate;
pub use rust_decimal::Decimal;

// Aliases of the re-exported items stand on their `pub use`: rustdoc (1.95) indexes an alias
// there, and drops one written on an item defined in a private module.
#[doc(alias = "错误")]
pub use error::Error;
pub use error::{ErrorKind, Location, Result};
#[doc(alias = "两年平均增长")]
#[doc(alias = "两年平均")]
#[doc(alias = "平均增长")]
pub use indicator::average::average_growth;
#[doc(alias = "年均增长")]
#[doc(alias = "年均增速")]
pub use indicator::average::cagr;
#[doc(alias = "翻番")]
#[doc(alias = "翻一番")]
pub use indicator::average::doubling_rate;
#[doc(alias = "倍数")]
pub use indicator::average::multiple;
#[doc(alias = "指标目录")]
pub use indicator::catalog::Catalog;
#[doc(alias = "指标")]
pub use indicator::catalog::Indicator;
pub use indicator::catalog::IndicatorKind;
#[doc(alias = "贡献率")]
#[doc(alias = "拉动")]
pub use indicator::contribution::Contribution;
#[doc(alias = "贡献率")]
#[doc(alias = "拉动")]
pub use indicator::contribution::approximate_contributions;
#[doc(alias = "贡献率")]
#[doc(alias = "拉动")]
pub use indicator::contribution::contributions;
#[doc(alias = "贡献率")]
#[doc(alias = "拉动")]
pub use indicator::contribution::contributions_from_increments;
#[doc(alias = "增长")]
#[doc(alias = "增速")]
pub use indicator::growth::Growth;
pub use indicator::growth::GrowthFormat;
#[doc(alias = "同比增长")]
#[doc(alias = "环比增长")]
#[doc(alias = "同比")]
pub use indicator::growth::growth;
#[doc(alias = "个百分点")]
#[doc(alias = "百分点")]
pub use indicator::growth::percentage_points;
#[doc(alias = "人均")]
pub use indicator::ratio::per_capita;
#[doc(alias = "户均")]
pub use indicator::ratio::per_household;
#[doc(alias = "均价")]
#[doc(alias = "单价")]
pub use indicator::ratio::per_unit;
#[doc(alias = "亩产")]
#[doc(alias = "单产")]
pub use indicator::ratio::yield_per_mu;
#[doc(alias = "序时进度")]
pub use indicator::schedule::ScheduleGap;
#[doc(alias = "序时进度")]
#[doc(alias = "快于序时进度")]
#[doc(alias = "慢于序时进度")]
pub use indicator::schedule::schedule_gap;
#[doc(alias = "占比")]
#[doc(alias = "比重")]
pub use indicator::share::share;
#[doc(alias = "结构")]
#[doc(alias = "三次产业结构")]
pub use indicator::share::structure;
pub use indicator::share::{Adjusted, Structure};
#[doc(alias = "完成率")]
#[doc(alias = "完成年度目标")]
pub use indicator::target::completion;
#[doc(alias = "超额完成")]
pub use indicator::target::excess_over_target;
#[doc(alias = "压减")]
pub use indicator::target::reduction_completion;
#[doc(alias = "月报")]
#[doc(alias = "快报")]
#[doc(alias = "宽表")]
pub use io::options::WideOptions;
pub use io::options::{CsvOptions, WriteOptions};
#[doc(alias = "表头")]
pub use io::wide::WideLayout;
#[doc(alias = "改革台账")]
#[doc(alias = "台账")]
pub use ledger::Ledger;
#[doc(alias = "销号")]
#[doc(alias = "挂账")]
pub use ledger::changes::Changes;
pub use ledger::changes::StatusChange;
pub use ledger::counts::Counts;
#[doc(alias = "完成时限")]
pub use ledger::deadline::Deadline;
#[doc(alias = "整改问题")]
pub use ledger::problem::Problem;
pub use ledger::problem::ProblemStatus;
#[doc(alias = "完成率")]
#[doc(alias = "整改率")]
pub use ledger::rate::TaskRate;
#[doc(alias = "整改台账")]
#[doc(alias = "整改率")]
pub use ledger::rectification::Rectification;
pub use ledger::rectification::RectificationCounts;
#[doc(alias = "完成情况")]
pub use ledger::summary::Summary;
#[doc(alias = "改革任务")]
#[doc(alias = "改革事项")]
pub use ledger::task::Task;
#[doc(alias = "完成情况")]
pub use ledger::task::TaskStatus;
#[doc(alias = "时期")]
#[doc(alias = "期别")]
pub use period::Period;
#[doc(alias = "序时进度")]
pub use period::elapsed_by_days;
#[doc(alias = "报表")]
pub use table::Table;
pub use table::aggregate::RollUp;
#[doc(alias = "报表")]
#[doc(alias = "主要经济指标")]
pub use table::cells::ReportCells;
#[doc(alias = "数据")]
pub use table::observation::Observation;
#[doc(alias = "状态")]
pub use table::observation::Status;
pub use table::report::Report;
pub use table::report::ReportLine;
pub use table::row::ObservationRef;
#[doc(alias = "同比")]
pub use table::yoy::Yoy;
#[doc(alias = "数量级")]
#[doc(alias = "区间")]
pub use value::interval::Interval;
pub use value::magnitude::Magnitude;
#[doc(alias = "倍")]
#[doc(alias = "倍数")]
pub use value::multiple::Multiple;
#[doc(alias = "个百分点")]
#[doc(alias = "百分点")]
pub use value::points::PercentPoints;
#[doc(alias = "增速回落")]
#[doc(alias = "降幅收窄")]
pub use value::points::rate_change_wording;
#[doc(alias = "精度")]
pub use value::precision::Precision;
#[doc(alias = "限定词")]
pub use value::quantity::Qualifier;
#[doc(alias = "数量")]
pub use value::quantity::Quantity;
#[doc(alias = "比率")]
#[doc(alias = "百分比")]
pub use value::rate::Rate;
#[doc(alias = "舍入")]
pub use value::rounding::Rounding;
#[doc(alias = "舍入方式")]
pub use value::rounding::RoundingMode;
#[doc(alias = "量纲")]
pub use value::unit::Dimension;
pub use value::unit::Factor;
#[doc(alias = "单位")]
#[doc(alias = "计量单位")]
pub use value::unit::Unit;
#[doc(alias = "单位注册")]
pub use value::unit::UnitDefinition;
#[doc(alias = "计量单位")]
#[doc(alias = "万元")]
pub use value::unit::UnitSpec;

/// The README's quick start, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
